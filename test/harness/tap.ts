import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { killOnExit } from './children.js';
import type { TapCommand, TapEvent } from '../../src/media-tap.js';

/** The media tap (tap/, Go): joins a room hidden and writes tracks to disk without decoding, driven over stdio. */

const SCRIPT = fileURLToPath(new URL('../../scripts/tap.sh', import.meta.url));

let cachedBin: string | undefined;

/** Path of the tap binary, via scripts/tap.sh (which honours HAVEN_TAP_BIN and builds tap/ once with Go). */
export function tapBin(): string {
  if (cachedBin) return cachedBin;
  try {
    const out = execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 });
    cachedBin = out.trim().split('\n').pop() ?? '';
    if (!cachedBin) throw new Error('scripts/tap.sh printed nothing');
    return cachedBin;
  } catch (error) {
    const e = error as { stderr?: string | Buffer; message?: string };
    throw new Error(
      'the media tap (tap/, Go) is required for these tests and could not be found or built.\n' +
        'Run `bash scripts/tap.sh` (needs Go 1.26.8+ from https://go.dev/dl/), or set HAVEN_TAP_BIN=/path/to/haven-tap.\n' +
        (e.stderr ? `scripts/tap.sh said:\n${e.stderr.toString().trim()}` : `error: ${e.message ?? String(error)}`),
    );
  }
}

/** Processes running the tap binary (those haven-live started, or a test). */
export function tapPids(bin = tapBin()): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === bin;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export type { TapCommand, TapEvent } from '../../src/media-tap.js';

export interface TapExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Tap {
  process: ChildProcessWithoutNullStreams;
  /** Every event so far, in order. */
  events: TapEvent[];
  send(command: TapCommand): void;
  /** The first event (already received or still to come) that matches; rejects after timeoutMs or if the tap exits. */
  waitFor(match: (e: TapEvent) => boolean, timeoutMs?: number, what?: string): Promise<TapEvent>;
  /** Joins and resolves to the `joined` event; rejects on an `error` for the join. */
  join(url: string, token: string): Promise<TapEvent>;
  record(trackSid: string, path: string): void;
  /** Stops one track and resolves to its `stopped` event (its file is complete then). */
  stop(trackSid: string, timeoutMs?: number): Promise<TapEvent>;
  /** Sends quit and resolves once the tap has exited. */
  quit(timeoutMs?: number): Promise<TapExit>;
  /** Ends its stdin, as when haven-live dies. */
  closeStdin(): void;
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<TapExit>;
  /** CPU time the tap has used so far (user + system), from /proc. */
  cpuSeconds(): number;
  /** Its stderr (the most recent part). */
  logs(): string;
}

const MAX_LOG_CHARS = 500_000;

export function startTap(opts: { echo?: boolean } = {}): Tap {
  const echo = opts.echo ?? process.env.HAVEN_TAP_LOGS === '1';
  // Its own process group: a signal meant for the test runner's group does not reach it.
  const child = spawn(tapBin(), [], { detached: true });
  killOnExit(child);

  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    if (echo) process.stderr.write(`[tap] ${s}`);
    stderr += s;
    if (stderr.length > MAX_LOG_CHARS) stderr = stderr.slice(-MAX_LOG_CHARS);
  });

  const events: TapEvent[] = [];
  const waiters = new Set<{ match: (e: TapEvent) => boolean; resolve(e: TapEvent): void }>();
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (!line.trim()) continue;
      let e: TapEvent;
      try {
        e = JSON.parse(line) as TapEvent;
      } catch {
        // stdout carries protocol lines only: anything else is a bug in the tap.
        e = { event: 'garbage', line };
      }
      if (echo) process.stderr.write(`[tap event] ${line}\n`);
      events.push(e);
      for (const w of waiters) {
        if (w.match(e)) {
          waiters.delete(w);
          w.resolve(e);
        }
      }
    }
  });

  let exitInfo: TapExit | undefined;
  const exited = new Promise<TapExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });
  // Writing to a tap that has exited must not crash the test with EPIPE.
  child.stdin.on('error', () => {});

  const waitFor = (match: (e: TapEvent) => boolean, timeoutMs = 20_000, what = 'an event'): Promise<TapEvent> => {
    const seen = events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<TapEvent>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (e: TapEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const fail = (why: string) => {
        waiters.delete(waiter);
        reject(new Error(`tap: ${why} while waiting for ${what}.\nevents:\n${events.map((e) => JSON.stringify(e)).join('\n')}\nstderr:\n${stderr}`));
      };
      const timer = setTimeout(() => fail(`nothing within ${timeoutMs} ms`), timeoutMs);
      waiters.add(waiter);
      void exited.then((x) => {
        if (waiters.has(waiter)) {
          clearTimeout(timer);
          fail(`exited (code ${x.code}, signal ${x.signal})`);
        }
      });
    });
  };

  const send = (command: TapCommand) => {
    if (exitInfo) throw new Error(`tap has exited; cannot send '${command.cmd}'`);
    child.stdin.write(`${JSON.stringify(command)}\n`);
  };

  const kill = (signal: NodeJS.Signals = 'SIGKILL') => {
    if (exitInfo) return;
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  };

  const clockTicks = (() => {
    let ticks: number | undefined;
    return () => (ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
  })();

  return {
    process: child,
    events,
    send,
    waitFor,
    async join(url, token) {
      send({ cmd: 'join', url, token });
      const e = await waitFor((x) => x.event === 'joined' || (x.event === 'error' && x.cmd === 'join'), 30_000, 'joined');
      if (e.event === 'error') throw new Error(`tap could not join: ${e.message}\nstderr:\n${stderr}`);
      return e;
    },
    record(trackSid, path) {
      send({ cmd: 'record', trackSid, path });
    },
    stop(trackSid, timeoutMs = 20_000) {
      send({ cmd: 'stop', trackSid });
      return waitFor((e) => e.event === 'stopped' && e.trackSid === trackSid, timeoutMs, `stopped for ${trackSid}`);
    },
    async quit(timeoutMs = 10_000) {
      send({ cmd: 'quit' });
      const timer = setTimeout(() => kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    closeStdin() {
      child.stdin.end();
    },
    kill,
    exited,
    cpuSeconds() {
      // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the ")" that ends the name.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / clockTicks();
    },
    logs: () => stderr,
  };
}
