import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLiveKit, type LiveKitServer } from './livekit.js';
import { freeTcpPort } from './ports.js';
import { testDatabaseUrl } from './postgres.js';
import { killAllPublishers } from './publisher-client.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * haven-live in its own process, so that signals reach it for real: node with the tsx loader, or
 * with `npm`, through `npm start` exactly as README says. With `group`, it leads a process group of
 * its own, as a shell in a terminal starts it: signalling `-pid` then reaches it and every child it
 * did not put in a group of its own, as Ctrl-C does.
 */
export async function startServerProcess(env: Record<string, string>, options: { group?: boolean; npm?: boolean } = {}): Promise<ServerProcess> {
  const port = await freeTcpPort();
  // With HAVEN_TEST_DATABASE=postgres, HAVEN_DB's path stands for a PostgreSQL database of its own.
  const databaseUrl = env.HAVEN_DB && !env.DATABASE_URL ? await testDatabaseUrl(env.HAVEN_DB) : undefined;
  const [command, args] = options.npm ? ['npm', ['start']] : [process.execPath, ['--import', TSX, MAIN]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HAVEN_MIN_FREE_MB: '1', ...env, ...(databaseUrl && { DATABASE_URL: databaseUrl, HAVEN_INSTANCE_ID: `db-${createHash('sha1').update(env.HAVEN_DB).digest('hex').slice(0, 12)}` }) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 30_000;
  while (!output.includes('haven-live listening')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const how = child.exitCode !== null || child.signalCode !== null ? `exited (code ${child.exitCode}, signal ${child.signalCode})` : 'not listening after 30 s';
      child.kill('SIGKILL');
      throw new Error(`haven-live did not start: ${how}\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, process: child, exited, output: () => output };
}

export interface ServerWithLiveKit {
  livekit: LiveKitServer;
  server: ServerProcess;
  dir: string;
  /** Kills the server, every publisher and livekit-server, and removes the temp folder. */
  close(): Promise<void>;
}

/** A livekit-server and haven-live in its own process, configured for it, with its files in a temp folder. */
export async function startServerWithLiveKit(name: string, env: Record<string, string> = {}): Promise<ServerWithLiveKit> {
  const livekit = await startLiveKit();
  const dir = mkdtempSync(join(tmpdir(), `haven-${name}-`));
  const server = await startServerProcess({
    HAVEN_DB: join(dir, 'haven.db'),
    HAVEN_RECORDING_DIR: join(dir, 'recordings'),
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    ...env,
  });
  return {
    livekit,
    server,
    dir,
    async close() {
      server.process.kill('SIGKILL');
      killAllPublishers();
      await livekit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
