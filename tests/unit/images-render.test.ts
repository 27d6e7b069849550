import { describe, expect, it } from 'vitest';
import { withKeptImages, type ImageView } from '@/utils/core/images/render';
import { sanitizeHtml } from '@/utils/core/sanitize';

const html = sanitizeHtml(
  '<p>Banjir melanda.</p><figure><picture><source srcset="https://cdn.example/a.webp"><img src="https://cdn.example/a.jpg?w=1&amp;h=2" srcset="https://cdn.example/a-2x.jpg 2x" alt="A"></picture><figcaption>Warga.</figcaption></figure>' +
    '<p>Kedua <img src="https://cdn.example/gone.jpg" alt="B"> dan <img src="https://track.example/p.gif"> akhir.</p><img src="https://cdn.example/untouched.jpg">',
);
const body = (markup: string) => {
  const div = document.createElement('div');
  div.innerHTML = markup;
  return div;
};

describe('a saved copy shown with its kept images', () => {
  const views = new Map<string, ImageView>([
    ['https://cdn.example/a.jpg?w=1&h=2', { kind: 'kept', src: 'blob:kliping/1' }],
    ['https://cdn.example/gone.jpg', { kind: 'failed', note: 'Image not kept: too big' }],
    ['https://track.example/p.gif', { kind: 'skipped' }],
  ]);
  const shown = body(withKeptImages(html, views));

  it('swaps in the kept picture, with no srcset or picture source to win over it', () => {
    const kept = shown.querySelector('img[alt="A"]')!;
    expect(kept.getAttribute('src')).toBe('blob:kliping/1');
    expect(kept.hasAttribute('srcset')).toBe(false);
    expect(shown.querySelectorAll('source')).toHaveLength(0);
  });

  it('says why a picture was not kept without changing the text highlights count in', () => {
    const note = shown.querySelector('img[alt="B"] + [role="note"]')!;
    expect(note.getAttribute('data-note')).toBe('Image not kept: too big');
    expect(shown.textContent).toBe(body(html).textContent);
  });

  it('drops tracking pixels and leaves images it knows nothing of as they were', () => {
    expect(shown.querySelector('img[src*="track.example"]')).toBeNull();
    expect(shown.querySelector('img[src="https://cdn.example/untouched.jpg"]')).not.toBeNull();
  });
});
