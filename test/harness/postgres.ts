import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { killOnExit } from './children.js';
import { freeTcpPort } from './ports.js';

/** A real PostgreSQL server over a temporary folder, trusting every local connection as user postgres. */
export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** The URL of database `name` on this server (which may not exist yet). */
  databaseUrl(name: string): string;
  /** Creates database `name` unless it exists (also when two callers race); returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown, SIGKILL after 10 s) and removes its folder. */
  stop(): Promise<void>;
}

/** Folder of initdb and postgres: the newest /usr/lib/postgresql/<version>/bin, else the one initdb on PATH lives in. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return join(root, newest, 'bin');
  try {
    const initdb = execFileSync('sh', ['-c', 'readlink -f "$(command -v initdb)"'], { encoding: 'utf8' }).trim();
    if (initdb) return join(initdb, '..');
  } catch {
    // Not on PATH either.
  }
  throw new Error('PostgreSQL (initdb, postgres) is required for the PostgreSQL tests: run `apt-get update && apt-get install -y postgresql`');
}

/**
 * The uid/gid the server runs as: PostgreSQL refuses root, so as root it runs as the `postgres` system user.
 * Spawned with these directly (not through runuser, which stays as a parent: SIGKILLing it would orphan the server).
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/** `url` with its database replaced by `name`. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** Creates database `name` on the server at `url` unless it exists; returns its URL. */
async function ensureDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      // 42P04 duplicate_database, 23505 unique_violation: someone else created it in the meantime.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
  return withDatabase(url, name);
}

/** Starts PostgreSQL (Debian's packages) in a temporary folder on a free port of 127.0.0.1 and waits until it accepts connections. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const user = serverUser();
  // One folder for the data (dir/data) and the server's Unix socket, owned by the user the server runs as.
  const dir = mkdtempSync(join(tmpdir(), 'haven-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const asServer = { ...user, cwd: dir };
  try {
    execFileSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], {
      ...asServer,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
  const port = await freeTcpPort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
  const args = ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])];
  const child = spawn(join(bin, 'postgres'), args, { ...asServer, stdio: ['ignore', 'pipe', 'pipe'] });
  killOnExit(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (running) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    const ready = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => {});
    if (ready) break;
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`postgres did not accept connections on ${url} ${running ? 'within 30 s' : 'and exited'}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, databaseUrl: (name) => withDatabase(url, name), createDatabase: (name) => ensureDatabase(url, name), stop };
}

/**
 * The URL of a database of its own for `key` (e.g. a test file's name) on the run's PostgreSQL server, created if needed;
 * undefined unless the run has one (HAVEN_TEST_DATABASE=postgres, see postgres-setup.ts).
 */
export async function testDatabaseUrl(key: string): Promise<string | undefined> {
  const base = process.env.HAVEN_TEST_POSTGRES_URL;
  if (!base) return undefined;
  return ensureDatabase(base, `haven_${createHash('sha1').update(key).digest('hex').slice(0, 20)}`);
}
