import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * A real CouchDB-compatible server for tests and the sync benchmark: PouchDB Server 4.2.0 (the
 * pinned devDependency; Apache CouchDB is not packaged for this machine) on 127.0.0.1, with an
 * admin (so a wrong password is refused) and CORS off (as CouchDB ships: the extension must do
 * without it). `stop()` then `start()` again is the server going down and coming back, same data.
 */

export const COUCH_ADMIN = { user: 'kliping', password: 'rahasia-123' };

const BIN = resolve('node_modules/.bin/pouchdb-server');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export class CouchServer {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
    /** A `nice` value for the server process (the sync bench's stand-in for a server on another machine). */
    private readonly niceness = 0,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async launch({ niceness = 0 }: { niceness?: number } = {}): Promise<CouchServer> {
    const dir = mkdtempSync(join(tmpdir(), 'kliping-couch-'));
    writeFileSync(join(dir, 'config.json'), '{}');
    const server = new CouchServer(await freePort(), dir, niceness);
    await server.start();
    await server.admin('PUT', `/_config/admins/${COUCH_ADMIN.user}`, JSON.stringify(COUCH_ADMIN.password), false);
    await server.admin('PUT', '/_config/httpd/enable_cors', '"false"');
    return server;
  }

  async start(): Promise<void> {
    this.child = spawn(BIN, ['--host', '127.0.0.1', '--port', String(this.port), '--dir', this.dir, '--config', join(this.dir, 'config.json'), '--no-stdout-logs'], {
      cwd: this.dir,
      stdio: 'ignore',
    });
    if (this.niceness && this.child.pid) setPriority(this.child.pid, this.niceness);
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${this.origin}/`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('pouchdb-server did not start within 60 s');
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  /** Kills the server (connections drop, as a machine going offline). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** An ordinary (non-admin) user in `_users`, as a server's admin makes one. */
  async addUser(name: string, password: string): Promise<void> {
    await this.admin('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, JSON.stringify({ name, password, roles: [], type: 'user' }));
  }

  /** A database only `members` may use (its `_security`; admins always may). */
  async restrict(database: string, members: string[]): Promise<void> {
    await this.admin('PUT', `/${encodeURIComponent(database)}`).catch(() => undefined); // there already: fine
    await this.admin('PUT', `/${encodeURIComponent(database)}/_security`, JSON.stringify({ admins: { names: [], roles: [] }, members: { names: members, roles: [] } }));
  }

  /** A request as the admin (the test's own look at the server). */
  async admin(method: string, path: string, body?: string, auth = true): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${COUCH_ADMIN.user}:${COUCH_ADMIN.password}`).toString('base64')}`;
    const response = await fetch(this.origin + path, { method, headers, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/**
 * A loopback proxy in front of the server that counts the requests it gets and can play the
 * server being unreachable (connections refused mid-flight), without losing the server's data.
 */
export class CountingProxy {
  requests = 0;
  private down = false;
  private readonly sockets = new Set<import('node:net').Socket>();
  private constructor(
    private readonly server: import('node:http').Server,
    readonly origin: string,
  ) {}

  static async launch(target: string): Promise<CountingProxy> {
    const { createServer, request } = await import('node:http');
    const ref: { proxy?: CountingProxy } = {};
    const server = createServer((incoming, outgoing) => {
      const proxy = ref.proxy!;
      proxy.requests++;
      if (proxy.down) {
        incoming.socket.destroy();
        return;
      }
      const forward = request(target + (incoming.url ?? '/'), { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forward.on('error', () => incoming.socket.destroy());
      incoming.pipe(forward);
    });
    server.on('connection', (socket) => {
      ref.proxy!.sockets.add(socket);
      socket.on('close', () => ref.proxy!.sockets.delete(socket));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    ref.proxy = new CountingProxy(server, `http://127.0.0.1:${(server.address() as { port: number }).port}`);
    return ref.proxy;
  }

  /** Down: every open connection (a long poll included) drops, new ones are cut at once. */
  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const socket of this.sockets) socket.destroy();
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((done) => this.server.close(() => done()));
  }
}
