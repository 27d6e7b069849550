import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

/*
 * The tags field hands on whole tags only: typing "gayo" key by key stores no "g", "ga", "gay"
 * (sync carried a half-typed "g" to another device once). Leaving the field in any way finishes
 * the last tag; a note is handed on at every keystroke.
 */

vi.mock('#i18n', () => ({ i18n: { t: (key: string) => key } }));
const { NotesAndTags } = await import('@/components/shared/NotesAndTags');

const host = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

function mount(initialTags: string[]) {
  const root = host();
  const tags: string[][] = [];
  const notes: string[] = [];
  act(() => render(<NotesAndTags initialNotes="" initialTags={initialTags} onNotes={(text) => notes.push(text)} onTags={(next) => tags.push(next)} />, root));
  const field = root.querySelector<HTMLInputElement>('[data-testid="tags"]')!;
  const type = (text: string) => {
    for (const key of text) {
      field.value += key;
      act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
    }
  };
  return { root, field, tags, notes, type };
}

describe('the tags field', () => {
  it('typing a tag key by key hands on no half of it; the comma after it does', () => {
    const { type, tags } = mount(['kopi']);
    type(', gayo');
    expect(tags).toEqual([]);
    type(', ');
    expect(tags).toEqual([['kopi', 'gayo']]);
  });

  it('leaving the field finishes the last tag: blur, Enter, the page hidden, the panel closed', () => {
    for (const leave of ['blur', 'enter', 'pagehide', 'unmount'] as const) {
      const { root, field, type, tags } = mount(['kopi']);
      type(', gayo');
      act(() => {
        if (leave === 'blur') field.dispatchEvent(new FocusEvent('blur'));
        if (leave === 'enter') field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        if (leave === 'pagehide') dispatchEvent(new Event('pagehide'));
        if (leave === 'unmount') render(null, root);
      });
      expect(tags, leave).toEqual([['kopi', 'gayo']]);
      act(() => render(null, root));
      expect(tags, `${leave}: once`).toEqual([['kopi', 'gayo']]);
    }
  });

  it('emptying the field removes every tag at once; a note goes at every keystroke', () => {
    const { root, field, tags, notes } = mount(['kopi', 'teh']);
    field.value = '';
    act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
    expect(tags).toEqual([[]]);
    const note = root.querySelector<HTMLTextAreaElement>('[data-testid="notes"]')!;
    for (const text of ['C', 'Ca']) {
      note.value = text;
      act(() => void note.dispatchEvent(new Event('input', { bubbles: true })));
    }
    expect(notes).toEqual(['C', 'Ca']);
  });
});
