import type { HighlightColor, HighlightRecord, KlipingDb, TextPositionSelector, TextQuoteSelector } from './schema';

export interface NewHighlight {
  articleId: number;
  selector: { quote: TextQuoteSelector; position: TextPositionSelector };
  note?: string;
  color?: HighlightColor;
}

export async function addHighlight(db: KlipingDb, input: NewHighlight, now = Date.now(), id: string = crypto.randomUUID()): Promise<HighlightRecord> {
  const record: HighlightRecord = { id, quote: input.selector.quote.exact, createdAt: now, updatedAt: now, ...input };
  await db.transaction('rw', db.highlights, db.articles, async () => {
    await db.highlights.add(record);
    await db.articles.update(input.articleId, { updatedAt: now });
  });
  return record;
}

export async function setHighlightNote(db: KlipingDb, id: string, note: string, now = Date.now()): Promise<void> {
  await db.highlights.update(id, { note, updatedAt: now });
}

export async function setHighlightColor(db: KlipingDb, id: string, color: HighlightColor, now = Date.now()): Promise<void> {
  await db.highlights.update(id, { color, updatedAt: now });
}

export async function deleteHighlight(db: KlipingDb, id: string): Promise<void> {
  await db.highlights.delete(id);
}

/** An article's highlights in reading order (by where they start in the saved text). */
export async function highlightsOf(db: KlipingDb, articleId: number): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('articleId').equals(articleId).toArray();
  return rows.sort((a, b) => a.selector.position.start - b.selector.position.start || a.createdAt - b.createdAt);
}
