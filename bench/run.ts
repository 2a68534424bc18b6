/**
 * `npm run bench`: haven-live's live-media pipeline against a real livekit-server and an rtc-node
 * publisher sending 1280x720 at 30 fps (and a tone). haven-live runs in its own process
 * (bench/server.ts) so that /proc separates its CPU from everything else; the subscribers are
 * graphql-ws clients in this process, one WebSocket each. Prints a markdown table and writes the
 * same, with the raw figures, to bench/results/latest.json. README "## Benchmark" explains the method.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegPath, jpegQscale } from '../src/ffmpeg.js';
import { startLiveKit, type LiveKitServer } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from '../test/harness/publisher-client.js';
import {
  ChildCpuTracker,
  machine,
  machineLine,
  machineTicks,
  processTicks,
  reapedChildrenTicks,
  threads,
  threadTicks,
  threadTicksByName,
  ticksPerSecond,
  type Machine,
} from './procfs.js';
import type { CaptureResult, ServerSample } from './server.js';
import { graphqlRequest, ServerHandle, withTimeout } from './server-handle.js';
import { FrameSubscriber, seqGaps, type ReceivedFrame, type VideoFramesVariables } from './subscriber.js';

const ROOM = 'bench-room';
const IDENTITY = 'camera';
const VIDEO = { width: 1280, height: 720, fps: 30 };
const QUALITY = 75; // the server's default; the rendition under test passes no options
const CAPTURE_FRAMES = 150;
const FFMPEG_LOOPS = 4; // the captured frames are encoded this many times, for enough CPU ticks

// BENCH_QUICK=1 shortens every window (for trying the benchmark out, not for numbers).
const SCALE = process.env.BENCH_QUICK === '1' ? 0.25 : 1;
const seconds = (s: number) => Math.max(2, Math.round(s * SCALE));
const WARMUP_S = seconds(5);
const BASELINE_S = seconds(15);
const STREAM_S = seconds(20);
const STALL_S = seconds(60);
// Everything is torn down and the process exits by then, whatever hangs.
const HARD_LIMIT_MS = 345_000;

const RESULTS = fileURLToPath(new URL('./results/latest.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// ------------------------------------------------------------------------------ measuring

interface Cores {
  /** The server's JavaScript thread (tid = pid). */
  serverMain: number;
  /** Every other thread of the server process. */
  serverOther: number;
  /** Of those, the ones named "node": V8's platform workers (concurrent GC, compilers), libuv's pool. */
  serverHelpers: number;
  /** Of those, rtc-node's and libwebrtc's (receive, VP8 decode). */
  serverNative: number;
  serverTotal: number;
  /** The server's children: its ffmpeg encoders. */
  ffmpeg: number;
  bench: number;
  publisher: number;
  livekit: number;
}

interface Window {
  seconds: number;
  /** Average CPU use over the window, in cores (1 = one core busy all the time). */
  cores: Cores;
  childProcesses: Record<string, number>;
  /** Server CPU by thread name, in cores. */
  serverThreads: Record<string, number>;
  /** The whole machine: share of all CPUs busy, and stolen by the hypervisor, in %. */
  machineBusyPercent: number;
  machineStealPercent: number;
  /** Video frames that reached haven-live (feed), per second. */
  feedFps: number;
  frameSizes: Record<string, number>;
  eventLoopDelay: ServerSample['eventLoopDelay'];
  gc: ServerSample['gc'];
  encoderDroppedFrames: number;
  media: ServerSample['media'];
  memory: NodeJS.MemoryUsage;
  /** Frames each subscriber received in the window, in order. */
  received: ReceivedFrame[][];
  /** Arrival at haven-live (ns, CLOCK_MONOTONIC) by the frame's timestampUs. */
  arrivals: Map<number, bigint>;
}

interface Context {
  server: ServerHandle;
  publisher: Publisher;
  livekit: LiveKitServer;
}

