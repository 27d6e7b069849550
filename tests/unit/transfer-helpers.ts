import { applyImport } from '@/utils/data/library-writes';
import type { KlipingDb } from '@/utils/data/schema';
import { readImport, type ImportOptions, type ImportSummary } from '@/utils/data/transfer';
import { strToU8, zipSync } from 'fflate';
import type { InputFile, TransferArticle } from '@/utils/core/transfer/model';

/** A fully populated article: every field set, so a lossy round trip shows. */
export function transferArticle(overrides: Partial<TransferArticle> = {}): TransferArticle {
  const text = 'Harga cabai naik lagi di pasar induk.\nPedagang mengeluh.';
  return {
    url: 'https://news.example/a/1?utm_source=x',
    canonicalUrl: 'https://news.example/a/1',
    title: 'Harga "Cabai" <Naik> & turun',
    byline: 'Rina',
    siteName: 'News Example',
    publishedTime: '2024-05-01T08:00:00+07:00',
    lang: 'id',
    dir: 'ltr',
    excerpt: 'Harga cabai naik lagi.',
    leadImageUrl: 'https://news.example/img.jpg',
    wordCount: 9,
    readingMinutes: 1,
    tags: ['ekonomi', 'pasar'],
    savedAt: 1_714_000_000_000,
    updatedAt: 1_714_000_500_000,
    readState: 'read',
    readingProgress: 0.5,
    favorite: true,
    archived: false,
    contentStatus: 'saved',
    content: { html: '<p>Harga cabai naik lagi di pasar induk.</p><p>Pedagang mengeluh.</p>', text },
    notes: { text: 'Bandingkan dengan:\n- bulan lalu\n---\nkey: "value"', updatedAt: 1_714_000_300_000 },
    highlights: [
      {
        id: '6f1c2a8e-1111-4f7a-9a0b-1234567890ab',
        quote: { type: 'TextQuoteSelector', exact: 'naik lagi', prefix: 'Harga cabai ', suffix: ' di pasar induk.\nPedagang mengeluh' },
        position: { type: 'TextPositionSelector', start: 12, end: 21 },
        note: 'penting',
        color: 'yellow',
        createdAt: 1_714_000_200_000,
        updatedAt: 1_714_000_250_000,
      },
    ],
    ...overrides,
  };
}

export function file(name: string, text: string): InputFile {
  return { name, bytes: strToU8(text) };
}

export function zipOf(name: string, files: Record<string, string>): InputFile {
  return { name, bytes: zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))) };
}

/**
 * An import as the library page and the background make it between them (the page reads and
 * checks the files, the background writes the batch), in one context.
 */
export async function importFiles(db: KlipingDb, files: readonly InputFile[], options: ImportOptions = {}): Promise<ImportSummary> {
  return applyImport(db, await readImport(files, options), options.onProgress);
}
