/**
 * A full disk surfaces as `QuotaExceededError`, directly or wrapped by Dexie (as `inner`, or as an
 * AbortError whose cause is the quota). The transaction that hit it is rolled back by IndexedDB,
 * so nothing stored before is touched; the UI only has to say so and keep what was typed.
 */
function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { name, inner, cause } = current as { name?: string; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner ?? cause;
  }
  return false;
}

export type WriteFailure = { kind: 'quota' } | { kind: 'other'; message: string };

function writeFailureOf(error: unknown): WriteFailure {
  if (isQuotaError(error)) return { kind: 'quota' };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** Runs a write; returns what went wrong instead of throwing, for the UI to show. */
export async function tryWrite(write: () => Promise<unknown>): Promise<WriteFailure | null> {
  try {
    await write();
    return null;
  } catch (error) {
    return writeFailureOf(error);
  }
}
