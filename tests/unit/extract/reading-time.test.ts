import { describe, expect, it } from 'vitest';
import { readingMinutes, readingMinutesOfText } from '@/utils/core/extract/reading-time';
import { countWords } from '@/utils/core/extract/text';

// About 1,000 characters of Japanese prose, with few spaces: a four-minute read, not "a few words".
const JAPANESE = '東京都は月曜日、新しいバス路線を来年の春から運行すると発表した。路線は北部の住宅地と中央市場、大学を結ぶ。'.repeat(20);
const CHINESE = '市议会周二投票决定扩大公交网络，增加三条线路，连接北部郊区、中央市场和大学校园。'.repeat(25);

describe('reading time', () => {
  it('counts Japanese and Chinese by characters, not by spaces', () => {
    expect(JAPANESE.split(/\s+/).length).toBe(1);
    expect(readingMinutesOfText(JAPANESE, 'ja')).toBe(Math.round((JAPANESE.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)!.length) / 357));
    expect(readingMinutesOfText(JAPANESE, 'ja')).toBeGreaterThanOrEqual(2);
    expect(readingMinutesOfText(CHINESE, 'zh-CN')).toBeGreaterThanOrEqual(3);
  });

  it('reads kana as Japanese when the page names no language', () => {
    expect(readingMinutesOfText(JAPANESE, null)).toBe(readingMinutesOfText(JAPANESE, 'ja'));
  });

  it('keeps words a minute for spaced scripts, by language', () => {
    const english = 'word '.repeat(476);
    expect(readingMinutesOfText(english, 'en')).toBe(2);
    expect(readingMinutesOfText('kata '.repeat(600), 'id')).toBe(3);
    expect(readingMinutes(476, 'en')).toBe(2);
    expect(readingMinutesOfText('', 'en')).toBe(0);
  });

  it('counts Japanese and Chinese words with the word segmenter', () => {
    const words = countWords('日本語の文章を読むのは楽しいです。');
    expect(words).toBeGreaterThanOrEqual(6);
    expect(countWords(JAPANESE)).toBeGreaterThan(300);
    expect(countWords('The bus runs at night, 24/7.')).toBe(7);
  });
});
