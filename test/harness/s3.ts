import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killOnExit } from './children.js';
import { freeTcpPort } from './ports.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/versitygw.sh', import.meta.url));

/** A real S3-compatible server (versitygw over a temporary folder), for the object-storage tests. */
export interface S3Server {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A bucket made for the tests. */
  bucket: string;
  /** The folder its objects live in. */
  dir: string;
  /** SIGKILLs it (a crash, a network cut): connections are reset, new ones refused. */
  kill(): Promise<void>;
  /** Freezes it (SIGSTOP): requests hang, as with a stalled service; `resume` lets them go on. */
  freeze(): void;
  resume(): void;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
  logs(): string;
}

let cachedBin: string | undefined;

/** Path of versitygw, via scripts/versitygw.sh (which honours VERSITYGW_BIN and builds it once with Go). */
export function versitygwBin(): string {
  if (cachedBin) return cachedBin;
  try {
    const out = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
    cachedBin = out.trim().split('\n').pop() ?? '';
    if (!cachedBin) throw new Error('scripts/versitygw.sh printed nothing');
    return cachedBin;
  } catch (error) {
    const e = error as { stderr?: string | Buffer; message?: string };
    throw new Error(
      'versitygw (an S3-compatible server) is required for the object-storage tests and could not be found or installed.\n' +
        'Run `bash scripts/versitygw.sh` (needs Go), or set VERSITYGW_BIN=/path/to/versitygw.\n' +
        (e.stderr ? `scripts/versitygw.sh said:\n${e.stderr.toString().trim()}` : `error: ${e.message ?? String(error)}`),
    );
  }
}

export async function startS3(): Promise<S3Server> {
  const bin = versitygwBin();
  const port = await freeTcpPort();
  const dir = mkdtempSync(join(tmpdir(), 'haven-s3-'));
  const bucket = 'haven-recordings';
  // The posix backend keeps each bucket as a folder of the root.
  mkdirSync(join(dir, bucket));
  const accessKeyId = 'haventestaccess';
  const secretAccessKey = 'haven-test-secret-key-0123456789';
  const endpoint = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  const launch = async () => {
    const started = spawn(bin, ['--access', accessKeyId, '--secret', secretAccessKey, '--port', `127.0.0.1:${port}`, 'posix', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    killOnExit(started);
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    started.stdout!.on('data', keep);
    started.stderr!.on('data', keep);
    child = started;
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`versitygw exited (${started.exitCode}):\n${output}`);
      const answered = await fetch(endpoint, { signal: AbortSignal.timeout(1_000) }).then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`versitygw did not answer on ${endpoint} within 20 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    endpoint,
    accessKeyId,
    secretAccessKey,
    bucket,
    dir,
    kill,
    freeze: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    logs: () => output,
  };
}
