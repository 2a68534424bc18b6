import { killOnExit } from './children.js';
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  ChildEvent,
  PublishAudioArgs,
  PublisherStatus,
  PublishVideoArgs,
  Reply,
  Request,
} from './publisher.js';

export type { PublishAudioArgs, PublisherStatus, PublishVideoArgs, TrackStatus } from './publisher.js';

export interface StartPublisherOptions {
  url: string;
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  name?: string;
  metadata?: string;
  /** Participant attributes in its token (e.g. `haven.record: 'off'`). */
  attributes?: Record<string, string>;
  /** Per-request timeout in ms (default 20 000). */
  requestTimeoutMs?: number;
  /** Mirror the child's stdout/stderr to this process's stderr (default: env HAVEN_PUBLISHER_LOGS=1). */
  echo?: boolean;
}

export interface Publisher {
  identity: string;
  process: ChildProcess;
  /** Publishes a synthetic camera track; resolves to its track sid. */
  publishVideo(opts?: PublishVideoArgs): Promise<string>;
  /** Publishes a synthetic microphone track; resolves to its track sid. */
  publishAudio(opts?: PublishAudioArgs): Promise<string>;
  mute(trackSid: string): Promise<void>;
  unmute(trackSid: string): Promise<void>;
  unpublish(trackSid: string): Promise<void>;
  /** Captures the video track's frames at another size from now on, in the same track. */
  resizeVideo(trackSid: string, width: number, height: number): Promise<void>;
  status(): Promise<PublisherStatus>;
  /** Leaves the room cleanly and waits for the child to exit (SIGKILL after 10 s). */
  disconnect(): Promise<void>;
  /** Kills the child without leaving the room (default SIGKILL): the server sees the participant vanish. */
  kill(signal?: NodeJS.Signals): void;
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logs(): string;
}

const PUBLISHER = fileURLToPath(new URL('./publisher.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAX_LOG_CHARS = 500_000;
const live = new Set<ChildProcess>();

/** SIGKILLs every publisher child still running (for afterAll safety nets). */
export function killAllPublishers(): void {
  for (const c of live) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

type Pending = { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout; cmd: string };

export async function startPublisher(opts: StartPublisherOptions): Promise<Publisher> {
  const requestTimeoutMs = opts.requestTimeoutMs ?? 20_000;
  const echo = opts.echo ?? process.env.HAVEN_PUBLISHER_LOGS === '1';

  const child = fork(PUBLISHER, [], {
    // Our own execArgv may carry vitest/tsx flags meant for this process.
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced', // lets bigint etc. cross if ever needed
  });
  killOnExit(child);
  live.add(child);
  child.once('exit', () => live.delete(child));

  let buf = '';
  const onOut = (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    if (echo) process.stderr.write(`[publisher ${opts.identity}] ${s}`);
    buf += s;
    if (buf.length > MAX_LOG_CHARS) buf = buf.slice(buf.length - MAX_LOG_CHARS);
  };
  child.stdout!.on('data', onOut);
  child.stderr!.on('data', onOut);

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(
          new Error(
            `publisher ${opts.identity} exited (code ${code}, signal ${signal}) during '${p.cmd}'.\nlogs:\n${buf}`,
          ),
        );
        pending.delete(id);
      }
      resolve(exitInfo);
    });
  });

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let onReady: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));

  child.on('message', (raw) => {
    const m = raw as Reply | ChildEvent;
    if ('event' in m) {
      if (m.event === 'ready') onReady?.();
      else if (echo) process.stderr.write(`[publisher ${opts.identity}] room disconnected: ${m.reason}\n`);
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`publisher ${opts.identity} '${p.cmd}' failed: ${m.error}`));
  });

  function request<T>(cmd: Request['cmd'], args?: unknown, timeoutMs = requestTimeoutMs): Promise<T> {
    if (exitInfo) {
      return Promise.reject(new Error(`publisher ${opts.identity} has exited; cannot '${cmd}'`));
    }
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(
          new Error(`publisher ${opts.identity}: '${cmd}' got no answer within ${timeoutMs} ms.\nlogs:\n${buf}`),
        );
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, cmd });
      child.send({ id, cmd, args } as Request, (err) => {
        if (err && pending.has(id)) {
          pending.delete(id);
          clearTimeout(timer);
          reject(new Error(`publisher ${opts.identity}: could not send '${cmd}': ${err.message}`));
        }
      });
    });
  }

  const kill = (signal: NodeJS.Signals = 'SIGKILL') => {
    if (exitInfo) return;
    try {
      child.kill(signal);
    } catch {
      /* gone */
    }
  };

  // Loading rtc-node's native addon through tsx takes a second or two.
  const readyTimeout = new Promise<never>((_, reject) => {
    const t = setTimeout(
      () => reject(new Error(`publisher ${opts.identity} did not start within 30 s.\nlogs:\n${buf}`)),
      30_000,
    );
    t.unref();
    void ready.then(() => clearTimeout(t));
  });
  const earlyExit = exited.then((e) => {
    throw new Error(`publisher ${opts.identity} exited on start (code ${e.code}, signal ${e.signal}).\nlogs:\n${buf}`);
  });
  try {
    await Promise.race([ready, readyTimeout, earlyExit]);
    await request(
      'connect',
      {
        url: opts.url,
        apiKey: opts.apiKey,
        apiSecret: opts.apiSecret,
        room: opts.room,
        identity: opts.identity,
        name: opts.name,
        metadata: opts.metadata,
        attributes: opts.attributes,
      },
      Math.max(requestTimeoutMs, 30_000),
    );
  } catch (err) {
    kill('SIGKILL');
    throw err;
  } finally {
    earlyExit.catch(() => {});
  }

  return {
    identity: opts.identity,
    process: child,
    publishVideo: (o) => request<string>('publishVideo', o ?? {}),
    publishAudio: (o) => request<string>('publishAudio', o ?? {}),
    mute: async (trackSid) => {
      await request('mute', { trackSid });
    },
    unmute: async (trackSid) => {
      await request('unmute', { trackSid });
    },
    unpublish: async (trackSid) => {
      await request('unpublish', { trackSid });
    },
    resizeVideo: async (trackSid, width, height) => {
      await request('resizeVideo', { trackSid, width, height });
    },
    status: () => request<PublisherStatus>('status'),
    disconnect: async () => {
      if (exitInfo) return;
      const t = setTimeout(() => kill('SIGKILL'), 10_000);
      try {
        await request('disconnect', undefined, 10_000).catch((err: Error) => {
          // An exit during disconnect is the expected outcome, not an error.
          if (!exitInfo) throw err;
        });
        await exited;
      } finally {
        clearTimeout(t);
      }
    },
    kill,
    exited,
    logs: () => buf,
  };
}
