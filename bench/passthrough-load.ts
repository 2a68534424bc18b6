/**
 * `npm run bench:passthrough`: many participants recorded at once in PASSTHROUGH on this machine.
 * PASSTHROUGH_PARTICIPANTS publishers (default 12; camera 320x180 at 15 fps and a microphone
 * each, the most this 2-core machine publishes beside everything else) join one room, which is
 * recorded for PASSTHROUGH_SECONDS (default 30). Counts the frames of every video file (ffprobe)
 * against the frames the media tap received of the track and those the publisher captured in the
 * window, checks nothing was lost, and samples haven-live's event-loop delay. Writes
 * bench/results/passthrough-load.json; exits non-zero when a check fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffprobePath } from '../src/ffmpeg.js';
import { startLiveKit } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from '../test/harness/publisher-client.js';
import { ChildCpuTracker, machine, machineLine, processTicks, ticksPerSecond } from './procfs.js';
import type { ServerSample } from './server.js';
import { graphqlRequest, ServerHandle } from './server-handle.js';

const PARTICIPANTS = Number(process.env.PASSTHROUGH_PARTICIPANTS ?? 12);
const SECONDS = Number(process.env.PASSTHROUGH_SECONDS ?? 30);
const FPS = 15;
const ROOM = 'passthrough-load';
const RESULTS = fileURLToPath(new URL('./results/passthrough-load.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench passthrough ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

type Stopped = { stopRecording: { participantIdentity: string; mode: string; state: string; files: { kind: string; path: string }[] }[] };

function videoFrames(path: string): number {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', path], {
    encoding: 'utf8',
  });
  return Number(out.trim());
}

async function capturedFrames(publisher: Publisher): Promise<number> {
  const status = await publisher.status();
  return status.tracks.filter((track) => track.kind === 'video').reduce((sum, track) => sum + track.framesCaptured, 0);
}

async function main(): Promise<void> {
  if (!Number.isInteger(PARTICIPANTS) || PARTICIPANTS < 1) throw new Error('PASSTHROUGH_PARTICIPANTS must be a positive whole number');
  setTimeout(() => {
    log('hard time limit reached');
    process.exit(1);
  }, (SECONDS + 240) * 1000).unref();
  const livekit = await startLiveKit();
  const server = await ServerHandle.start({ livekitUrl: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  const failures: string[] = [];
  const json: Record<string, unknown> = { date: new Date().toISOString(), machine: machine([]), participants: PARTICIPANTS, seconds: SECONDS, fps: FPS };
  try {
    log(`${PARTICIPANTS} publishers joining`);
    const publishers = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => {
        const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: `p${String(i + 1).padStart(2, '0')}` });
        await publisher.publishVideo({ width: 320, height: 180, fps: FPS, codec: 'vp8' });
        await publisher.publishAudio();
        return publisher;
      }),
    );
    await sleep(3_000);
    const capturedBefore = await Promise.all(publishers.map(capturedFrames));
    await graphqlRequest(server.url, `mutation { startSession(input: { roomName: "${ROOM}", record: true, recordingMode: PASSTHROUGH }) { id } }`);
    await server.request({ cmd: 'reset' });
    const children = new ChildCpuTracker(server.pid);
    children.start();
    const cpuBefore = processTicks(server.pid)!;
    log(`recording ${SECONDS} s`);
    await sleep(SECONDS * 1000);
    const sample = await server.request<ServerSample>({ cmd: 'sample' });
    const serverCpu = (processTicks(server.pid)! - cpuBefore) / ticksPerSecond();
    const tapCpu = children.stop().ticks / ticksPerSecond();
    const capturedAfter = await Promise.all(publishers.map(capturedFrames));
    const stopped = await graphqlRequest<Stopped>(server.url, `mutation { stopRecording(roomName: "${ROOM}") { participantIdentity mode state files { kind path } } }`);
    const perParticipant = stopped.stopRecording.map((recording) => {
      const video = recording.files.find((file) => file.kind === 'VIDEO');
      const index = Number(recording.participantIdentity.slice(1)) - 1;
      const captured = capturedAfter[index] - capturedBefore[index];
      const manifest = video ? (JSON.parse(readFileSync(join(video.path, '..', 'manifest.json'), 'utf8')) as { tracks: { kind: string; tap?: Record<string, number> }[] }) : undefined;
      const tap = manifest?.tracks.find((track) => track.kind === 'VIDEO')?.tap ?? {};
      const inFile = video ? videoFrames(video.path) : 0;
      return {
        identity: recording.participantIdentity,
        state: recording.state,
        mode: recording.mode,
        inFile,
        captured,
        framesReceived: tap.framesReceived ?? 0,
        framesWritten: tap.framesWritten ?? 0,
        keyframes: tap.keyframes ?? 0,
        lost: tap.lost ?? 0,
      };
    });
    for (const row of perParticipant) {
      if (row.state !== 'COMPLETE' || row.mode !== 'PASSTHROUGH') failures.push(`${row.identity}: ${row.mode} recording ended ${row.state}`);
      // Every frame that reached the tap from its first keyframe on is in the file.
      if (row.inFile !== row.framesWritten) failures.push(`${row.identity}: ${row.inFile} frames in the file, the tap wrote ${row.framesWritten}`);
      if (row.framesReceived - row.framesWritten > FPS) failures.push(`${row.identity}: ${row.framesReceived} frames came, ${row.framesWritten} written`);
      if (row.lost > 0) failures.push(`${row.identity}: ${row.lost} packets lost`);
    }
    if (perParticipant.length !== PARTICIPANTS) failures.push(`${perParticipant.length} recordings for ${PARTICIPANTS} participants`);
    if (sample.eventLoopDelay.p99 > 20) failures.push(`event-loop delay p99 ${sample.eventLoopDelay.p99} ms`);
    const inFiles = perParticipant.reduce((sum, row) => sum + row.inFile, 0);
    const captured = perParticipant.reduce((sum, row) => sum + row.captured, 0);
    json.perParticipant = perParticipant;
    json.summary = {
      framesInFiles: inFiles,
      framesCapturedInWindow: captured,
      inFilesPerCaptured: inFiles / captured,
      lost: perParticipant.reduce((sum, row) => sum + (row.lost ?? 0), 0),
      eventLoopDelay: sample.eventLoopDelay,
      cores: { server: serverCpu / SECONDS, tap: tapCpu / SECONDS },
    };
    process.stdout.write(
      `\n### PASSTHROUGH, ${PARTICIPANTS} participants at once\n\n${machineLine(machine([]))}\n\n` +
        `${inFiles} frames in the files for ${captured} captured by the publishers in the ${SECONDS} s window (${((inFiles / captured) * 100).toFixed(1)} %; ` +
        `the window and each file's first keyframe do not line up exactly), every frame the tap received from its first keyframe written, ` +
        `${(json.summary as { lost: number }).lost} packets lost; event-loop delay p99 ${sample.eventLoopDelay.p99} ms (goal ≤ 20 ms); ` +
        `haven-live ${(serverCpu / SECONDS).toFixed(3)} core, the tap ${(tapCpu / SECONDS).toFixed(3)} core.\n\nJSON: bench/results/passthrough-load.json\n`,
    );
  } finally {
    await server.stop();
    killAllPublishers();
    await livekit.stop();
  }
  json.failures = failures;
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  if (failures.length > 0) {
    log(`FAILED:\n${failures.join('\n')}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error) => {
  log(String(error?.stack ?? error));
  process.exit(1);
});
