/*
 * A small client of the CouchDB HTTP API, just what replication needs (the documented protocol:
 * https://docs.couchdb.org/en/stable/replication/protocol.html): `_changes`, `_revs_diff`,
 * `_bulk_docs` with `new_edits: false`, `open_revs`, `_local` checkpoints. Basic auth in a header
 * (never in the URL, so it is in no log). Runs in the background, which holds the host permission
 * for the one server: no CORS is needed from it.
 */

/** What the user is told went wrong, in plain words (Settings maps each to a sentence). */
export type SyncErrorCode = 'unreachable' | 'wrong-password' | 'no-rights' | 'not-couchdb' | 'permission' | 'server-error';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface SyncAccount {
  /** `https://couch.example:6984` (no path, no credentials) */
  server: string;
  database: string;
  user: string;
  password: string;
}

export interface ChangeRow {
  id: string;
  seq: string | number;
  changes: { rev: string }[];
  deleted?: boolean;
  doc?: RemoteRevision;
}

/** A document revision as the server sends it. */
export type RemoteRevision = Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean; _revisions?: { start: number; ids: string[] }; mergedFrom?: string[] };

export interface ChangesPage {
  results: ChangeRow[];
  last_seq: string | number;
}

/** `https://h:1/` → `https://h:1`; refuses what is not an http(s) origin. */
export function serverOrigin(address: string): string {
  const url = new URL(address.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('not-couchdb', `not http(s): ${url.protocol}`);
  return url.origin;
}

/** The match pattern of the host permission asked for the server (patterns carry no port). */
export function originPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

export class CouchClient {
  private readonly auth: string;
  private readonly db: string;

  constructor(
    readonly account: SyncAccount,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {
    this.auth = `Basic ${base64(`${account.user}:${account.password}`)}`;
    this.db = `${account.server}/${encodeURIComponent(account.database)}`;
  }

  /** Which remote database this is: the key of its checkpoint (no credentials in it). */
  get remoteKey(): string {
    return `${this.account.server}/${this.account.database}`;
  }

  /**
   * One request. An abort ends it at once, answer read or not: a long poll cut while its body
   * was still awaited once kept the loop (and Stop syncing) waiting on a body that never came.
   */
  private request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<{ status: number; json: T }> {
    const call = this.call<T>(method, url, body, signal);
    if (!signal) return call;
    const aborted = new Promise<never>((_, reject) => {
      const stop = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
    return Promise.race([call, aborted]);
  }

  private async call<T>(method: string, url: string, body: unknown, signal: AbortSignal | undefined): Promise<{ status: number; json: T }> {
    let response: Response;
    let text: string;
    try {
      response = await this.fetcher(url, {
        method,
        headers: { authorization: this.auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SyncError('unreachable', (error as Error).message);
    }
    let json: T;
    try {
      json = (text ? JSON.parse(text) : null) as T;
    } catch {
      throw new SyncError('not-couchdb', `${response.status}, not JSON`);
    }
    return { status: response.status, json };
  }

  /** Throws the plain-word error for a failed status. */
  private fail(status: number, json: unknown, what: string): never {
    const reason = (json as { reason?: string } | null)?.reason ?? '';
    if (status === 401) throw new SyncError('wrong-password', `${what}: ${reason}`);
    if (status === 403) throw new SyncError('no-rights', `${what}: ${reason}`);
    throw new SyncError('server-error', `${what}: HTTP ${status} ${reason}`);
  }

  private async ok<T>(method: string, url: string, body?: unknown, what = method, signal?: AbortSignal): Promise<T> {
    const { status, json } = await this.request<T>(method, url, body, signal);
    if (status >= 200 && status < 300) return json;
    this.fail(status, json, what);
  }

  /**
   * Is it a CouchDB-compatible server, do the credentials work, is the database there (created
   * when missing and the user may)? Throws a SyncError saying which.
   */
  async check(): Promise<void> {
    const { status, json } = await this.request<Record<string, unknown> | null>('GET', `${this.account.server}/`);
    // CouchDB and Cloudant answer {"couchdb":"Welcome"}, PouchDB Server {"express-pouchdb":"Welcome!"}.
    const welcome = json && typeof json === 'object' && ('couchdb' in json || 'express-pouchdb' in json);
    if (status === 401) this.fail(status, json, 'server');
    if (!welcome) throw new SyncError('not-couchdb', `GET / answered ${status}`);
    // The credentials on their own first: a database may answer 401 to a user who logged in
    // well but is no member of it (PouchDB Server does; CouchDB answers 403).
    const session = await this.request<{ userCtx?: { name?: string | null } } | null>('GET', `${this.account.server}/_session`);
    if (session.status === 401 || (session.status === 200 && session.json?.userCtx && !session.json.userCtx.name)) {
      throw new SyncError('wrong-password', `_session: ${session.status}`);
    }
    const noRights = (status: number, what: string) => {
      if (status === 401 || status === 403) throw new SyncError('no-rights', `${what}: ${status}`);
    };
    const info = await this.request<unknown>('GET', this.db);
    if (info.status === 200) return;
    noRights(info.status, 'database');
    if (info.status !== 404) this.fail(info.status, info.json, 'database');
    const created = await this.request<unknown>('PUT', this.db);
    if (created.status === 201 || created.status === 202 || created.status === 412) return;
    noRights(created.status, 'create database');
    this.fail(created.status, created.json, 'create database');
  }

  changes(since: string, options: { limit: number; longpoll?: boolean; timeoutMs?: number; includeDocs?: boolean; signal?: AbortSignal }): Promise<ChangesPage> {
    const params = new URLSearchParams({ since, limit: String(options.limit), style: 'all_docs' });
    if (options.includeDocs) params.set('include_docs', 'true');
    if (options.longpoll) {
      params.set('feed', 'longpoll');
      params.set('timeout', String(options.timeoutMs ?? 25_000));
    }
    return this.ok<ChangesPage>('GET', `${this.db}/_changes?${params}`, undefined, '_changes', options.signal);
  }

  /** Every leaf revision of a document (a conflict's branches), with their bodies and revision paths (`_revisions`). */
  async leaves(docId: string): Promise<RemoteRevision[]> {
    const rows = await this.ok<{ ok?: RemoteRevision }[]>('GET', `${this.db}/${encodeURIComponent(docId)}?open_revs=all&revs=true`, undefined, 'open_revs');
    return rows.flatMap((row) => (row.ok ? [row.ok] : []));
  }

  /** One earlier revision's body (a merge's common ancestor); null once the server compacted it away. */
  async revision(docId: string, rev: string): Promise<RemoteRevision | null> {
    const { status, json } = await this.request<RemoteRevision>('GET', `${this.db}/${encodeURIComponent(docId)}?rev=${encodeURIComponent(rev)}`);
    if (status === 404) return null;
    if (status >= 200 && status < 300) return json;
    this.fail(status, json, 'rev');
  }

  /** Which of these revisions the server lacks. */
  async revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>> {
    return this.ok('POST', `${this.db}/_revs_diff`, revs, '_revs_diff');
  }

  /** Stores revisions as given (`new_edits: false`): the server keeps every branch; ids of the failed come back. */
  async bulkDocs(docs: object[]): Promise<Map<string, string>> {
    const results = await this.ok<{ id: string; error?: string; reason?: string }[]>('POST', `${this.db}/_bulk_docs`, { docs, new_edits: false }, '_bulk_docs');
    // Results may come in another order than sent: matched by id.
    return new Map(results.filter((row) => row.error).map((row) => [row.id, `${row.error}: ${row.reason ?? ''}`]));
  }

  async getLocal(id: string): Promise<Record<string, unknown> | null> {
    const { status, json } = await this.request<Record<string, unknown>>('GET', `${this.db}/_local/${encodeURIComponent(id)}`);
    if (status === 404) return null;
    if (status >= 200 && status < 300) return json;
    this.fail(status, json, '_local');
  }

  async putLocal(id: string, doc: Record<string, unknown>): Promise<void> {
    await this.ok('PUT', `${this.db}/_local/${encodeURIComponent(id)}`, doc, '_local');
  }
}
