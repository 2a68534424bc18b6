/**
 * haven-live in a process of its own for the benchmark, so that /proc can tell its CPU (and that of
 * its ffmpeg children) apart from the publisher's, livekit-server's and the benchmark clients'.
 * bench/run.ts forks it and drives it over IPC (see ServerRequest).
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { dispose } from '@livekit/rtc-node';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { TrackFeed, type RawVideoFrame, type TrackFeeds } from '../src/services/track-feeds.js';
import type { StorageSettings } from '../src/object-storage.js';
import { RateLimit } from '../src/services/rate-limit.js';

export interface ServerConfig {
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Object storage for finished recordings (bench/upload.ts). */
  storage?: StorageSettings;
  /** Seconds between reconciliation passes (bench/soak-rooms.ts). */
  reconcileSec?: number;
}

export type ServerRequest =
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'sample' }
  | { id: number; cmd: 'arrivals' }
  | { id: number; cmd: 'hold'; args: { roomName: string; participantIdentity: string } }
  | { id: number; cmd: 'release' }
  | { id: number; cmd: 'capture'; args: { roomName: string; participantIdentity: string; path: string; count: number } }
  | { id: number; cmd: 'upload'; args: { path: string; key: string; megabytesPerSec?: number } }
  | { id: number; cmd: 'stop' };

export type ServerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
export type ServerEvent = { event: 'ready'; url: string; pid: number };

export interface ServerSample {
  /** How late the event loop ran a timer since the last reset, in ms (interval minus resolution). */
  eventLoopDelay: { resolution: number; count: number; mean: number; p50: number; p99: number; max: number };
  memory: NodeJS.MemoryUsage;
  /** GC pauses on the JavaScript thread since the last reset (ms; major = mark-compact). */
  gc: { count: number; ms: number; majorCount: number; majorMs: number };
  /** Video frames handed to haven-live's track feeds since the process started. */
  videoFramesIn: number;
  /** Frames since the last reset by picture size, e.g. { "1280x720": 450 }. */
  frameSizes: Record<string, number>;
  media: ReturnType<ReturnType<typeof buildApp>['services']['media']['stats']>;
}

export interface CaptureResult {
  frames: number;
  width: number;
  height: number;
  bytesPerFrame: number;
}

if (!process.send) {
  console.error('bench/server.ts is started by bench/run.ts (it needs an IPC channel)');
  process.exit(2);
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
const dir = mkdtempSync(join(tmpdir(), 'haven-bench-'));

// When a frame reached haven-live: the moment the track feed hands it to its users, on
// process.hrtime (CLOCK_MONOTONIC), which all processes on the machine share, so that the client
// process can subtract it from its own receive time without any clock synchronisation.
const arrivals = new Map<number, bigint>();
let videoFramesIn = 0;
let frameSizes: Record<string, number> = {};
const originalEmit = TrackFeed.prototype.emit;
TrackFeed.prototype.emit = function emit(this: TrackFeed<RawVideoFrame>, frame: RawVideoFrame): void {
  if (this.kind === 'VIDEO') {
    videoFramesIn++;
    const size = `${frame.width}x${frame.height}`;
    frameSizes[size] = (frameSizes[size] ?? 0) + 1;
    // Bounded in case run.ts never resets: a phase is far below this.
    if (arrivals.size < 50_000) arrivals.set(frame.timestampUs, process.hrtime.bigint());
  }
  originalEmit.call(this, frame);
};

// Node's histogram records whole timer intervals (an idle loop reads ~resolution), so lateness is
// the value minus the resolution; a fine resolution also catches short stalls.
const EVENT_LOOP_RESOLUTION_MS = 2;
const eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
eventLoopDelay.enable();

// Garbage-collection pauses of the JavaScript thread, which the CPU figures cannot separate out.
let gc = { count: 0, ms: 0, majorCount: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.ms += entry.duration;
    if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.majorCount++;
      gc.majorMs += entry.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });

