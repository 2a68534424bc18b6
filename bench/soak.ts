/**
 * `npm run bench:soak` (and the last part of `npm run bench`): haven-live streaming for a long time
 * as it is used. A publisher sends 1280x720 at 30 fps and a tone; readers take JPEG, I420 and RGBA
 * at full size and keep up; one reader stalls (stops reading its socket) for the whole run; and a
 * churning viewer joins and leaves every second, alternately cancelling at once and after its first
 * frame. Samples the server's RSS and heap every 10 s and compares the end with the start; after
 * everyone has left, open streams, renditions and ffmpeg processes must be back where they started.
 * SOAK_MINUTES sets the length (default 10). Writes bench/results/soak.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { childrenOf, machine, machineLine } from './procfs.js';
import type { ServerSample } from './server.js';
import { graphqlRequest, ServerHandle } from './server-handle.js';
import { FrameSubscriber, type VideoFramesVariables } from './subscriber.js';

const ROOM = 'soak-room';
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WARMUP_MS = 20_000;
const SAMPLE_MS = 10_000;
const MB = 1024 * 1024;
const RESULTS = fileURLToPath(new URL('./results/soak.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Point {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  ffmpeg: number;
  media: ServerSample['media'];
}

async function main(): Promise<void> {
  if (!Number.isFinite(MINUTES) || MINUTES <= 0) throw new Error('SOAK_MINUTES must be a positive number');
  // Whatever hangs, the run ends.
  setTimeout(() => {
    log('soak overran its time; exiting');
    process.exit(1);
  }, MINUTES * 60_000 + 180_000).unref();
  const livekit = await startLiveKit();
  const server = await ServerHandle.start({ livekitUrl: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  const subscribers: FrameSubscriber[] = [];
  try {
    const camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: 'camera' });
    await camera.publishVideo({ width: 1280, height: 720, fps: 30 });
    await camera.publishAudio({ frequency: 440 });
    await graphqlRequest(server.url, 'mutation($r: String!) { startSession(input: { roomName: $r }) { id } }', { r: ROOM });
    const point = async (startedAt: number): Promise<Point> => {
      const sample = await server.request<ServerSample>({ cmd: 'sample' });
      return {
        atS: Math.round((Date.now() - startedAt) / 1000),
        rssMb: sample.memory.rss / MB,
        heapUsedMb: sample.memory.heapUsed / MB,
        externalMb: (sample.memory.external + sample.memory.arrayBuffers) / MB,
        ffmpeg: childrenOf(server.pid).filter((child) => child.comm === 'ffmpeg').length,
        media: sample.media,
      };
    };
    const idle = await point(Date.now());
    log(`idle: ${JSON.stringify(idle)}`);

    const open = (variables: Omit<VideoFramesVariables, 'roomName'>) => {
      const subscriber = new FrameSubscriber(server.url, { roomName: ROOM, ...variables }).start();
      subscribers.push(subscriber);
      return subscriber;
    };
    const readers = (['JPEG', 'I420', 'RGBA'] as const).map((format) => open({ options: { format } }));
    const stalled = open({ options: { format: 'RGBA' } });
    await Promise.all([...readers, stalled].map((subscriber) => subscriber.firstFrame));
    stalled.pause();

    // A viewer who comes and goes every second, at different sizes (new renditions each time).
    let churned = 0;
    let churning = true;
    const churn = (async () => {
      let previous: FrameSubscriber | undefined;
      while (churning) {
        const formats = ['JPEG', 'I420', 'RGBA'] as const;
        const next = new FrameSubscriber(server.url, {
          roomName: ROOM,
          options: { format: formats[churned % 3], maxWidth: 160 + 32 * (churned % 10) },
        }).start();
        if (churned % 2 === 0) next.close();
        previous?.close();
        previous = churned % 2 === 0 ? undefined : next;
        churned++;
        await sleep(1_000);
      }
      previous?.close();
    })();

    log(`warming up for ${WARMUP_MS / 1000} s`);
    await sleep(WARMUP_MS);
    const startedAt = Date.now();
    const points: Point[] = [await point(startedAt)];
    const framesAtStart = readers.map((reader) => reader.framesTotal);
    log(`soaking for ${MINUTES} min: ${JSON.stringify(points[0])}`);
    while (Date.now() - startedAt < MINUTES * 60_000) {
      await sleep(SAMPLE_MS);
      const p = await point(startedAt);
      points.push(p);
      if (p.atS % 60 < SAMPLE_MS / 1000) log(`${p.atS} s: RSS ${p.rssMb.toFixed(0)} MB, heap ${p.heapUsedMb.toFixed(0)} MB, ffmpeg ${p.ffmpeg}`);
    }
    const fps = readers.map((reader, i) => (reader.framesTotal - framesAtStart[i]) / (MINUTES * 60));
    churning = false;
    await churn;
    for (const subscriber of subscribers.splice(0)) subscriber.close();
    // Feeds linger a moment after their last user; encoders stop at once.
    await sleep(5_000);
    const after = await point(startedAt);
    const first = points[0];
    const last = points.at(-1)!;
    // Growth from the first to the last minute, on averages (a single sample catches GC at any point).
    const average = (list: Point[], key: 'rssMb' | 'heapUsedMb') => list.reduce((sum, p) => sum + p[key], 0) / list.length;
    const firstMinute = points.filter((p) => p.atS <= 60);
    const lastMinute = points.filter((p) => p.atS >= last.atS - 60);
    const result = {
      minutes: MINUTES,
      machine: machineLine(machine(loadavg())),
      churnedViewers: churned,
      readerFps: { JPEG: fps[0], I420: fps[1], RGBA: fps[2] },
      rssMb: { start: first.rssMb, end: last.rssMb, peak: Math.max(...points.map((p) => p.rssMb)) },
      rssGrowthMb: average(lastMinute, 'rssMb') - average(firstMinute, 'rssMb'),
      heapGrowthMb: average(lastMinute, 'heapUsedMb') - average(firstMinute, 'heapUsedMb'),
      idle: { ffmpeg: idle.ffmpeg, media: idle.media },
      afterEveryoneLeft: { ffmpeg: after.ffmpeg, media: after.media },
      points,
    };
    const leftovers =
      after.ffmpeg !== idle.ffmpeg ||
      after.media.videoSubscribers !== 0 ||
      after.media.videoRenditions !== idle.media.videoRenditions ||
      after.media.openVideoStreams !== idle.media.openVideoStreams;
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(result, null, 2));
    console.log(`\n## Soak: ${MINUTES} min at 1280x720\n`);
    console.log(`${result.machine}\n`);
    console.log('| figure | value |\n| --- | --- |');
    console.log(`| RSS start / end / peak | ${first.rssMb.toFixed(0)} / ${last.rssMb.toFixed(0)} / ${result.rssMb.peak.toFixed(0)} MB |`);
    console.log(`| RSS growth, first to last minute | ${result.rssGrowthMb.toFixed(1)} MB |`);
    console.log(`| heap growth, first to last minute | ${result.heapGrowthMb.toFixed(1)} MB |`);
    console.log(`| reader fps JPEG / I420 / RGBA | ${fps.map((f) => f.toFixed(1)).join(' / ')} |`);
    console.log(`| viewers churned | ${churned} |`);
    console.log(`| ffmpeg idle / after everyone left | ${idle.ffmpeg} / ${after.ffmpeg} |`);
    console.log(`| video streams, renditions, subscribers after everyone left | ${after.media.openVideoStreams}, ${after.media.videoRenditions}, ${after.media.videoSubscribers} |`);
    if (leftovers) {
      console.log('\nLEFTOVERS: the pipeline did not return to idle');
      process.exitCode = 1;
    }
  } finally {
    for (const subscriber of subscribers) subscriber.close();
    await server.stop();
    killAllPublishers();
    await livekit.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
