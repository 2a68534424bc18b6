/**
 * `npm run bench:upload`: uploads to object storage (a real S3-compatible server, versitygw, on
 * this machine) next to a live stream. haven-live (bench/server.ts, its own process) streams a
 * 1280x720 30 fps participant to a videoFrames subscriber and records it; the storage server is
 * frozen when the recording stops, so that its files wait; then, with the stream still running,
 * it is let go, and the time to STORED is measured. A recording of a synthetic picture is small,
 * so throughput and CPU are measured on a file of random bytes as large as an hour of camera
 * (UPLOAD_MB, default 512), uploaded by the same code (multipart, per-part SHA-256, size
 * checked): CPU of the server process above the same stream without an upload, and the stream's
 * 99th percentile wait between frames. Prints a markdown table and writes bench/results/upload.json.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { startS3 } from '../test/harness/s3.js';
import { machine, machineLine, processTicks, ticksPerSecond } from './procfs.js';
import { graphqlRequest, ServerHandle } from './server-handle.js';
import { FrameSubscriber, type ReceivedFrame } from './subscriber.js';

const QUICK = process.env.BENCH_QUICK === '1';
const RECORD_S = QUICK ? 10 : 40;
const BASELINE_S = 5;
const UPLOAD_MB = Number(process.env.UPLOAD_MB ?? (QUICK ? 64 : 512));
/** A HAVEN_UPLOAD_MBPS to compare with no cap. */
const CAP_MBPS = 25;
const RESULTS = fileURLToPath(new URL('./results/upload.json', import.meta.url));
const ROOM = 'upload-room';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench upload ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

type Files = { recordings: { edges: { node: { files: { sizeBytes: number; storage: string }[] } }[] } };

/** The 99th percentile of the waits between two frames the subscriber received, ms (a window's longest grows with its length). */
function longestGapMs(frames: ReceivedFrame[]): number {
  const gaps = frames.slice(1).map((frame, i) => Number(frame.receivedNs - frames[i].receivedNs) / 1e6).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.99))] : 0;
}

async function main(): Promise<void> {
  const livekit = await startLiveKit();
  const s3 = await startS3();
  const server = await ServerHandle.start({
    livekitUrl: livekit.url,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    storage: {
      url: `s3://${s3.bucket}/bench`,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    },
  });
  const subscriber = new FrameSubscriber(server.url, { roomName: ROOM, participantIdentity: 'camera' });
  try {
    const camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: 'camera' });
    await camera.publishVideo({ width: 1280, height: 720, fps: 30 });
    await camera.publishAudio();
    await graphqlRequest(server.url, `mutation { startSession(input: { roomName: "${ROOM}", record: true }) { id } }`);
    subscriber.start();
    await subscriber.firstFrame;
    log(`recording ${RECORD_S} s beside the live stream`);
    await sleep(RECORD_S * 1000);
    s3.freeze();
    await graphqlRequest(server.url, `mutation { stopRecording(roomName: "${ROOM}") { id } }`);
    const read = () => graphqlRequest<Files>(server.url, `{ recordings(roomName: "${ROOM}", first: 5) { edges { node { files { sizeBytes storage } } } } }`);
    const files = (await read()).recordings.edges.flatMap((edge) => edge.node.files);
    const bytes = files.reduce((sum, file) => sum + file.sizeBytes, 0);

    log(`uploading the recording's ${(bytes / 1e6).toFixed(1)} MB in ${files.length} files`);
    let started = performance.now();
    s3.resume();
    for (;;) {
      const now = (await read()).recordings.edges.flatMap((edge) => edge.node.files);
      if (now.every((file) => file.storage === 'STORED')) break;
      if (performance.now() - started > 300_000) throw new Error('the upload did not finish within 5 minutes');
      await sleep(20);
    }
    const recordingUploadS = (performance.now() - started) / 1000;

    const work = mkdtempSync(join(tmpdir(), 'haven-bench-upload-'));
    const big = join(work, 'big.bin');
    const fd = openSync(big, 'w');
    for (let mb = 0; mb < UPLOAD_MB; mb++) writeSync(fd, randomBytes(1024 * 1024));
    closeSync(fd);
    const bigBytes = UPLOAD_MB * 1024 * 1024;

    log(`baseline: the live stream alone, ${BASELINE_S} s`);
    subscriber.startWindow();
    let before = processTicks(server.pid)!;
    await sleep(BASELINE_S * 1000);
    const baselineCores = (processTicks(server.pid)! - before) / ticksPerSecond() / BASELINE_S;
    const baselineGapMs = longestGapMs(subscriber.endWindow());

    /** One upload of the large file at a rate (0: unlimited): its time, server CPU above the stream, and the stream's longest frame gap. */
    const measure = async (megabytesPerSec: number, key: string) => {
      log(`uploading ${UPLOAD_MB} MiB beside the live stream at ${megabytesPerSec || 'unlimited'} MB/s`);
      subscriber.startWindow();
      const ticks = processTicks(server.pid)!;
      const begun = performance.now();
      await server.request({ cmd: 'upload', args: { path: big, key, megabytesPerSec } }, 600_000);
      const seconds = (performance.now() - begun) / 1000;
      const cpuS = (processTicks(server.pid)! - ticks) / ticksPerSecond() - baselineCores * seconds;
      return {
        megabytesPerSec: megabytesPerSec || null,
        uploadSec: round(seconds, 3),
        throughputMBps: round(bigBytes / 1e6 / seconds),
        uploadCores: round(cpuS / seconds),
        cpuSecondsPerGB: round((cpuS / bigBytes) * 1e9),
        longestFrameGapMs: round(longestGapMs(subscriber.endWindow())),
      };
    };
    const unlimited = await measure(0, 'bench/big-unlimited.bin');
    const capped = await measure(CAP_MBPS, 'bench/big-capped.bin');
    rmSync(work, { recursive: true, force: true });
    const result = {
      date: new Date().toISOString(),
      machine: machine([]),
      recordedSec: RECORD_S,
      files: files.length,
      megabytes: round(bytes / 1e6),
      recordingToStoredSec: round(recordingUploadS, 3),
      largeFileMB: round(bigBytes / 1e6),
      streamCores: round(baselineCores),
      streamAloneLongestFrameGapMs: round(baselineGapMs),
      unlimited,
      capped,
    };
    const row = (name: string, r: typeof unlimited) =>
      `| ${name} | ${r.uploadSec} s: ${r.throughputMBps} MB/s | ${r.uploadCores} core (${r.cpuSecondsPerGB} CPU-s per GB) | ${r.longestFrameGapMs} ms |`;
    const table = [
      `A ${RECORD_S} s 1280x720 recording (${result.megabytes} MB in ${result.files} files) went from stopped to STORED, checked, local copies removed, in ${result.recordingToStoredSec} s.`,
      '',
      `| ${result.largeFileMB} MB file (multipart, per-part SHA-256, size checked) | time | server CPU above the live stream | p99 wait between two live frames |`,
      '|---|---|---|---|',
      `| live stream alone (${result.streamCores} core) | | | ${result.streamAloneLongestFrameGapMs} ms |`,
      row('no cap (the default)', unlimited),
      row(`HAVEN_UPLOAD_MBPS=${CAP_MBPS}`, capped),
    ].join('\n');
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\n### Upload to object storage\n\n${machineLine(machine([]))}\n\n${table}\n\nJSON: bench/results/upload.json\n`);
  } finally {
    subscriber.close();
    s3.resume();
    await server.stop().catch(() => undefined);
    killAllPublishers();
    await s3.stop();
    await livekit.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAllPublishers();
    process.exit(1);
  },
);
