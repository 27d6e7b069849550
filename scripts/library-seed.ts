import type { Page } from 'playwright-core';

/*
 * The benchmarks' library of realistic articles (bench:library, bench:sync): seeded, so every run
 * writes the same ones, straight into the extension's IndexedDB from one of its pages.
 */

/** Fills the extension's database with realistic articles, straight through IndexedDB. */
export async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    // mulberry32: small, seeded, and exact in 32-bit integer arithmetic.
    let state = 42;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const common = (
      'harga kopi beras banjir pemerintah daerah petani pasar ekonomi politik pemilu inflasi bank rupiah ekspor impor sekolah guru ' +
      'kesehatan rumah sakit jalan tol kereta bandara nelayan laut hutan sawit tambang listrik air minum warga kota desa presiden menteri ' +
      'election climate policy economy market government council school hospital river flood energy prices inflation central bank ' +
      'minister president village farmers coffee rice export import trade court police festival music football league university ' +
      'research data technology internet phone startup investment budget tax transport railway airport weather storm drought'
    ).split(' ');
    const syllables = 'ba be bi bo bu da di do ka ke ki ko la li lu ma me mi mo na ni nu pa pe po ra ri ru sa se si su ta te ti tu ng an er in'.split(' ');
    // A long tail of rarer words, as real text has (Zipf-like: common words far more often).
    const rare = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
    // Each article is about a few topic words (said often); other topical words are rare in it;
    // the rest is a long tail of rarer words, as in real text (Zipf-like).
    let topic: string[] = [];
    const word = () => {
      const roll = random();
      if (roll < 0.06) return pick(topic);
      if (roll < 0.065) return pick(common);
      return rare[Math.floor(rare.length * random() ** 3)]!;
    };
    const sentence = (n: number) => {
      const words = Array.from({ length: n }, word);
      return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
    };
    const sites = [
      ['Kompas', 'www.kompas.com'], ['Tempo', 'www.tempo.co'], ['Detik', 'news.detik.com'], ['Tirto', 'tirto.id'], ['CNN Indonesia', 'www.cnnindonesia.com'],
      ['Kumparan', 'kumparan.com'], ['The Guardian', 'www.theguardian.com'], ['BBC News', 'www.bbc.com'], ['Reuters', 'www.reuters.com'], ['Jakarta Post', 'www.thejakartapost.com'],
    ] as const;
    const tags = ['ekonomi', 'politik', 'kesehatan', 'pendidikan', 'lingkungan', 'teknologi', 'olahraga', 'budaya', 'baca-nanti', 'riset', 'world', 'climate'];
    const start = Date.UTC(2023, 0, 1);
    const span = Date.UTC(2026, 10, 1) - start;

    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('kliping');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const BATCH = 250;
    for (let from = 0; from < count; from += BATCH) {
      const tx = db.transaction(['articles', 'contents', 'notes', 'highlights'], 'readwrite');
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const id = i + 1;
        const [siteName, host] = pick([...sites]);
        topic = [pick(common), pick(common), pick(common)];
        const paragraphs = Array.from({ length: 6 + Math.floor(random() * 8) }, () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8 + Math.floor(random() * 14))).join(' '));
        const text = paragraphs.join('\n');
        const wordCount = text.split(/\s+/).length;
        const savedAt = start + Math.floor(random() * span);
        const hasContent = random() > 0.03;
        tx.objectStore('articles').put({
          id,
          canonicalUrl: `https://${host}/read/${id}`,
          url: `https://${host}/read/${id}?utm_source=bench`,
          title: sentence(6 + Math.floor(random() * 7)).slice(0, -1),
          byline: random() < 0.8 ? `${pick(['Siti', 'Budi', 'Rina', 'Agus', 'Maya', 'John', 'Sarah'])} ${pick(['Rahmawati', 'Santoso', 'Wijaya', 'Smith', 'Harahap'])}` : null,
          siteName,
          publishedTime: new Date(savedAt - Math.floor(random() * 86_400_000 * 3)).toISOString(),
          lang: random() < 0.7 ? 'id' : 'en',
          dir: 'ltr',
          excerpt: sentence(25),
          leadImageUrl: random() < 0.7 ? `https://${host}/img/${id}.jpg` : null,
          wordCount,
          readingMinutes: Math.max(1, Math.round(wordCount / 230)),
          hasContent,
          tags: Array.from({ length: Math.floor(random() * 3) }, () => pick(tags)).filter((tag, index, all) => all.indexOf(tag) === index),
          savedAt,
          updatedAt: savedAt,
          readState: random() < 0.3 ? 'read' : 'unread',
          readingProgress: random() < 0.4 ? random() : 0,
          favorite: random() < 0.1,
          archived: random() < 0.1,
          contentStatus: hasContent ? 'saved' : 'link-only',
        });
        if (hasContent) tx.objectStore('contents').put({ articleId: id, html: paragraphs.map((p) => `<p>${p}</p>`).join(''), text });
        if (random() < 0.05) tx.objectStore('notes').put({ articleId: id, text: sentence(20), updatedAt: savedAt });
        if (hasContent && random() < 0.05) {
          const exact = paragraphs[0]!.slice(0, 60);
          tx.objectStore('highlights').put({
            id: `bench-${id}`, articleId: id, quote: exact, note: random() < 0.5 ? sentence(8) : undefined, color: 'yellow', createdAt: savedAt, updatedAt: savedAt,
            selector: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: paragraphs[0]!.slice(60, 92) }, position: { type: 'TextPositionSelector', start: 0, end: exact.length } },
          });
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}