const app = buildApp({
  databasePath: join(dir, 'haven.db'),
  environmentConfig: {
    livekitUrl: config.livekitUrl,
    livekitApiKey: config.apiKey,
    livekitApiSecret: config.apiSecret,
    recordingDirectory: join(dir, 'recordings'),
  },
  logger: pino({ level: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn' }),
  storage: config.storage,
  reconciler: { intervalSec: config.reconcileSec },
});

// The feed-only baseline needs a track decoded with nobody encoding it, which no GraphQL operation
// does; MediaService's TrackFeeds is private, so reach it by name and fail loudly if it moved.
function trackFeeds(): TrackFeeds {
  const feeds = (app.services.media as unknown as { feeds?: TrackFeeds }).feeds;
  if (!feeds || typeof feeds.video !== 'function') throw new Error('MediaService has no `feeds` any more: update bench/server.ts');
  return feeds;
}

let held: (() => void) | undefined;

function capture(args: { roomName: string; participantIdentity: string; path: string; count: number }): Promise<CaptureResult> {
  const target = app.services.media.resolve(args.roomName, 'VIDEO', { participantIdentity: args.participantIdentity });
  return new Promise((resolve, reject) => {
    const fd = openSync(args.path, 'w');
    const result: CaptureResult = { frames: 0, width: 0, height: 0, bytesPerFrame: 0 };
    let done = false;
    let release: () => void = () => undefined;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      closeSync(fd);
      // release() from inside a feed callback would modify the listener set it is iterating.
      queueMicrotask(() => release());
      if (error) reject(error);
      else resolve(result);
    };
    const timer = setTimeout(() => finish(new Error(`only ${result.frames} frames within 30 s`)), 30_000);
    release = trackFeeds().video(target, {
      frame: (frame) => {
        if (done) return;
        if (result.frames === 0) Object.assign(result, { width: frame.width, height: frame.height, bytesPerFrame: frame.data.byteLength });
        // One size throughout, or the file is not a valid rawvideo stream.
        if (frame.width !== result.width || frame.height !== result.height) return;
        writeSync(fd, frame.data);
        if (++result.frames >= args.count) finish();
      },
      end: (reason) => finish(new Error(`feed ended: ${reason}`)),
    });
  });
}

function sample(): ServerSample {
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - EVENT_LOOP_RESOLUTION_MS) * 100) / 100);
  return {
    eventLoopDelay: {
      resolution: EVENT_LOOP_RESOLUTION_MS,
      count: eventLoopDelay.count,
      mean: ms(eventLoopDelay.mean),
      p50: ms(eventLoopDelay.percentile(50)),
      p99: ms(eventLoopDelay.percentile(99)),
      max: ms(eventLoopDelay.max),
    },
    memory: process.memoryUsage(),
    gc: { ...gc, ms: Math.round(gc.ms), majorMs: Math.round(gc.majorMs) },
    videoFramesIn,
    frameSizes,
    media: app.services.media.stats(),
  };
}

async function handle(request: ServerRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'reset':
      eventLoopDelay.reset();
      gc = { count: 0, ms: 0, majorCount: 0, majorMs: 0 };
      arrivals.clear();
      frameSizes = {};
      return null;
    case 'sample':
      return sample();
    case 'arrivals':
      // bigint does not survive JSON IPC; ns since an arbitrary origin fit in a string.
      return [...arrivals].map(([timestampUs, at]) => [timestampUs, at.toString()]);
    case 'hold': {
      held?.();
      const target = app.services.media.resolve(request.args.roomName, 'VIDEO', { participantIdentity: request.args.participantIdentity });
      held = trackFeeds().video(target, { frame: () => undefined, end: () => undefined });
      return null;
    }
    case 'release':
      held?.();
      held = undefined;
      return null;
    case 'capture':
      return capture(request.args);
    case 'upload': {
      // The recordings' own upload (multipart, per-part SHA-256, size checked) of a given file.
      const storage = app.services.recordings.uploads?.storage;
      if (!storage) throw new Error('no object storage set');
      const started = performance.now();
      const rate = request.args.megabytesPerSec ? new RateLimit(request.args.megabytesPerSec * 1e6) : undefined;
      await storage.upload(request.args.key, request.args.path, statSync(request.args.path).size, { throttle: rate && (() => rate.stream()) });
      return { ms: performance.now() - started };
    }
    case 'stop':
      await shutdown(0);
      return null;
  }
}

let stopping: Promise<void> | undefined;
function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    setTimeout(() => process.exit(code || 1), 8_000).unref();
    try {
      held?.();
      await app.stop();
      await dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    }
  })();
  return stopping;
}

process.on('message', (raw) => {
  const request = raw as ServerRequest;
  void (async () => {
    let reply: ServerReply;
    try {
      reply = { id: request.id, ok: true, result: (await handle(request)) ?? null };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    if (request.cmd !== 'stop') process.send?.(reply);
  })();
});
// The benchmark went away (finished, crashed or killed): take the encoders and the room down too.
process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

await app.start(0);
process.send({ event: 'ready', url: app.url, pid: process.pid } satisfies ServerEvent);
