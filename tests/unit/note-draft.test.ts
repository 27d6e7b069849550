import { beforeEach, describe, expect, it } from 'vitest';
import { NOTE_DRAFT_LIFETIME_MS, NoteDrafts, draftToReplay, noteDraftKey } from '@/utils/core/note-draft';

const URL_A = 'https://news.example/a/1';

describe('note drafts', () => {
  let now = 1_000_000;
  let drafts: NoteDrafts;
  beforeEach(() => {
    localStorage.clear();
    now = 1_000_000;
    drafts = new NoteDrafts(localStorage, () => now);
  });

  it('keeps the note as typed, by the page it belongs to, until cleared', () => {
    drafts.write(URL_A, 'Harga naik', '');
    drafts.write(URL_A, 'Harga naik karena ekspor!', 'Harga naik');
    expect(drafts.read(URL_A)).toEqual({ text: 'Harga naik karena ekspor!', base: 'Harga naik', at: now });
    // Tracking parameters do not make it another page.
    expect(drafts.read(`${URL_A}?utm_source=x`)?.text).toBe('Harga naik karena ekspor!');
    expect(drafts.read('https://news.example/a/2')).toBeNull();
    drafts.clear(URL_A);
    expect(drafts.read(URL_A)).toBeNull();
  });

  it('forgets a draft past its lifetime, on read and on sweep', () => {
    drafts.write(URL_A, 'lama', '');
    drafts.write('https://news.example/b', 'juga lama', '');
    localStorage.setItem('other-key', 'not ours');
    now += NOTE_DRAFT_LIFETIME_MS + 1;
    drafts.write('https://news.example/c', 'baru', '');
    expect(drafts.read(URL_A)).toBeNull();
    drafts.sweep();
    expect(localStorage.getItem(noteDraftKey('https://news.example/b'))).toBeNull();
    expect(drafts.read('https://news.example/c')?.text).toBe('baru');
    expect(localStorage.getItem('other-key')).toBe('not ours');
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem(noteDraftKey(URL_A), '{broken');
    expect(drafts.read(URL_A)).toBeNull();
    localStorage.setItem(noteDraftKey(URL_A), JSON.stringify({ text: 5 }));
    expect(drafts.read(URL_A)).toBeNull();
  });
});

describe('draftToReplay', () => {
  const draft = { text: 'Harga naik karena ekspor!', base: 'Harga naik', at: 0 };
  it('hands on the keystrokes that did not arrive', () => {
    expect(draftToReplay(draft, 'Harga naik karena ek')).toBe('Harga naik karena ekspor!');
    expect(draftToReplay(draft, 'Harga naik')).toBe('Harga naik karena ekspor!');
    // Deleting is typing too: the draft is typed over its base, which the database still has.
    expect(draftToReplay({ text: 'Harga', base: 'Harga naik', at: 0 }, 'Harga naik')).toBe('Harga');
  });
  it('does nothing once the database has it, or when the note changed since elsewhere', () => {
    expect(draftToReplay(draft, 'Harga naik karena ekspor!')).toBeNull();
    expect(draftToReplay(draft, 'Catatan dari perangkat lain')).toBeNull();
    expect(draftToReplay(null, 'x')).toBeNull();
  });
});
