import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as postgresSchema from './schema-postgres.js';
import * as sqliteSchema from './schema.js';

/** The tables as the stores see them: the same names, columns and row types in both databases. */
export type Tables = typeof postgresSchema;
/**
 * The query builder the stores use. Both databases' builders have the calls the stores make
 * (select, insert, update, delete, where, orderBy, limit, returning, onConflictDoUpdate, awaited);
 * SQLite's is given this type, and the suite runs its database tests on both.
 */
export type Db = NodePgDatabase<Tables>;

/** The database behind the stores: SQLite (the default) or PostgreSQL. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Db;
  readonly tables: Tables;
  /** Applies pending migrations; before any store reads. */
  migrate(): Promise<void>;
  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  /**
   * Calls `onNotice` whenever a connection notifies `channel` (PostgreSQL's LISTEN, on a connection
   * of its own that comes back after a loss, then calls once to catch up); with SQLite (one
   * process) never. Returns what stops it.
   */
  listen(channel: string, onNotice: () => void): () => void;
  /** Notifies the listeners of `channel` on every connection (PostgreSQL's NOTIFY; nothing with SQLite). */
  notify(channel: string): Promise<void>;
  close(): Promise<void>;
}

const migrations = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** A location is a postgres:// URL (DATABASE_URL) or the path of a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the database at `location` (nothing is read before `migrate`). */
export function openStorage(location: string, onError: (error: Error) => void = () => undefined): Storage {
  return isPostgresUrl(location) ? openPostgres(location, onError) : openSqlite(location);
}

function openPostgres(url: string, onError: (error: Error) => void): Storage {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that the server drops is replaced by the next query; it must not end the process.
  pool.on('error', onError);
  const db = drizzlePostgres(pool, { schema: postgresSchema });
  return {
    kind: 'postgres',
    db,
    tables: postgresSchema,
    migrate: () => migratePostgres(db, { migrationsFolder: join(migrations, 'postgres') }),
    transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
    ping: async () => void (await pool.query('select 1')),
    listen: (channel, onNotice) => listenPostgres(url, channel, onNotice, onError),
    notify: async (channel) => void (await pool.query('select pg_notify($1, $2)', [channel, ''])),
    close: () => pool.end(),
  };
}

/** LISTEN on a connection of its own, connected again a second after a loss. */
function listenPostgres(url: string, channel: string, onNotice: () => void, onError: (error: Error) => void): () => void {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = () => {
    const current = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client = current;
    let lost = false;
    const again = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (error) onError(error);
      void current.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(connect, 1_000);
    };
    current.on('notification', (message) => message.channel === channel && onNotice());
    current.on('error', again);
    current.on('end', () => again());
    current
      .connect()
      .then(() => current.query(`LISTEN ${pg.escapeIdentifier(channel)}`))
      .then(onNotice, again);
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    void client?.end().catch(() => undefined);
  };
}

/**
 * Opens the SQLite file (creating its folder). The file holds the LiveKit API secret: it, its -wal
 * and -shm are 0600 and a folder made for it 0700.
 */
function openSqlite(path: string): Storage {
  const onDisk = path !== ':memory:' && path !== '';
  if (onDisk) {
    const folder = dirname(path);
    // Only a folder made here is tightened: an existing one (a home, /var/lib) is the owner's choice.
    if (mkdirSync(folder, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(folder, 0o700);
    // better-sqlite3 has no mode option. Made 0600 from the start (an empty file is a valid empty
    // database): a reader that opened a 0644 file before a chmod would keep its descriptor.
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  const sqlite = new Database(path);
  if (onDisk) chmodSync(path, 0o600);
  sqlite.pragma('journal_mode = WAL');
  // SQLite gives -wal and -shm the database file's mode; ones left by an older version are fixed here.
  if (onDisk) for (const file of [`${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzleSqlite(sqlite, { schema: sqliteSchema });
  // better-sqlite3's transactions cannot await: one connection, so transactions take turns, and
  // every query in `work` resolves without waiting for anything else.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    kind: 'sqlite',
    db: db as unknown as Db,
    tables: sqliteSchema as unknown as Tables,
    migrate: async () => migrateSqlite(db, { migrationsFolder: migrations }),
    transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
      const run = turn.then(async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(db as unknown as Db);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      });
      turn = run.catch(() => undefined);
      return run;
    },
    ping: async () => void db.get(sql`select 1`),
    listen: () => () => undefined,
    notify: async () => undefined,
    close: async () => void sqlite.close(),
  };
}
