/**
 * `npm run bench:auto`: how long from a participant's join to the first frame recorded of it in a
 * room that a watch rule records, with nobody calling haven-live: through LiveKit's webhooks, and
 * through reconciliation alone (a livekit-server with no webhook, haven-live listing its rooms
 * every HAVEN_RECONCILE_SEC, 10 s by default). Each trial is a new room; the first recorded frame
 * is the recording's wall-clock start plus its first track's firstMediaSec (manifest.json).
 * Prints a markdown table and writes bench/results/auto-start.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp, type App } from '../src/app.js';
import { startLiveKit, type LiveKitServer } from '../test/harness/livekit.js';
import { freeTcpPort } from '../test/harness/ports.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { setRtcNodeLogLevel } from '../src/rtc-node-log.js';
import { machine, machineLine } from './procfs.js';
import { graphqlRequest } from './server-handle.js';

const TRIALS = process.env.BENCH_QUICK === '1' ? 2 : 6;
const RECONCILE_SEC = 10;
const RESULTS = fileURLToPath(new URL('./results/auto-start.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench auto-start ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Trial {
  /** The publisher connected (its join) to its recording RECORDING, and to its first recorded frame, ms. */
  recordingMs: number;
  firstFrameMs: number;
}

type RecordingState = { state: string; startedAt: string; files: { path: string }[] };

async function trial(app: App, livekit: LiveKitServer, room: string): Promise<Trial> {
  const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'joiner' });
  const joinedAt = Date.now();
  await Promise.all([pub.publishVideo({ width: 640, height: 360, fps: 30 }), pub.publishAudio()]);
  const read = async () =>
    (await graphqlRequest<{ session: { recordings: RecordingState[] } | null }>(app.url, `query($r: String!) { session(roomName: $r) { recordings { state startedAt files { path } } } }`, { r: room })).session;
  let recordingMs: number | undefined;
  for (;;) {
    const session = await read();
    if (session?.recordings.some((r) => r.state === 'RECORDING')) {
      recordingMs = Date.now() - joinedAt;
      break;
    }
    if (Date.now() - joinedAt > 60_000) throw new Error(`${room} not recorded within 60 s`);
    await sleep(25);
  }
  await sleep(2_000);
  await graphqlRequest(app.url, `mutation($r: String!) { stopSession(roomName: $r) { id } }`, { r: room });
  let recording: RecordingState | undefined;
  for (let i = 0; i < 200 && !recording; i++) {
    recording = (await read())?.recordings.find((r) => r.state === 'COMPLETE' && r.files.length > 0);
    if (!recording) await sleep(100);
  }
  if (!recording) throw new Error(`${room}: the recording did not complete`);
  const manifest = JSON.parse(readFileSync(join(dirname(recording.files[0].path), 'manifest.json'), 'utf8')) as { startedAt: string; tracks: { firstMediaSec: number | null }[] };
  const first = Math.min(...manifest.tracks.map((track) => track.firstMediaSec ?? Number.POSITIVE_INFINITY));
  await pub.disconnect();
  return { recordingMs, firstFrameMs: Date.parse(manifest.startedAt) + first * 1000 - joinedAt };
}

async function path(name: string, webhooks: boolean): Promise<Trial[]> {
  const port = await freeTcpPort();
  const livekit = await startLiveKit(webhooks ? { webhookUrls: [`http://127.0.0.1:${port}/livekit/webhook`] } : {});
  const dir = mkdtempSync(join(tmpdir(), 'haven-bench-auto-'));
  const app = buildApp({
    logger: pino({ level: 'silent' }),
    databasePath: join(dir, 'haven.db'),
    recordings: { minFreeMb: 1 },
    reconciler: { intervalSec: RECONCILE_SEC },
    environmentConfig: { recordingDirectory: join(dir, 'recordings'), livekitUrl: livekit.url, livekitApiKey: livekit.apiKey, livekitApiSecret: livekit.apiSecret },
  });
  await app.start(port);
  const trials: Trial[] = [];
  try {
    await graphqlRequest(app.url, `mutation { createWatchRule(input: { roomPattern: "auto-*", record: true }) { id } }`);
    for (let i = 0; i < TRIALS; i++) {
      const result = await trial(app, livekit, `auto-${name}-${i}`);
      log(`${name} trial ${i + 1}/${TRIALS}: recording in ${result.recordingMs} ms, first frame recorded ${result.firstFrameMs} ms after the join`);
      trials.push(result);
      // Trials start at different points of the reconcile interval.
      await sleep(1_000 + Math.random() * 3_000);
    }
  } finally {
    await app.stop();
    killAllPublishers();
    await livekit.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return trials;
}

function stats(values: number[]): { median: number; max: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1)!, min: sorted[0] };
}

async function main(): Promise<void> {
  setRtcNodeLogLevel('warn');
  const webhook = await path('webhook', true);
  const reconcile = await path('reconcile', false);
  const row = (name: string, trials: Trial[], goal: string) => {
    const recording = stats(trials.map((t) => t.recordingMs));
    const frame = stats(trials.map((t) => t.firstFrameMs));
    return `| ${name} | ${trials.length} | ${recording.median} (${recording.min}–${recording.max}) | ${frame.median} (${frame.min}–${frame.max}) | ${goal} |`;
  };
  const table = [
    '| path | trials | join to recording RECORDING, ms: median (min–max) | join to first recorded frame, ms: median (min–max) | goal |',
    '|---|---|---|---|---|',
    row('webhooks', webhook, 'recording within 3 s'),
    row(`reconciliation every ${RECONCILE_SEC} s, no webhook`, reconcile, `within ${RECONCILE_SEC} s + 3 s`),
  ].join('\n');
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), machine: machine([]), reconcileSec: RECONCILE_SEC, webhook, reconcile }, null, 2)}\n`);
  process.stdout.write(`\n### Join to first recorded frame\n\n${machineLine(machine([]))}\n\n${table}\n\nJSON: bench/results/auto-start.json\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAllPublishers();
    process.exit(1);
  },
);
