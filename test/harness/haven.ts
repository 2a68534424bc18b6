import type { RecordingMode } from '../../src/services/recording-model.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp, type App, type AppOptions } from '../../src/app.js';
import { setRtcNodeLogLevel } from '../../src/rtc-node-log.js';
import type { LiveKitServer } from './livekit.js';
import { testDatabaseUrl } from './postgres.js';

export interface TestApp extends App {
  dir: string;
  databasePath: string;
  /** Its PostgreSQL database, in a PostgreSQL run. */
  databaseUrl: string | undefined;
  /** Stops the app and removes its temporary folder. */
  close(): Promise<void>;
  /**
   * Runs `open`, which starts `count` session-event subscriptions, and resolves with what it
   * returned once the app has registered them: graphql-ws gives a client no acknowledgement.
   */
  subscribed<T>(open: () => T, count?: number): Promise<T>;
}

/**
 * The real server in this process, on a free port, with its SQLite file in a fresh temp folder (or
 * a PostgreSQL database of its own, with HAVEN_TEST_DATABASE=postgres);
 * `livekit` gives it that server's URL and keys as environment settings.
 */
export async function startApp(
  options: Partial<AppOptions> & {
    dir?: string;
    port?: number;
    livekit?: Pick<LiveKitServer, 'url' | 'apiKey' | 'apiSecret'>;
    /** The server's default recording mode (tests of the TRANSCODE recorder name it). */
    recordingMode?: RecordingMode;
    /** The SQLite file even in a PostgreSQL run (tests of the file itself). */
    sqlite?: boolean;
  } = {},
): Promise<TestApp> {
  const { livekit, port, recordingMode, sqlite, ...appOptions } = options;
  // rtc-node's own logger prints at debug unless told otherwise (as src/main.ts tells it).
  setRtcNodeLogLevel(process.env.TEST_LOG_LEVEL ?? 'warn');
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'haven-test-'));
  const databasePath = options.databasePath ?? join(dir, 'haven.db');
  // With HAVEN_TEST_DATABASE=postgres, each SQLite path stands for a database of its own on the run's PostgreSQL server.
  const databaseUrl = options.databaseUrl ?? (sqlite ? undefined : await testDatabaseUrl(databasePath));
  const credentials = livekit && { livekitUrl: livekit.url, livekitApiKey: livekit.apiKey, livekitApiSecret: livekit.apiSecret };
  const app = buildApp({
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    // A test machine's disk may be nearly full; the disk guard has tests of its own.
    ...appOptions,
    recordings: { minFreeMb: 1, ...appOptions.recordings, ...(recordingMode && { defaultMode: recordingMode }) },
    databasePath,
    databaseUrl,
    // On PostgreSQL an instance finds what an earlier run left by its id: the same one for the same database.
    instance: { id: databaseUrl ? `db-${createHash('sha1').update(databasePath).digest('hex').slice(0, 12)}` : undefined, ...appOptions.instance },
    environmentConfig: { recordingDirectory: join(dir, 'recordings'), ...credentials, ...options.environmentConfig },
  });
  await app.start(port ?? 0);
  return Object.assign(app, {
    dir,
    databasePath,
    databaseUrl,
    async close() {
      await app.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
    async subscribed<T>(open: () => T, count = 1) {
      const events = app.services.sessions.journal;
      const wanted = events.subscriberCount + count;
      const opened = open();
      const deadline = Date.now() + 10_000;
      while (events.subscriberCount < wanted) {
        if (Date.now() > deadline) throw new Error('the session-event subscription was not registered within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return opened;
    },
  });
}

/** The rows a query reads from an app's database, whichever it is (a check of what was stored). */
export async function storedRows(app: Pick<TestApp, 'databasePath' | 'databaseUrl'>, query: string): Promise<Record<string, unknown>[]> {
  if (app.databaseUrl) {
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      return (await client.query(query)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(app.databasePath, { readonly: true });
  try {
    return db.prepare(query).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