async function measure(context: Context, windowS: number, subscribers: FrameSubscriber[], everySecond?: (second: number) => Promise<void>): Promise<Window> {
  const { server } = context;
  const tick = ticksPerSecond();
  await server.request({ cmd: 'reset' });
  const before = await server.request<ServerSample>({ cmd: 'sample' });
  const children = new ChildCpuTracker(server.pid);
  const threadsBefore = threads(server.pid);
  const start = {
    machine: machineTicks(),
    at: process.hrtime.bigint(),
    serverTotal: processTicks(server.pid) ?? 0,
    serverMain: threadTicks(server.pid, server.pid) ?? 0,
    bench: process.cpuUsage(),
    publisher: processTicks(context.publisher.process.pid!) ?? 0,
    livekit: processTicks(context.livekit.process.pid!) ?? 0,
  };
  children.start();
  for (const subscriber of subscribers) subscriber.startWindow();
  for (let second = 1; second <= windowS; second++) {
    await sleep(Math.max(0, Number(start.at + BigInt(second) * 1_000_000_000n - process.hrtime.bigint()) / 1e6));
    server.rememberChildren();
    await everySecond?.(second);
  }
  const received = subscribers.map((subscriber) => subscriber.endWindow());
  const childCpu = children.stop();
  const threadsAfter = threads(server.pid);
  const end = {
    machine: machineTicks(),
    at: process.hrtime.bigint(),
    serverTotal: processTicks(server.pid) ?? 0,
    serverMain: threadTicks(server.pid, server.pid) ?? 0,
    bench: process.cpuUsage(start.bench),
    publisher: processTicks(context.publisher.process.pid!) ?? 0,
    livekit: processTicks(context.livekit.process.pid!) ?? 0,
  };
  const after = await server.request<ServerSample>({ cmd: 'sample' });
  const arrivalList = await server.request<[number, string][]>({ cmd: 'arrivals' });
  const wall = Number(end.at - start.at) / 1e9;
  const cores = (ticks: number) => round(ticks / tick / wall, 3);
  const serverTotal = end.serverTotal - start.serverTotal;
  const serverMain = end.serverMain - start.serverMain;
  const helperTicks = threadTicksByName(threadsBefore, threadsAfter);
  return {
    seconds: round(wall, 2),
    cores: {
      serverMain: cores(serverMain),
      serverOther: cores(serverTotal - serverMain),
      serverHelpers: cores(Math.max(0, (helperTicks.node ?? 0) - serverMain)),
      serverNative: cores(serverTotal - (helperTicks.node ?? 0)),
      serverTotal: cores(serverTotal),
      ffmpeg: cores(childCpu.ticks),
      bench: round((end.bench.user + end.bench.system) / 1e6 / wall, 3),
      publisher: cores(end.publisher - start.publisher),
      livekit: cores(end.livekit - start.livekit),
    },
    childProcesses: childCpu.comms,
    serverThreads: Object.fromEntries(
      Object.entries(helperTicks)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ticks]) => [name, cores(ticks)]),
    ),
    machineBusyPercent: round((100 * (end.machine.busy - start.machine.busy)) / (end.machine.total - start.machine.total), 1),
    machineStealPercent: round((100 * (end.machine.steal - start.machine.steal)) / (end.machine.total - start.machine.total), 1),
    feedFps: round((after.videoFramesIn - before.videoFramesIn) / wall, 2),
    frameSizes: after.frameSizes,
    eventLoopDelay: after.eventLoopDelay,
    gc: after.gc,
    encoderDroppedFrames: after.media.encoderDroppedFrames - before.media.encoderDroppedFrames,
    media: after.media,
    memory: after.memory,
    received,
    arrivals: new Map(arrivalList.map(([timestampUs, at]) => [timestampUs, BigInt(at)])),
  };
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Latency {
  frames: number;
  p50: number;
  p99: number;
  max: number;
}

