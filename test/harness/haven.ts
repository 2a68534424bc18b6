import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp, type App, type AppOptions } from '../../src/app.js';

export interface TestApp extends App {
  dir: string;
  databasePath: string;
  /** Stops the app and removes its temporary folder. */
  close(): Promise<void>;
  /**
   * Resolves once the app has registered a session-event subscriber beyond the `before` count
   * of `sessionEventListeners()`: graphql-ws gives a client no acknowledgement of a subscription.
   */
  eventSubscriberRegistered(before: number): Promise<void>;
  sessionEventListeners(): number;
}

/** The real server in this process, on a free port, with its SQLite file in a fresh temp folder. */
export async function startApp(options: Partial<AppOptions> & { dir?: string } = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'haven-test-'));
  const databasePath = options.databasePath ?? join(dir, 'haven.db');
  const app = buildApp({
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...options,
    databasePath,
    environmentConfig: { recordingDirectory: join(dir, 'recordings'), ...options.environmentConfig },
  });
  await app.start(0);
  return Object.assign(app, {
    dir,
    databasePath,
    async close() {
      await app.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
    sessionEventListeners: () => app.services.sessions.events.subscriberCount,
    async eventSubscriberRegistered(before: number) {
      const deadline = Date.now() + 10_000;
      while (app.services.sessions.events.subscriberCount <= before) {
        if (Date.now() > deadline) throw new Error('the session-event subscription was not registered within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  });
}
