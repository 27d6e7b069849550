import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderArticle } from '@/components/reader/ReaderArticle';
import { ArticleSummary } from '@/components/shared/ArticleSummary';
import { ReaderControls } from '@/components/reader/ReaderControls';
import { DEFAULT_READER_PREFS, FONT_STACKS } from '@/utils/core/reader/prefs';
import { sampleArticle } from './helpers';

// Message lookup is the browser's; these tests are about structure, so keys stand in for text.
vi.mock('#i18n', () => ({ i18n: { t: (key: string) => key } }));

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReaderArticle', () => {
  it('sets type through custom properties and keeps the article language and direction', () => {
    const host = root();
    const article = sampleArticle({ lang: 'ar', dir: 'rtl' });
    render(<ReaderArticle article={article} safeHtml="<p>نص</p>" prefs={{ ...DEFAULT_READER_PREFS, font: 'sans', size: 23 }} />, host);
    const element = host.querySelector('article')!;
    expect(element.getAttribute('dir')).toBe('rtl');
    expect(element.getAttribute('lang')).toBe('ar');
    expect(element.style.getPropertyValue('--reader-size')).toBe('23px');
    expect(element.style.getPropertyValue('--reader-font')).toBe(FONT_STACKS.sans);
    expect(host.querySelector('[data-testid="reader-body"]')!.innerHTML).toBe('<p>نص</p>');
  });

  it('gives images the page left undescribed an empty alt, keeping the ones it described', () => {
    const host = root();
    render(<ReaderArticle article={sampleArticle()} safeHtml={'<p><img src="https://cdn.example/a.jpg"><img src="https://cdn.example/b.jpg" alt="Petani memetik kopi"></p>'} prefs={DEFAULT_READER_PREFS} />, host);
    const alts = Array.from(host.querySelectorAll('[data-testid="reader-body"] img')).map((img) => img.getAttribute('alt'));
    expect(alts).toEqual(['', 'Petani memetik kopi']);
  });

  it('shows the lead image once: not when the body has it, never from a non-web URL', () => {
    const show = (leadImageUrl: string | null, html: string) => {
      const host = root();
      render(<ReaderArticle article={sampleArticle({ leadImageUrl })} safeHtml={html} prefs={DEFAULT_READER_PREFS} />, host);
      return host.querySelector('[data-testid="reader-lead-image"]')?.getAttribute('src') ?? null;
    };
    expect(show('https://cdn.example/foto/utama.jpg?w=800', '<p>Teks</p>')).toBe('https://cdn.example/foto/utama.jpg?w=800');
    expect(show('https://cdn.example/foto/utama.jpg?w=800', '<figure><img src="https://cdn.example/foto/utama.jpg?w=400"></figure>')).toBeNull();
    expect(show('javascript:alert(1)', '<p>Teks</p>')).toBeNull();
    expect(show(null, '<p>Teks</p>')).toBeNull();
  });

  it('says when only the link was saved', () => {
    const host = root();
    render(<ReaderArticle article={sampleArticle()} safeHtml={null} prefs={DEFAULT_READER_PREFS} />, host);
    expect(host.querySelector('[data-testid="reader-body"]')).toBeNull();
    expect(host.querySelector('.reader__empty')).not.toBeNull();
  });
});

describe('ArticleSummary', () => {
  const facts = (siteName: string | null, byline: string | null) => {
    const host = root();
    render(<ArticleSummary title="Story" url="https://www.bbc.com/news/articles/c1" siteName={siteName} byline={byline} publishedTime={null} readingMinutes={0} />, host);
    return Array.from(host.querySelectorAll('[data-testid="article-facts"] span')).map((span) => span.textContent);
  };

  it('names the site once when the byline is the site', () => {
    expect(facts('BBC News', 'BBC News')).toEqual(['BBC News']);
    expect(facts('BBC News', 'bbc news ')).toEqual(['BBC News']);
    expect(facts(null, 'BBC.com')).toEqual(['bbc.com']);
  });

  it('keeps a byline that is a person', () => {
    expect(facts('BBC News', 'Laura Kuenssberg')).toEqual(['BBC News', 'Laura Kuenssberg']);
  });
});

describe('ReaderControls', () => {
  it('hands every change on at once, and disables a step past its bound', () => {
    const host = root();
    const onChange = vi.fn();
    render(<ReaderControls prefs={{ ...DEFAULT_READER_PREFS, size: 32 }} onChange={onChange} />, host);
    const click = (id: string) => (host.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement).click();
    click('reader-size-down');
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, size: 31 });
    expect((host.querySelector('[data-testid="reader-size-up"]') as HTMLButtonElement).disabled).toBe(true);
    click('reader-font-dyslexic');
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, size: 32, font: 'dyslexic' });
    click('reader-theme-dark');
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_READER_PREFS, size: 32, theme: 'dark' });
    expect(host.querySelector('[data-testid="reader-theme-system"]')!.getAttribute('aria-pressed')).toBe('true');
  });
});
