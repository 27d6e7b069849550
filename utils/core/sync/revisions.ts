/*
 * CouchDB revision ids (`<generation>-<hash>`) for documents this client writes with
 * `new_edits: false`. The hash is of the parent revision and the body, so two devices that
 * resolve the same conflict the same way write the same revision instead of a new conflict.
 * Synchronous on purpose: awaiting crypto.subtle inside an IndexedDB transaction commits it.
 */

/** JSON with object keys sorted, so equal bodies hash equally whatever order built them. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** 128 bits of four FNV-1a lanes with different offsets: not cryptographic, only an identity. */
export function hash128(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x050c5d1f;
  let d = 0x6c62272e;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000197);
    c = Math.imul(c ^ code, 0x0100019d);
    d = Math.imul(d ^ code, 0x010001a3);
  }
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}

export function revGeneration(rev: string): number {
  const generation = Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
  return Number.isFinite(generation) ? generation : 0;
}

export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

/** The revision a body gets as the child of `parent` (null: a new document). */
export function childRev(parent: string | null, body: unknown): string {
  const generation = parent ? revGeneration(parent) + 1 : 1;
  return `${generation}-${hash128(`${parent ?? ''}\n${stableJson(body)}`)}`;
}

/** `_revisions` for `new_edits: false`: the new revision and its parent, so the server links them. */
export function revisionsOf(rev: string, parent: string | null): { start: number; ids: string[] } {
  return { start: revGeneration(rev), ids: parent ? [revHash(rev), revHash(parent)] : [revHash(rev)] };
}

/**
 * The latest revision two ancestries share (each a list of revisions, see ancestryOf): the
 * common base a three-way merge needs. Latest = highest generation, ties by id so that every
 * device picks the same. null: none shared (two first saves of one page).
 */
export function commonAncestor(a: readonly string[], b: readonly string[]): string | null {
  const inB = new Set(b);
  let best: string | null = null;
  for (const rev of a) {
    if (!inB.has(rev)) continue;
    if (best === null || revGeneration(rev) > revGeneration(best) || (revGeneration(rev) === revGeneration(best) && rev > best)) best = rev;
  }
  return best;
}
