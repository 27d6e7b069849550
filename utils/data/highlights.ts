import type { HighlightRecord, KlipingDb } from './schema';

/** An article's highlights in reading order (by where they start in the saved text). */
export async function highlightsOf(db: KlipingDb, articleId: number): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('articleId').equals(articleId).toArray();
  return rows.sort((a, b) => a.selector.position.start - b.selector.position.start || a.createdAt - b.createdAt);
}
