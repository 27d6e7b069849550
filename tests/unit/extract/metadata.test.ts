import { describe, expect, it } from 'vitest';
import { cleanByline, cleanTitle, toIsoDate } from '../../../utils/core/extract/metadata';

describe('cleanTitle', () => {
  const none = { siteName: null, headline: null };

  it('drops the site name at either end when it is known', () => {
    expect(cleanTitle('How to Build a Terrarium | eHow', { ...none, siteName: 'eHow' })).toBe('How to Build a Terrarium');
    expect(cleanTitle('Kompas.com - Harga beras naik lagi pekan ini', { ...none, siteName: 'Kompas.com' })).toBe('Harga beras naik lagi pekan ini');
  });

  it('keeps a title that is the site name itself (a home page)', () => {
    const title = 'Yahoo News - Latest News & Headlines';
    expect(cleanTitle(title, { ...none, siteName: title })).toBe(title);
  });

  it('cuts a short trailing dash part when no site name is known', () => {
    expect(cleanTitle('Lorem ipsum dolor sit amet – My website', none)).toBe('Lorem ipsum dolor sit amet');
    expect(cleanTitle('Banjir rendam ribuan rumah di Bekasi — Warta Kota', none)).toBe('Banjir rendam ribuan rumah di Bekasi');
  });

  it('keeps a dash that the page headline shows is part of the headline', () => {
    const title = 'Brexit deal passes – what happens next';
    expect(cleanTitle(title, { ...none, headings: [title] })).toBe(title);
  });

  it('keeps a dashed title whose last part is too long to be a site name', () => {
    const title = 'Markets fall – investors fear a long winter of higher rates';
    expect(cleanTitle(title, none)).toBe(title);
  });

  it('restores a colon prefix the page heading shows belongs to the headline', () => {
    expect(cleanTitle('Shared Mutable History', { ...none, headings: ['Evolve: Shared Mutable History¶'] })).toBe('Evolve: Shared Mutable History');
    expect(cleanTitle('Shared Mutable History', { ...none, headings: ['A long preamble of many words: Shared Mutable History'] })).toBe('Shared Mutable History');
  });

  it("prefers the page's own headline when the title wraps it", () => {
    expect(cleanTitle('Breaking | Floods hit Jakarta again this week | City Desk', { ...none, headline: 'Floods hit Jakarta again this week' })).toBe(
      'Floods hit Jakarta again this week',
    );
  });
});

describe('cleanByline', () => {
  it('reduces a byline to the name', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('Penulis: Budi Santoso')).toBe('Budi Santoso');
    expect(cleanByline('Oleh  Siti Aminah |')).toBe('Siti Aminah');
    expect(cleanByline('https://example.com/author/jane')).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('keeps ISO forms and converts other parsable dates', () => {
    expect(toIsoDate('2024-03-05T10:20:00+07:00')).toBe('2024-03-05T10:20:00+07:00');
    expect(toIsoDate('2024-03-05')).toBe('2024-03-05');
    expect(toIsoDate('Tue, 05 Mar 2024 03:20:00 GMT')).toBe('2024-03-05T03:20:00.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
  });
});
