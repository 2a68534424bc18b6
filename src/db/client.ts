import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens the SQLite file (creating its folder), applies pending migrations. The file holds the LiveKit
 * API secret: it, its -wal and -shm are 0600 and a folder made for it 0700.
 */
export function openDatabase(path: string): { db: Db; close(): void } {
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
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, close: () => sqlite.close() };
}
