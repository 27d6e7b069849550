import { describe, expect, it } from 'vitest';
import { imageUrlsOf, leadImageShown } from '@/utils/core/images/urls';
import { sanitizeHtml } from '@/utils/core/sanitize';

describe('the images a saved copy shows', () => {
  it('reads each img src once, in order, from sanitized HTML, with entities decoded', () => {
    const html = sanitizeHtml(
      '<p><img src="https://cdn.example/a.jpg?w=800&amp;h=600" srcset="https://cdn.example/a-2x.jpg 2x"></p>' +
        '<picture><source srcset="https://cdn.example/b.webp"><img src="https://cdn.example/b.jpg" alt="x > y"></picture>' +
        '<img src="https://cdn.example/a.jpg?w=800&amp;h=600"><img src="data:image/gif;base64,R0lGOD"><img alt="no src">',
    );
    expect(imageUrlsOf(html)).toEqual(['https://cdn.example/a.jpg?w=800&h=600', 'https://cdn.example/b.jpg']);
  });

  it('adds the lead image first, unless the body shows that picture', () => {
    const html = '<p><img src="https://cdn.example/body.jpg"></p>';
    expect(imageUrlsOf(html, 'https://cdn.example/lead.jpg')).toEqual(['https://cdn.example/lead.jpg', 'https://cdn.example/body.jpg']);
    expect(imageUrlsOf(html, 'https://cdn.example/resized/body.jpg?x=1')).toEqual(['https://cdn.example/body.jpg']);
    expect(leadImageShown('javascript:alert(1)', null)).toBeNull();
  });
});
