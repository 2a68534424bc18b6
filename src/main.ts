import { dispose } from '@livekit/rtc-node';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { readProcessSettings } from './env.js';
import { setRtcNodeLogLevel } from './rtc-node-log.js';

const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
// rtc-node logs at debug by default ("Connect callback received" on every join): LOG_LEVEL rules it too.
if (!setRtcNodeLogLevel(log.level)) log.debug('rtc-node logger not found: its own level stays');
// Every promise has a handler; one that slips through is a bug to report, not a reason to drop every session.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
let settings: ReturnType<typeof readProcessSettings>;
try {
  settings = readProcessSettings(process.env);
} catch (error) {
  log.fatal((error as Error).message);
  process.exit(1);
}
const app = buildApp({
  databasePath: settings.databasePath,
  databaseUrl: settings.databaseUrl,
  instance: settings.instance,
  environmentConfig: settings.environmentConfig,
  host: settings.host,
  logger: log,
  access: settings.access,
  sessions: { maxSessions: settings.maxSessions },
  media: { maxEncoders: settings.maxEncoders },
  recordings: { minFreeMb: settings.minFreeMb, defaultMode: settings.recordingMode },
  reconciler: { intervalSec: settings.reconcileSec },
  storage: settings.storage,
  uploads: { concurrency: settings.uploads, megabytesPerSec: settings.uploadMegabytesPerSec },
});
try {
  await app.start(settings.port);
} catch (error) {
  log.fatal(`haven-live could not start: ${(error as Error).message}`);
  process.exit(1);
}
log.info(`GraphiQL: ${app.url}/graphql`);

/**
 * A repeat of the first signal this soon is the same press delivered twice: npm (and other
 * supervisors) forward a terminal's Ctrl-C to the server, which got it from the terminal already.
 */
const RELAYED_SIGNAL_MS = 500;
let shutdownAt: number | undefined;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shutdownAt !== undefined) {
    if (Date.now() - shutdownAt < RELAYED_SIGNAL_MS) return;
    // A second Ctrl-C: leave now. Recordings stay playable (fragmented MP4, WAV headers kept
    // current) and the next start marks them INTERRUPTED.
    log.warn({ signal }, 'second signal: exiting without finishing');
    process.exit(130);
  }
  shutdownAt = Date.now();
  log.info({ signal }, 'shutting down: finishing recordings (Ctrl-C again to exit at once)');
  // Whatever hangs, the process is gone within 20 s.
  setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 19_000).unref();
  try {
    await app.stop();
    // rtc-node's FFI keeps the process alive until it is disposed.
    await dispose();
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