/** From a frame reaching haven-live to its last chunk reaching a client, over every subscriber. */
function latency(window: Window): Latency {
  const values: number[] = [];
  for (const frames of window.received) {
    for (const frame of frames) {
      const arrived = window.arrivals.get(frame.timestampUs);
      if (arrived !== undefined) values.push(Number(frame.receivedNs - arrived) / 1e6);
    }
  }
  values.sort((a, b) => a - b);
  return { frames: values.length, p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(values.at(-1) ?? NaN) };
}

interface Drops {
  subscribers: number;
  /** Frames each subscriber received in the window (min). */
  receivedMin: number;
  /** seq gaps per subscriber. */
  max: number;
  mean: number;
  /** Largest share of frames a subscriber missed, %. */
  maxPercent: number;
}

function drops(received: ReceivedFrame[][]): Drops {
  const gaps = received.map(seqGaps);
  const shares = received.map((frames, i) => (100 * gaps[i]) / Math.max(1, frames.length + gaps[i]));
  return {
    subscribers: received.length,
    receivedMin: Math.min(...received.map((frames) => frames.length)),
    max: Math.max(...gaps),
    mean: round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 1),
    maxPercent: round(Math.max(...shares), 1),
  };
}

async function untilIdle(server: ServerHandle): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { media } = await server.request<ServerSample>({ cmd: 'sample' });
    if (media.openVideoStreams === 0 && media.subscribedTracks === 0 && media.runningEncoders === 0 && media.videoSubscribers === 0) return;
    if (Date.now() > deadline) throw new Error(`haven-live did not go idle: ${JSON.stringify(media)}`);
    await sleep(200);
  }
}

async function subscribeAll(subscribers: FrameSubscriber[]): Promise<void> {
  for (const subscriber of subscribers) subscriber.start();
  await withTimeout(Promise.all(subscribers.map((subscriber) => subscriber.firstFrame)), 30_000, `first frame on ${subscribers.length} subscribers`).catch((error: Error) => {
    throw new Error(`${error.message}; errors: ${subscribers.flatMap((subscriber) => subscriber.errors).slice(0, 3).join('; ')}`);
  });
}

// ------------------------------------------------------------------------------ ffmpeg alone

interface FfmpegAlone {
  frames: number;
  cpuMsPerFrame: number;
  wallMsPerFrame: number;
  args: string[];
}

/** CPU of one ffmpeg run, from our cutime/cstime: the only child that exits meanwhile is this one. */
async function ffmpegAlone(file: string, capture: CaptureResult, inputPixFmt: 'yuv420p' | 'yuvj420p', children: Set<ChildProcess>): Promise<FfmpegAlone> {
  const args = [
    '-hide_banner', '-nostdin',
    '-f', 'rawvideo', '-pix_fmt', inputPixFmt, '-s', `${capture.width}x${capture.height}`, '-r', '30',
    '-stream_loop', String(FFMPEG_LOOPS - 1), '-i', file,
    // As FrameEncoder runs it: one thread, mjpeg at the same qscale, yuvj420p.
    '-threads', '1', '-c:v', 'mjpeg', '-q:v', String(jpegQscale(QUALITY)), '-pix_fmt', 'yuvj420p',
    '-f', 'null', '-',
  ];
  const before = reapedChildrenTicks();
  const started = process.hrtime.bigint();
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const code = await withTimeout(new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode))), 120_000, 'ffmpeg alone');
  children.delete(child);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuMs = ((reapedChildrenTicks() - before) / ticksPerSecond()) * 1000;
  const frames = Number([...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1)?.[1] ?? NaN);
  if (code !== 0 || !(frames > 0)) throw new Error(`ffmpeg alone failed (${code}): ${stderr.slice(-2000)}`);
  return { frames, cpuMsPerFrame: round(cpuMs / frames, 3), wallMsPerFrame: round(wall / frames, 3), args };
}

// ------------------------------------------------------------------------------ report

