/**
 * Recording benchmark: CPU of recording one 720p30 participant against ffmpeg alone encoding the
 * same raw frames with the same settings, and event-loop delay while recording; then the same
 * participant (camera and microphone) recorded in PASSTHROUGH (the media tap) and in TRANSCODE,
 * each above the idle session, in one run. A/V sync is measured by bench/sync.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegPath, RECORDING_FPS } from '../src/ffmpeg.js';
import { startLiveKit } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { ChildCpuTracker, machine, machineLine, processTicks, reapedChildrenTicks, ticksPerSecond } from './procfs.js';
import type { CaptureResult, ServerSample } from './server.js';
import { graphqlRequest, ServerHandle } from './server-handle.js';

const SCALE = process.env.BENCH_QUICK === '1' ? 0.25 : 1;
const seconds = (s: number) => Math.max(3, Math.round(s * SCALE));
const VIDEO = { width: 1280, height: 720, fps: 30 };
const WINDOW_S = seconds(20);
const CAPTURE_FRAMES = 150;
const RESULTS = fileURLToPath(new URL('./results/recording.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench recording ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** CPU seconds of the server process and of its ffmpeg children over a window. */
async function cpuOver(server: ServerHandle, windowS: number): Promise<{ server: number; children: number }> {
  const children = new ChildCpuTracker(server.pid);
  children.start();
  const before = processTicks(server.pid)!;
  await sleep(windowS * 1000);
  const after = processTicks(server.pid)!;
  const childTicks = children.stop().ticks;
  return { server: (after - before) / ticksPerSecond(), children: childTicks / ticksPerSecond() };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'haven-bench-recording-'));
  const livekit = await startLiveKit();
  const server = await ServerHandle.start({ livekitUrl: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  const rows: { metric: string; value: string; goal: string; met: boolean | null }[] = [];
  const json: Record<string, unknown> = { date: new Date().toISOString(), machine: machine([]) };
  try {
    const camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: 'rec', identity: 'camera' });
    await camera.publishVideo(VIDEO);
    await camera.publishAudio();
    await graphqlRequest(server.url, 'mutation { startSession(input: { roomName: "rec" }) { id } }');
    await sleep(3_000);
    log(`idle session ${WINDOW_S} s`);
    const idle = await cpuOver(server, WINDOW_S);
    log('capturing raw frames for ffmpeg alone');
    const rawFile = join(work, 'frames.yuv');
    const capture = await server.request<CaptureResult>({ cmd: 'capture', args: { roomName: 'rec', participantIdentity: 'camera', path: rawFile, count: CAPTURE_FRAMES } }, 60_000);

    // Baseline: the track decoded with nobody using it, so that the difference is the recording.
    await server.request({ cmd: 'hold', args: { roomName: 'rec', participantIdentity: 'camera' } });
    await sleep(3_000);
    log(`baseline ${WINDOW_S} s`);
    const baseline = await cpuOver(server, WINDOW_S);
    await graphqlRequest(server.url, 'mutation { startRecording(roomName: "rec", mode: TRANSCODE) { id } }');
    await sleep(3_000);
    await server.request({ cmd: 'reset' });
    log(`recording ${WINDOW_S} s`);
    const recording = await cpuOver(server, WINDOW_S);
    const sample = await server.request<ServerSample>({ cmd: 'sample' });
    await graphqlRequest(server.url, 'mutation { stopRecording(roomName: "rec") { id } }');
    await server.request({ cmd: 'release' });

    // PASSTHROUGH: the media tap writes the packets; nothing is decoded for the recording.
    await sleep(5_000);
    await server.request({ cmd: 'reset' });
    await graphqlRequest(server.url, 'mutation { startRecording(roomName: "rec", mode: PASSTHROUGH) { id } }');
    await sleep(3_000);
    log(`passthrough recording ${WINDOW_S} s`);
    const passthrough = await cpuOver(server, WINDOW_S);
    const passthroughSample = await server.request<ServerSample>({ cmd: 'sample' });
    const stopped = await graphqlRequest<{ stopRecording: { mode: string; state: string; files: { kind: string; codec: string; durationSec: number }[] }[] }>(
      server.url,
      'mutation { stopRecording(roomName: "rec") { mode state files { kind codec durationSec } } }',
    );
    const passthroughRecording = stopped.stopRecording.find((r) => r.mode === 'PASSTHROUGH');
    if (passthroughRecording?.state !== 'COMPLETE') throw new Error(`the passthrough recording ended ${JSON.stringify(passthroughRecording)}`);
    const core = (window: { server: number; children: number }) => (window.server + window.children - idle.server - idle.children) / WINDOW_S;
    const transcodeCore = core(recording);
    const passthroughCore = core(passthrough);
    rows.push(
      { metric: `CPU of recording one ${VIDEO.width}x${VIDEO.height} ${VIDEO.fps} fps participant with audio in TRANSCODE (server + ffmpeg, decoding included, above the idle session)`, value: `${round(transcodeCore, 3)} core`, goal: '', met: null },
      { metric: 'the same in PASSTHROUGH (server + media tap, above the idle session)', value: `${round(passthroughCore, 3)} core`, goal: '≤ 0.05 core', met: passthroughCore <= 0.05 },
      { metric: 'PASSTHROUGH / TRANSCODE', value: String(round(passthroughCore / transcodeCore, 3)), goal: '≤ 0.125', met: passthroughCore / transcodeCore <= 0.125 },
      { metric: 'event-loop delay p99 while recording in PASSTHROUGH', value: `${passthroughSample.eventLoopDelay.p99} ms`, goal: '≤ 20 ms', met: passthroughSample.eventLoopDelay.p99 <= 20 },
    );
    json.modes = { idle, transcode: recording, passthrough, transcodeCore, passthroughCore, files: passthroughRecording.files };
    const frames = WINDOW_S * RECORDING_FPS;
    const recordingMsPerFrame = ((recording.server + recording.children - baseline.server - baseline.children) * 1000) / frames;

    log('ffmpeg alone on the same frames');
    const loops = 4;
    const before = reapedChildrenTicks();
    const alone = spawnSync(ffmpegPath(), [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-stream_loop', String(loops - 1),
      '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${capture.width}x${capture.height}`, '-r', String(RECORDING_FPS), '-i', rawFile,
      '-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', String(RECORDING_FPS * 2),
      '-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', join(work, 'alone.mp4'),
    ]);
    if (alone.status !== 0) throw new Error(`ffmpeg alone failed: ${alone.stderr}`);
    const aloneMsPerFrame = (((reapedChildrenTicks() - before) / ticksPerSecond()) * 1000) / (capture.frames * loops);
    const ratio = recordingMsPerFrame / aloneMsPerFrame;
    rows.push(
      { metric: `CPU per frame of recording one ${capture.width}x${capture.height} participant (server + ffmpeg, above the decoded-track baseline)`, value: `${round(recordingMsPerFrame)} ms`, goal: '', met: null },
      { metric: 'CPU per frame of ffmpeg alone, same frames and settings (libx264 veryfast, fragmented MP4)', value: `${round(aloneMsPerFrame)} ms`, goal: '', met: null },
      { metric: 'ratio recording / ffmpeg alone', value: String(round(ratio)), goal: '≤ 1.15', met: ratio <= 1.15 },
      { metric: 'event-loop delay p99 while recording', value: `${sample.eventLoopDelay.p99} ms`, goal: '≤ 20 ms', met: sample.eventLoopDelay.p99 <= 20 },
    );
    json.cpu = { baseline, recording, frames, recordingMsPerFrame, aloneMsPerFrame, ratio, eventLoopDelay: sample.eventLoopDelay };

  } finally {
    await server.stop();
    killAllPublishers();
    await livekit.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const table = [
    '| metric | value | goal | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.metric} | ${row.value} | ${row.goal} | ${row.met === null ? '' : row.met ? 'yes' : 'no'} |`),
  ].join('\n');
  json.metrics = rows;
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\n### Recording\n\n${machineLine(machine([]))}\n\n${table}\n\nJSON: bench/results/recording.json\n`);
}

const hardLimit = setTimeout(() => {
  log('hard time limit reached');
  process.exit(1);
}, 300_000);
main()
  .then(() => {
    clearTimeout(hardLimit);
    process.exit(0);
  })
  .catch((error) => {
    log(String(error?.stack ?? error));
    process.exit(1);
  });