interface Row {
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

function table(rows: Row[]): string {
  const lines = ['| metric | value | goal | met? |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.metric} | ${row.value} | ${row.goal} | ${row.met === null ? '–' : row.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

function cpuTable(phases: Record<string, Window>): string {
  const lines = [
    '| phase | feed fps | server JS thread (GC pauses) | server "node" helper threads | server rtc-node threads | ffmpeg | bench clients | publisher | livekit-server | mark-compacts /s | event-loop delay p99 | machine busy (steal) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, w] of Object.entries(phases)) {
    const c = w.cores;
    const gcCores = round(w.gc.ms / 1000 / w.seconds, 3);
    lines.push(
      `| ${name} | ${w.feedFps} | ${c.serverMain} (${gcCores}) | ${c.serverHelpers} | ${c.serverNative} | ${c.ffmpeg} | ${c.bench} | ${c.publisher} | ${c.livekit} | ${round(w.gc.majorCount / w.seconds, 1)} | ${w.eventLoopDelay.p99} ms | ${w.machineBusyPercent} % (${w.machineStealPercent} %) |`,
    );
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------ main

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await withTimeout(Promise.resolve(step()), 15_000, 'cleanup step');
      } catch (error) {
        log(`cleanup: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

async function main(): Promise<void> {
  if (!process.env.HAVEN_NODE_IP) {
    throw new Error('media needs the network namespace: run as root through `npm run bench` (scripts/in-netns.sh sets HAVEN_NODE_IP)');
  }
  ticksPerSecond(); // getconf is a child process: run it before cutime is used to time ffmpeg
  const host: Machine = machine(loadavg());
  log(`machine: ${machineLine(host)}; load average ${host.loadAverageAtStart.join(' ')}`);

  const spawned = new Set<ChildProcess>();
  cleanups.push(() => {
    for (const child of spawned) child.kill('SIGKILL');
  });
  const scratch = mkdtempSync(join(tmpdir(), 'haven-bench-frames-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));

  log('starting livekit-server, publisher (1280x720@30 VP8 + 440 Hz tone) and haven-live');
  const livekit = await startLiveKit({ logLevel: 'warn' });
  cleanups.push(() => livekit.stop());
  cleanups.push(() => killAllPublishers());
  const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: IDENTITY });
  cleanups.push(() => publisher.disconnect());
  const videoSid = await publisher.publishVideo(VIDEO);
  await publisher.publishAudio({ frequency: 440, sampleRate: 48_000, channels: 1 });
  const server = await ServerHandle.start({ livekitUrl: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  cleanups.push(() => server.stop());
  const context: Context = { server, publisher, livekit };

  await graphqlRequest(server.url, 'mutation ($roomName: String!) { startSession(input: { roomName: $roomName }) { id } }', { roomName: ROOM });
  const sessionDeadline = Date.now() + 15_000;
  for (;;) {
    const { session } = await graphqlRequest<{ session: { participants: { identity: string; tracks: { sid: string }[] }[] } | null }>(
      server.url,
      'query ($roomName: String!) { session(roomName: $roomName) { participants { identity tracks { sid } } } }',
      { roomName: ROOM },
    );
    if (session?.participants.some((p) => p.identity === IDENTITY && p.tracks.some((t) => t.sid === videoSid))) break;
    if (Date.now() > sessionDeadline) throw new Error(`the session never saw track ${videoSid}`);
    await sleep(200);
  }
  const track = { roomName: ROOM, participantIdentity: IDENTITY };
  const phases: Record<string, Window> = {};

  // The raw frames haven-live hands its encoders, for ffmpeg alone.
  log(`capturing ${CAPTURE_FRAMES} raw frames`);
  const rawFile = join(scratch, 'frames.yuv');
  const capture = await server.request<CaptureResult>({ cmd: 'capture', args: { ...track, path: rawFile, count: CAPTURE_FRAMES } }, 40_000);
  await untilIdle(server);

  log('idle: session joined, no subscriber');
  await sleep(2_000);
  phases['idle'] = await measure(context, seconds(10), []);

  log(`ffmpeg alone on ${capture.frames} captured ${capture.width}x${capture.height} frames × ${FFMPEG_LOOPS}`);
  // CPU time of the same work varies by 10-20 % on a shared VM: three runs spread over the
  // benchmark, all while haven-live is idle, and their median.
  const aloneRuns = [await ffmpegAlone(rawFile, capture, 'yuv420p', spawned)];
  const aloneNoRange = await ffmpegAlone(rawFile, capture, 'yuvj420p', spawned);

  // The baseline for the rendition: the track subscribed and decoded, nothing encoded. The feed stays
  // held through the JPEG runs, so that they differ from it by the rendition and its subscribers only.
  log('feed only: track decoded, nothing encoded');
  await server.request({ cmd: 'hold', args: track });
  await sleep(WARMUP_S * 1000);
  phases['feed only'] = await measure(context, BASELINE_S, []);

  const variables: VideoFramesVariables = { ...track, options: null };
  const subscribers: FrameSubscriber[] = [];
  const grow = async (to: number) => {
    const added: FrameSubscriber[] = [];
    while (subscribers.length + added.length < to) added.push(new FrameSubscriber(server.url, variables));
    subscribers.push(...added);
    await subscribeAll(added);
    await sleep(WARMUP_S * 1000);
  };
  cleanups.push(() => subscribers.forEach((subscriber) => subscriber.close()));
  for (const count of [1, 10, 20]) {
    log(`${count} JPEG subscriber${count > 1 ? 's' : ''} (1280x720, quality ${QUALITY})`);
    await grow(count);
    phases[`${count} JPEG`] = await measure(context, STREAM_S, subscribers);
  }
  // Both baselines again in reverse order: each figure is the mean of a window early and one late in
  // the run, so that the process warming up or the VM's speed drifting does not pass for a cost.
  log('1 JPEG subscriber again');
  for (const subscriber of subscribers.splice(1)) subscriber.close();
  await sleep(WARMUP_S * 1000);
  phases['1 JPEG again'] = await measure(context, STREAM_S, subscribers);
  // base64 carries 3 bytes in 4 characters.
  const jpegKiB = round((subscribers[0].bytesTotal * 0.75) / subscribers[0].framesTotal / 1024, 1);
  log('feed only again');
  for (const subscriber of subscribers.splice(0)) subscriber.close();
  await sleep(3_000);
  phases['feed only again'] = await measure(context, BASELINE_S, []);
  await server.request({ cmd: 'release' });
  await untilIdle(server);
  aloneRuns.push(await ffmpegAlone(rawFile, capture, 'yuv420p', spawned));

  log(`one subscriber stalls for ${STALL_S} s while another keeps up`);
  const fast = new FrameSubscriber(server.url, variables);
  const slow = new FrameSubscriber(server.url, variables);
  subscribers.push(fast, slow);
  await subscribeAll([fast, slow]);
  await sleep(WARMUP_S * 1000);
  slow.pause();
  const rss: { second: number; rss: number; videoSubscribers: number }[] = [];
  const sampleRss = async (second: number) => {
    const sample = await server.request<ServerSample>({ cmd: 'sample' });
    rss.push({ second, rss: sample.memory.rss, videoSubscribers: sample.media.videoSubscribers });
  };
  await sampleRss(0);
  phases['stalled + fast'] = await measure(context, STALL_S, [fast], sampleRss);
  for (const subscriber of subscribers.splice(0)) subscriber.close();
  await untilIdle(server);
  aloneRuns.push(await ffmpegAlone(rawFile, capture, 'yuv420p', spawned));
  const alone = [...aloneRuns].sort((a, b) => a.cpuMsPerFrame - b.cpuMsPerFrame)[1];

  // ---------------------------------------------------------------------------- figures
  const MB = 1024 * 1024;
  const feedAgain = phases['feed only again'];
  const idle = phases['idle'];
  const one = phases['1 JPEG'];
  const ten = phases['10 JPEG'];
  const twenty = phases['20 JPEG'];
  const stalled = phases['stalled + fast'];
  const oneAgain = phases['1 JPEG again'];
  const withChildren = (w: Window) => w.cores.serverTotal + w.cores.ffmpeg;
  const deliveredFps = (w: Window) => w.received[0].length / w.seconds;
  const mean = (f: (w: Window) => number) => (f(one) + f(oneAgain)) / 2;
  const feedMean = (f: (w: Window) => number) => (f(phases['feed only']) + f(feedAgain)) / 2;
  const fps1 = mean(deliveredFps);
  const oneTotal = mean(withChildren);
  const renditionMs = ((oneTotal - feedMean(withChildren)) * 1000) / fps1;
  const ratio = renditionMs / alone.cpuMsPerFrame;
  const oneMain = mean((w) => w.cores.serverMain);
  const mainMs = (oneMain * 1000) / fps1;
  const mainAddedMs = ((oneMain - feedMean((w) => w.cores.serverMain)) * 1000) / fps1;
  const gcMs = mean((w) => w.gc.ms / w.seconds) / fps1;
  const publisherCores = Object.values(phases).map((w) => w.cores.publisher);
  const addedPerFrame = (f: (w: Window) => number) => ((mean(f) - feedMean(f)) * 1000) / fps1;
  const fanout = withChildren(twenty) / oneTotal;
  const perSubscriberMs = ((withChildren(twenty) - oneTotal) * 1000) / deliveredFps(twenty) / 19;
  const lat1 = latency(one);
  const lat10 = latency(ten);
  const lat20 = latency(twenty);
  const rss0 = rss[0].rss;
  const rssGrowth = (rss.at(-1)!.rss - rss0) / MB;
  const rssMaxGrowth = (Math.max(...rss.map((r) => r.rss)) - rss0) / MB;
  const slowGoneAt = rss.find((r) => r.videoSubscribers < 2)?.second;
  const fastFps = stalled.received[0].length / stalled.seconds;
  const fastShare = fastFps / stalled.feedFps;
  const dropRuns: [string, Drops][] = [
    ['1 JPEG', drops(one.received)],
    ['10 JPEG', drops(ten.received)],
    ['20 JPEG', drops(twenty.received)],
    ['fast one beside the stalled one', drops(stalled.received)],
  ];
  const ms = (value: number) => `${round(value, 2)} ms`;
  const sizes = Object.keys(one.frameSizes).join(', ');

  const rows: Row[] = [
    { metric: `1. JPEG rendition CPU per frame in haven-live (server + ffmpeg, above the feed-only baseline; frames ${sizes})`, value: ms(renditionMs), goal: '', met: null },
    {
      metric: `1. ffmpeg mjpeg alone per frame (same frames, \`-q:v ${jpegQscale(QUALITY)}\`, one thread; median of ${aloneRuns.map((run) => run.cpuMsPerFrame).join(', ')})`,
      value: ms(alone.cpuMsPerFrame),
      goal: '',
      met: null,
    },
    { metric: '1. ratio haven-live / ffmpeg alone', value: round(ratio, 2).toString(), goal: '≤ 1.3', met: ratio <= 1.3 },
    { metric: '1. server JS main thread CPU per frame, 1 JPEG subscriber (all of it)', value: ms(mainMs), goal: '≤ 1 ms', met: mainMs <= 1 },
    { metric: '1. … of which added by the rendition (above feed only)', value: ms(mainAddedMs), goal: '', met: null },
    { metric: '2. CPU (server + ffmpeg) with 20 subscribers / with 1', value: `${round(fanout, 2)} (${round(withChildren(twenty), 2)} / ${round(oneTotal, 2)} cores)`, goal: '≤ 1.3', met: fanout <= 1.3 },
    { metric: '3. latency p50, 1 subscriber', value: ms(lat1.p50), goal: '≤ 15 ms', met: lat1.p50 <= 15 },
    { metric: '3. latency p99, 1 subscriber', value: ms(lat1.p99), goal: '≤ 50 ms', met: lat1.p99 <= 50 },
    { metric: '3. latency p50, 10 subscribers', value: ms(lat10.p50), goal: '≤ 15 ms', met: lat10.p50 <= 15 },
    { metric: '3. latency p99, 10 subscribers', value: ms(lat10.p99), goal: '≤ 50 ms', met: lat10.p99 <= 50 },
    ...[one, ten, twenty, stalled].map((w, i) => {
      const name = ['1 subscriber', '10 subscribers', '20 subscribers', 'stalled + fast'][i];
      return { metric: `4. event-loop delay p99, ${name}`, value: ms(w.eventLoopDelay.p99), goal: '≤ 20 ms', met: w.eventLoopDelay.p99 <= 20 };
    }),
    {
      metric: `5. server RSS growth over ${stalled.seconds} s with one subscriber stalled (max during the run)`,
      value: `${round(rssGrowth, 1)} MB (${round(rssMaxGrowth, 1)} MB)`,
      goal: '≤ 50 MB',
      met: rssMaxGrowth <= 50,
    },
    {
      metric: '5. frame rate of the subscriber that keeps up / frames reaching haven-live',
      value: `${round(fastFps, 1)} / ${round(stalled.feedFps, 1)} fps`,
      goal: '≥ 95 %',
      met: fastShare >= 0.95,
    },
    ...dropRuns.map(([name, d]) => ({
      metric: `6. frames dropped per subscriber, ${name} (${d.subscribers} × ≥ ${d.receivedMin} frames received)`,
      value: `max ${d.max} (${d.maxPercent} %), mean ${d.mean}`,
      goal: '',
      met: null,
    })),
  ];

  const notes = [
    `JPEG size: ${jpegKiB} KiB per frame on average (the publisher's synthetic picture: a gradient and a moving bar).`,
    `Frames reaching haven-live per second: feed only ${phases['feed only'].feedFps} and ${feedAgain.feedFps}, 1 JPEG ${one.feedFps}, 10 ${ten.feedFps}, 20 ${twenty.feedFps} (publisher captures ${VIDEO.fps}).`,
    `Receiving and decoding the track (feed only minus idle): ${round(feedMean(withChildren) - withChildren(idle), 3)} cores = ${ms(((feedMean(withChildren) - withChildren(idle)) * 1000) / feedMean((w) => w.feedFps))} per frame, ${round(feedMean((w) => w.cores.serverMain) - idle.cores.serverMain, 3)} cores of it on the JS thread.`,
    `Baselines are the mean of two windows, early and late: feed only ${round(withChildren(phases['feed only']), 3)} and ${round(withChildren(feedAgain), 3)} cores; 1 subscriber ${round(withChildren(one), 3)} and ${round(withChildren(oneAgain), 3)} cores (server + ffmpeg).`,
    `Where the rendition's ${ms(renditionMs)} per frame go (1 subscriber minus feed only): ffmpeg ${ms(addedPerFrame((w) => w.cores.ffmpeg))}, server JS thread ${ms(addedPerFrame((w) => w.cores.serverMain))} (GC pauses ${ms(addedPerFrame((w) => w.gc.ms / 1000 / w.seconds))} of it), "node" helper threads (V8's concurrent GC) ${ms(addedPerFrame((w) => w.cores.serverHelpers))}, rtc-node threads ${ms(addedPerFrame((w) => w.cores.serverNative))}.`,
    `GC pauses on the server's JS thread with 1 subscriber: ${ms(gcMs)} per frame, ${round(mean((w) => w.gc.majorCount / w.seconds), 1)} mark-compacts a second (feed only: ${round(feedMean((w) => w.gc.majorCount / w.seconds), 1)}).`,
    `ffmpeg children alone in the 1-subscriber runs: ${ms((mean((w) => w.cores.ffmpeg) * 1000) / fps1)} per frame; ffmpeg alone with the input tagged full-range (no yuv420p→yuvj420p conversion): ${ms(aloneNoRange.cpuMsPerFrame)} per frame.`,
    `Each subscriber beyond the first adds ${ms(perSubscriberMs)} CPU per frame (20 vs 1).`,
    `Latency with 20 subscribers: p50 ${ms(lat20.p50)}, p99 ${ms(lat20.p99)}.`,
    slowGoneAt === undefined
      ? 'The stalled subscriber stayed connected for the whole run.'
      : `The stalled subscriber was disconnected by the server after ${slowGoneAt} s (graphql-ws keep-alive: a ping every 12 s, terminated without a pong within 12 s).`,
    `The publisher does the same work throughout and used ${round(Math.min(...publisherCores), 2)}–${round(Math.max(...publisherCores), 2)} cores across the windows: the speed of this machine's CPUs varies that much, so single CPU figures move by 10–30 % between runs.`,
    `Encoder drops (ffmpeg still busy): 1 sub ${one.encoderDroppedFrames}, 10 subs ${ten.encoderDroppedFrames}, 20 subs ${twenty.encoderDroppedFrames}, stalled run ${stalled.encoderDroppedFrames}.`,
  ];

  const output = [
    `Machine: ${machineLine(host)} (load average at start ${host.loadAverageAtStart.join(' ')})`,
    '',
    table(rows),
    '',
    'CPU by process and phase, in cores (1.00 = one core busy), averaged over each window:',
    '',
    cpuTable(phases),
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
  process.stdout.write(`\n${output}\n`);

  const phaseJson = Object.fromEntries(
    Object.entries(phases).map(([name, w]) => [
      name,
      {
        seconds: w.seconds,
        cores: w.cores,
        childProcesses: w.childProcesses,
        serverThreads: w.serverThreads,
        machineBusyPercent: w.machineBusyPercent,
        machineStealPercent: w.machineStealPercent,
        feedFps: w.feedFps,
        frameSizes: w.frameSizes,
        eventLoopDelayMs: w.eventLoopDelay,
        gc: w.gc,
        encoderDroppedFrames: w.encoderDroppedFrames,
        rssMB: round(w.memory.rss / MB, 1),
        subscribers: w.received.length,
        framesReceived: w.received.map((frames) => frames.length),
        seqGaps: w.received.map(seqGaps),
        latencyMs: w.received.length ? latency(w) : null,
      },
    ]),
  );
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: host,
        video: { ...VIDEO, quality: QUALITY, qscale: jpegQscale(QUALITY) },
        quick: SCALE !== 1,
        metrics: rows,
        notes,
        ffmpegAlone: { median: alone, runs: aloneRuns, inputTaggedFullRange: aloneNoRange, capture },
        jpegKiB,
        renditionMsPerFrame: round(renditionMs, 3),
        mainThreadMsPerFrame: round(mainMs, 3),
        mainThreadAddedMsPerFrame: round(mainAddedMs, 3),
        mainThreadGcMsPerFrame: round(gcMs, 3),
        fanout: round(fanout, 3),
        perExtraSubscriberMsPerFrame: round(perSubscriberMs, 3),
        latencyMs: { one: lat1, ten: lat10, twenty: lat20 },
        stall: { rssSamples: rss.map((r) => ({ ...r, rss: round(r.rss / MB, 1) })), slowDisconnectedAfterS: slowGoneAt ?? null, fastFps: round(fastFps, 2) },
        drops: Object.fromEntries(dropRuns),
        phases: phaseJson,
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${RESULTS}`);
}

const hardLimit = setTimeout(() => {
  log(`still running after ${HARD_LIMIT_MS / 1000} s: giving up`);
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and a
// second signal must not kill it before it has taken its children down.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(hardLimit);
}
// Clients and rtc-node handles can keep the loop alive; everything we started is down by now.
process.exit(exitCode);
