import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { query, request, subscribe, wsClient } from './harness/graphql.js';
import { reassemble } from './harness/frames.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { decodes, ffprobe, packetsOf } from './harness/media-probe.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { ip, resetOwnConnections } from './harness/processes.js';
import { startServerProcess } from './harness/server-process.js';
import { tapBin, tapPids } from './harness/tap.js';
import { FrameChunks } from './harness/operations.js';
import { ffmpegPath, ffprobePath } from '../src/ffmpeg.js';
import { processTicks, ticksPerSecond } from '../bench/procfs.js';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const PassthroughConfig = graphql(`
  query PassthroughConfig {
    config {
      recordingMode
      passthroughAvailable
      passthroughUnavailableReason
    }
  }
`);

const PassthroughFields = graphql(`
  fragment PassthroughFields on Recording {
    id
    mode
    state
    stopReason
    error
    pauses {
      start
      end
    }
    gaps {
      kind
      start
      end
      reason
    }
    files {
      kind
      path
      downloadPath
      sizeBytes
      codec
      durationSec
      width
      height
    }
  }
`);

const StartPassthrough = graphql(`
  mutation StartPassthrough($roomName: String!, $mode: RecordingMode) {
    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {
      id
      recordings {
        ...PassthroughFields
      }
    }
  }
`);

const RecordRoom = graphql(`
  mutation RecordRoom($roomName: String!, $mode: RecordingMode) {
    startRecording(roomName: $roomName, mode: $mode) {
      ...PassthroughFields
    }
  }
`);

const PausePassthrough = graphql(`
  mutation PausePassthrough($roomName: String!) {
    pauseRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

const ResumePassthrough = graphql(`
  mutation ResumePassthrough($roomName: String!) {
    resumeRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

const StopPassthrough = graphql(`
  mutation StopPassthrough($roomName: String!) {
    stopRecording(roomName: $roomName) {
      ...PassthroughFields
    }
  }
`);

const PassthroughSession = graphql(`
  query PassthroughSession($roomName: String!) {
    session(roomName: $roomName) {
      id
      recordings {
        ...PassthroughFields
      }
    }
  }
`);

const PassthroughCatalog = graphql(`
  query PassthroughCatalog($roomName: String) {
    recordings(roomName: $roomName, first: 10) {
      edges {
        node {
          participantIdentity
          ...PassthroughFields
        }
      }
    }
  }
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PASSTHROUGH recording through the media tap, against real LiveKit, publishers and ffmpeg', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let publisher: Publisher;
  let bin: string;
  const room = 'passthrough-room';

  beforeAll(async () => {
    bin = tapBin(); // builds tap/ once (Go), or fails here saying how to get it
    livekit = await startLiveKit();
    app = await startApp({ livekit });
    publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'passthrough-person' });
    await publisher.publishVideo({ width: 640, height: 360, fps: 30, codec: 'vp8' });
    await publisher.publishAudio();
  });

  afterAll(async () => {
    killAllPublishers();
    await app?.close();
    await livekit?.stop();
  });

  it('says that PASSTHROUGH can be used, and is the default', async () => {
    const { config } = await query(app.url, PassthroughConfig, {});
    expect(config).toEqual({ recordingMode: 'PASSTHROUGH', passthroughAvailable: true, passthroughUnavailableReason: null });
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { checks: { passthrough: { ok: boolean; available: boolean } } };
    expect(health.checks.passthrough).toMatchObject({ ok: true, available: true });
  });

  it('records a VP8 camera and its microphone as sent: WebM files with the pause left out, combined by copying, and the tap gone after', async () => {
    const started = await query(app.url, StartPassthrough, { roomName: room, mode: 'PASSTHROUGH' });
    expect(started.startSession.recordings).toHaveLength(1);
    expect(started.startSession.recordings[0]).toMatchObject({ mode: 'PASSTHROUGH', state: 'RECORDING' });
    const startedAt = Date.now();
    await sleep(1_000);
    const [pid] = tapPids(bin);
    expect(pid).toBeGreaterThan(0);
    const cpuFrom = processTicks(pid)! / ticksPerSecond();
    const cpuFromAt = Date.now();
    await sleep(4_000);
    const cpuShare = (processTicks(pid)! / ticksPerSecond() - cpuFrom) / ((Date.now() - cpuFromAt) / 1000);

    const pausedAt = Date.now();
    const paused = await query(app.url, PausePassthrough, { roomName: room });
    expect(paused.pauseRecording.map((r) => r.state)).toEqual(['PAUSED']);
    await sleep(3_000);
    const resumedAt = Date.now();
    await query(app.url, ResumePassthrough, { roomName: room });
    await sleep(4_000);
    const stoppedAt = Date.now();
    const { stopRecording } = await query(app.url, StopPassthrough, { roomName: room });
    const recording = stopRecording[0];
    expect(recording).toMatchObject({ mode: 'PASSTHROUGH', state: 'COMPLETE', stopReason: 'STOPPED', error: null });
    expect(recording.pauses).toHaveLength(1);
    const recordedSec = (stoppedAt - startedAt - (resumedAt - pausedAt)) / 1000;

    const byKind = Object.fromEntries(recording.files.map((file) => [file.kind, { ...file, name: basename(file.path) }]));
    expect(byKind.VIDEO).toMatchObject({ name: 'video.webm', codec: 'vp8', width: 640, height: 360 });
    expect(byKind.AUDIO).toMatchObject({ name: 'audio.webm', codec: 'opus' });
    expect(byKind.COMBINED).toMatchObject({ name: 'combined.webm', codec: 'vp8' });
    for (const file of recording.files) {
      decodes(file.path);
      // The first packet's arrival and the first keyframe start the files: a few hundred ms at most in.
      expect(file.durationSec!).toBeGreaterThan(recordedSec - 1.2);
      expect(file.durationSec!).toBeLessThan(recordedSec + 0.5);
    }
    // Every frame kept: 30 fps over what was recorded (less the first keyframe's wait and a resume's).
    const video = ffprobe(byKind.VIDEO.path);
    expect(Number(video.streams[0].nb_read_packets)).toBeGreaterThanOrEqual(0.85 * 30 * (recordedSec - 1.2));
    const videoPackets = packetsOf(byKind.VIDEO.path);
    expect(videoPackets[0].key).toBe(true);
    const largestStep = Math.max(...videoPackets.slice(1).map((p, i) => p.time - videoPackets[i].time));
    expect(largestStep).toBeLessThan(0.5); // the pause is not a hole in the file
    // Downloads, whole and by Range (what a <video> element asks for), as WebM.
    for (const file of recording.files) {
      const whole = await fetch(`${app.url}${file.downloadPath}`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toMatch(/^(audio|video)\/webm/);
      expect((await whole.arrayBuffer()).byteLength).toBe(file.sizeBytes);
      const part = await fetch(`${app.url}${file.downloadPath}`, { headers: { range: 'bytes=0-1023' } });
      expect(part.status).toBe(206);
      expect((await part.arrayBuffer()).byteLength).toBe(1024);
    }
    const combined = ffprobe(byKind.COMBINED.path);
    expect(combined.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    // The tap's own files were remuxed and removed; what is left is what the catalog lists and the manifest.
    const directory = join(byKind.VIDEO.path, '..');
    expect(readdirSync(directory).sort()).toEqual(['audio.webm', 'combined.webm', 'manifest.json', 'video.webm']);
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as {
      mode: string;
      tracks: { kind: string; file: string | null; codec: string | null; fileStartSec: number }[];
    };
    expect(manifest.mode).toBe('PASSTHROUGH');
    expect(manifest.tracks.map((t) => [t.kind, t.file]).sort()).toEqual([
      ['AUDIO', 'audio.webm'],
      ['VIDEO', 'video.webm'],
    ]);
    // A pause is no gap, and nothing else stopped.
    expect(recording.gaps).toEqual([]);

    // The session goes on unrecorded: the room's tap has left.
    await expect.poll(() => tapPids(bin), { timeout: 10_000 }).toEqual([]);
    console.log(`passthrough: ${recordedSec.toFixed(1)} s recorded, ${video.streams[0].nb_read_packets} frames, tap CPU ${(cpuShare * 100).toFixed(1)}% of a core`);
    // Copying packets costs a fraction of what decoding and encoding does (0.5 core and more).
    expect(cpuShare).toBeLessThan(0.15);
  }, 90_000);

  it('stays in the mode it was started in, and an unknown mode is refused by the schema', async () => {
    const again = await query(app.url, RecordRoom, { roomName: room, mode: 'PASSTHROUGH' });
    // The session's recordings: the one before, complete, and a new one.
    const running = again.startRecording.filter((r) => r.state === 'RECORDING');
    expect(running.map((r) => r.mode)).toEqual(['PASSTHROUGH']);
    await sleep(2_000);
    const { stopRecording } = await query(app.url, StopPassthrough, { roomName: room });
    expect(stopRecording.find((r) => r.id === running[0].id)).toMatchObject({ state: 'COMPLETE' });
    const bad = await request(app.url, RecordRoom, { roomName: room, mode: 'RAW' as never });
    expect(bad.errors?.[0].message).toMatch(/RecordingMode/);
    const { session } = await query(app.url, PassthroughSession, { roomName: room });
    expect(session!.recordings.every((r) => r.mode === 'PASSTHROUGH')).toBe(true);
  }, 60_000);
  it('makes no file for a camera that never sent a frame (a whole-window gap beside the audio), and EMPTY when it was all', async () => {
    const roomName = 'passthrough-dead-camera';
    const blank = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'blank' });
    await blank.publishVideo({ width: 320, height: 180, fps: 15, noFrames: true });
    const voice = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'voice' });
    const voiceCamera = await voice.publishVideo({ width: 320, height: 180, fps: 15, noFrames: true });
    await voice.publishAudio();
    await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    await sleep(6_000);
    const recordings = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    const of = (identity: string) => recordings.find((r) => r.files.length > 0 === (identity === 'voice'))!;
    const described = JSON.stringify(recordings.map((r) => [r.state, r.files.map((f) => basename(f.path)), r.gaps]));
    expect(recordings.map((r) => r.state).sort(), described).toEqual(['COMPLETE', 'EMPTY']);
    expect(of('voice').files.map((f) => basename(f.path)).sort(), described).toEqual(['audio.webm', 'combined.webm']);
    const gap = of('voice').gaps.find((g) => g.reason === 'NO_MEDIA' && g.kind === 'VIDEO');
    expect(gap, described).toBeDefined();
    expect(gap!.start, described).toBeLessThan(0.5);
    expect(gap!.end, described).toBeGreaterThan(5);
    expect(voiceCamera).toBeTruthy();
    await blank.disconnect();
    await voice.disconnect();
  }, 60_000);

  it('lists a 5 s mute of both tracks as MUTED gaps at the right times, the files keeping wall time', async () => {
    const roomName = 'passthrough-mute';
    const shy = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'shy' });
    const camera = await shy.publishVideo({ width: 320, height: 180, fps: 30, codec: 'vp8' });
    const microphone = await shy.publishAudio({ channels: 1 });
    await sleep(1_000);
    const started = await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    const startedAt = Date.now();
    expect(started.startSession.recordings).toHaveLength(1);
    await sleep(3_000);
    await Promise.all([shy.mute(camera), shy.mute(microphone)]);
    const mutedAt = (Date.now() - startedAt) / 1000;
    await sleep(5_000);
    await Promise.all([shy.unmute(camera), shy.unmute(microphone)]);
    const unmutedAt = (Date.now() - startedAt) / 1000;
    await sleep(3_000);
    const stoppedAt = (Date.now() - startedAt) / 1000;
    const [recording] = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    const described = JSON.stringify({ mutedAt, unmutedAt, stoppedAt, gaps: recording.gaps, files: recording.files.map((f) => [f.kind, f.durationSec]) });
    for (const kind of ['VIDEO', 'AUDIO'] as const) {
      const muted = recording.gaps.filter((gap) => gap.kind === kind && gap.reason === 'MUTED');
      expect(muted, described).toHaveLength(1);
      expect(Math.abs(muted[0].start - mutedAt), described).toBeLessThanOrEqual(0.5);
      expect(Math.abs(muted[0].end - unmutedAt), described).toBeLessThanOrEqual(0.8);
    }
    // Wall time is kept across the mute: the files last the window (less the first keyframe's wait).
    for (const file of recording.files) expect(Math.abs(file.durationSec! - stoppedAt), described).toBeLessThan(1);
    await shy.disconnect();
  }, 60_000);

  it.each(['vp8', 'h264'] as const)('goes on in a new part when the tap is SIGKILLed and when the camera is published again (%s): one file per track, the spans listed as gaps', async (codec) => {
    const roomName = `passthrough-faults-${codec}`;
    const ext = codec === 'vp8' ? 'webm' : 'mp4';
    const steady = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'steady' });
    const firstCamera = await steady.publishVideo({ width: 320, height: 180, fps: 30, codec });
    await steady.publishAudio({ channels: 1 });
    await sleep(1_000);
    await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    const startedAt = Date.now();
    const at = () => (Date.now() - startedAt) / 1000;
    await sleep(4_000);
    const taps = tapPids(bin);
    expect(taps).toHaveLength(1);
    process.kill(taps[0], 'SIGKILL');
    const killedAt = at();
    // Another tap takes over, and the files go on.
    await expect.poll(() => tapPids(bin).filter((pid) => pid !== taps[0]), { timeout: 10_000 }).toHaveLength(1);
    await sleep(6_000);
    await steady.unpublish(firstCamera);
    const unpublishedAt = at();
    await sleep(1_500);
    await steady.publishVideo({ width: 320, height: 180, fps: 30, codec });
    const republishedAt = at();
    await sleep(5_000);
    const [recording] = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    const stoppedAt = at();
    const files = Object.fromEntries(recording.files.map((file) => [file.kind, file]));
    const described = JSON.stringify({ killedAt, unpublishedAt, republishedAt, stoppedAt, state: recording.state, error: recording.error, gaps: recording.gaps, files: recording.files.map((f) => [basename(f.path), f.durationSec]) });
    expect(recording.state, described).toBe('COMPLETE');
    expect(recording.files.map((f) => basename(f.path)).sort(), described).toEqual(['audio.webm', `combined.${ext}`, `video.${ext}`]);
    // Each kind's parts are joined in place: the files keep wall time.
    for (const file of recording.files) {
      decodes(file.path);
      expect(Math.abs(file.durationSec! - stoppedAt), described).toBeLessThan(1.5);
    }
    for (const kind of ['VIDEO', 'AUDIO'] as const) {
      const restarted = recording.gaps.filter((gap) => gap.kind === kind && gap.reason === 'RECORDER_RESTARTED');
      expect(restarted, described).toHaveLength(1);
      // From the last packet the dead tap reported (its stats come four times a second) to the new tap's first.
      expect(restarted[0].start, described).toBeGreaterThan(killedAt - 0.6);
      expect(restarted[0].start, described).toBeLessThanOrEqual(killedAt + 0.2);
      expect(restarted[0].end, described).toBeGreaterThan(killedAt);
      expect(restarted[0].end, described).toBeLessThan(killedAt + 6);
    }
    const unpublished = recording.gaps.filter((gap) => gap.kind === 'VIDEO' && gap.reason === 'UNPUBLISHED');
    expect(unpublished, described).toHaveLength(1);
    expect(Math.abs(unpublished[0].start - unpublishedAt), described).toBeLessThan(0.8);
    expect(unpublished[0].end, described).toBeGreaterThan(republishedAt - 0.5);
    expect(unpublished[0].end, described).toBeLessThan(republishedAt + 3);
    expect(recording.gaps.filter((gap) => gap.kind === 'AUDIO').length, described).toBe(1);
    const directory = join(files.VIDEO.path, '..');
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { tracks: { kind: string; sid: string; fileStartSec: number; tap?: { parts?: number } }[] };
    // Each file has a hole where each of its gaps is, and media again at the gap's end (recording
    // time = where the file starts + file time; gaps are timed by arrival, files by RTP time).
    for (const kind of ['VIDEO', 'AUDIO'] as const) {
      const times = packetsOf(files[kind].path).map((p) => p.time);
      const fileStartSec = manifest.tracks.find((t) => t.kind === kind)!.fileStartSec;
      const recordingTimes = times.map((time) => fileStartSec + time - times[0]);
      const holes = recordingTimes.slice(1).map((time, i) => [recordingTimes[i], time]).filter(([a, b]) => b - a > 0.1);
      for (const gap of recording.gaps.filter((g) => g.kind === kind)) {
        const hole = holes.find(([, end]) => Math.abs(end - gap.end) < 0.3);
        expect(hole, `${described} ${kind} holes ${JSON.stringify(holes)}`).toBeDefined();
        expect(hole![0] - gap.start, `${described} ${kind} holes ${JSON.stringify(holes)}`).toBeGreaterThan(-0.1);
        expect(hole![0] - gap.start, `${described} ${kind} holes ${JSON.stringify(holes)}`).toBeLessThan(0.5);
      }
    }
    expect(readdirSync(directory).sort()).toEqual(['audio.webm', `combined.${ext}`, 'manifest.json', `video.${ext}`]);
    expect(manifest.tracks.filter((t) => t.kind === 'VIDEO'), described).toHaveLength(2);
    expect(manifest.tracks.find((t) => t.kind === 'AUDIO')?.tap?.parts, described).toBe(2);
    await steady.disconnect();
  }, 90_000);

  it('lists a 3 s network outage as a gap of both files from RTP (±0.3 s), and goes on after one that also resets every signalling connection', async () => {
    const roomName = 'passthrough-outage';
    const steady = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'steady' });
    await steady.publishVideo({ width: 320, height: 180, fps: 30, codec: 'vp8' });
    await steady.publishAudio({ channels: 1 });
    await sleep(1_000);
    await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    const startedAt = Date.now();
    const at = () => (Date.now() - startedAt) / 1000;
    const outages: { cut: number; restored: number }[] = [];
    const outage = async (resetSignalling: boolean) => {
      await sleep(3_000);
      ip('addr', 'del', '10.77.0.1/24', 'dev', 'hv0');
      const cut = at();
      try {
        if (resetSignalling) {
          expect(resetOwnConnections(livekit.port)).toBeGreaterThan(0);
          for (const pid of tapPids(bin)) expect(resetOwnConnections(livekit.port, pid)).toBeGreaterThan(0);
        }
        await sleep(3_000);
      } finally {
        ip('addr', 'add', '10.77.0.1/24', 'dev', 'hv0');
      }
      outages.push({ cut, restored: at() });
    };
    await outage(false);
    await outage(true);
    await sleep(15_000);
    const [recording] = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    const stoppedAt = at();
    const described = JSON.stringify({ outages, stoppedAt, state: recording.state, error: recording.error, gaps: recording.gaps, files: recording.files.map((f) => [basename(f.path), f.durationSec]) });
    expect(recording.state, described).toBe('COMPLETE');
    expect(recording.files.map((f) => basename(f.path)).sort(), described).toEqual(['audio.webm', 'combined.webm', 'video.webm']);
    for (const file of recording.files) expect(Math.abs(file.durationSec! - stoppedAt), described).toBeLessThan(1.5);
    for (const { cut, restored } of outages) {
      for (const kind of ['VIDEO', 'AUDIO'] as const) {
        const gap = recording.gaps.find((g) => g.kind === kind && Math.abs(g.start - cut) <= 0.3);
        expect(gap, `${kind}: ${described}`).toBeDefined();
        // Until media came again: what the publisher captured in the outage and sent after it is in
        // the file (video: from about 1.4 s after the cut), so a gap may end before the restore.
        expect(gap!.end, described).toBeGreaterThan(cut + 1);
        // After a reset of every signalling connection, the tap's ICE may never recover: another tap takes over.
        expect(gap!.end, described).toBeLessThan(restored + 12);
      }
    }
    console.log(`passthrough outages: ${described}`);
    await steady.disconnect();
  }, 120_000);

  it("holds the publisher's own frames: decoded, bit for bit the pictures a second subscriber decodes, across a resolution change", async () => {
    const roomName = 'passthrough-fidelity';
    const sender = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'sender' });
    const camera = await sender.publishVideo({ width: 320, height: 180, fps: 15, codec: 'vp8' });
    await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    // The second subscriber: haven-live's own live stream (rtc-node, libwebrtc's decoder), raw I420.
    const client = wsClient(app.url);
    const subscribedAt = Date.now();
    const live = subscribe(client, FrameChunks, { roomName, options: { format: 'I420' } });
    await live.waitFor(() => live.values.length > 0, 20_000, 'a live frame');
    const firstLiveFrameMs = Date.now() - subscribedAt;
    await sleep(4_000);
    await sender.resizeVideo(camera, 480, 270);
    await live.waitFor((value) => value.videoFrames.width === 480, 45_000, 'a 480x270 live frame');
    await sleep(4_000);
    live.unsubscribe();
    await client.dispose();
    const [recording] = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    const video = recording.files.find((f) => f.kind === 'VIDEO')!;
    expect(recording.state).toBe('COMPLETE');
    expect(basename(video.path)).toBe('video.webm');
    decodes(video.path);

    // ffmpeg decodes the file (libvpx). A decode scales every frame to the size it started with, so
    // each run of one size (the publisher's encoder also adapts its size by itself) is decoded from
    // its first frame, a keyframe.
    const sizes = (
      JSON.parse(execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v', '-show_entries', 'frame=pts_time,width,height', '-of', 'json', video.path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
        frames: { pts_time: string; width: number; height: number }[];
      }
    ).frames.map((frame) => ({ at: Number(frame.pts_time), size: `${frame.width}x${frame.height}` }));
    const runs: { at: number; size: string; count: number }[] = [];
    for (const frame of sizes) {
      if (runs.at(-1)?.size === frame.size) runs.at(-1)!.count += 1;
      else runs.push({ ...frame, count: 1 });
    }
    expect(runs.map((run) => run.size), 'the change to 480 wide in the file').toContain('480x268');
    const md5s = (from: number) =>
      execFileSync(ffmpegPath(), ['-v', 'error', ...(from > 0 ? ['-ss', from.toFixed(3)] : []), '-i', video.path, '-map', '0:v', '-pix_fmt', 'yuv420p', '-f', 'framemd5', '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split(',').at(-1)!.trim());
    const inFile = new Set(runs.flatMap((run, index) => md5s(index === 0 ? 0 : run.at).slice(0, run.count)));
    const pictures = reassemble(live.values.map((v) => v.videoFrames));
    const same = pictures.map((picture) => inFile.has(createHash('md5').update(picture.data).digest('hex')));
    const matched = same.filter(Boolean).length;
    const wide = pictures.filter((picture, i) => picture.width === 480 && same[i]).length;
    const metrics = (await (await fetch(`${app.url}/metrics`)).text()).split('\n').filter((line) => /^haven_(ffmpeg_restarts|rendition_frames|video_subscriber_dropped)/.test(line));
    const described = JSON.stringify({ firstLiveFrameMs, metrics, runs, live: pictures.length, matched, wide, pattern: same.map((s) => (s ? 1 : 0)).join('') });
    console.log(`passthrough fidelity: ${described}`);
    // The live pictures (but for the first, before the file's first keyframe, and a rare frame one
    // side lost) are in the file bit for bit: the same frames, not encoded again.
    expect(matched, described).toBeGreaterThanOrEqual(0.85 * pictures.length);
    expect(wide, described).toBeGreaterThan(20);
    // Raw I420 at the track's own size needs no encoder: the live stream kept up with every frame
    // (it subscribed a second after the recording began and ended just before it). The publisher's
    // encoder comes to 480x270 as its bandwidth estimate allows: seconds, or tens of seconds.
    expect(pictures.length, described).toBeGreaterThan(0.75 * sizes.length);
    await sender.disconnect();
  }, 150_000);

  it('goes on in the same file when LiveKit switches the tap to another simulcast layer and back', async () => {
    const roomName = 'passthrough-simulcast';
    const sender = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: roomName, identity: 'layered' });
    // 640x360 in simulcast: layers of 640x360 and 320x180. Captured at 320x180, the encoder keeps one
    // layer only, so LiveKit forwards another layer to the tap, and the top one again when it is back.
    const camera = await sender.publishVideo({ width: 640, height: 360, fps: 15, codec: 'vp8', simulcast: true });
    await sleep(1_000);
    await query(app.url, StartPassthrough, { roomName, mode: 'PASSTHROUGH' });
    await sleep(6_000);
    await sender.resizeVideo(camera, 320, 180);
    await sleep(8_000);
    await sender.resizeVideo(camera, 640, 360);
    await sleep(8_000);
    const [recording] = (await query(app.url, StopPassthrough, { roomName })).stopRecording;
    await sender.disconnect();
    const video = recording.files.find((f) => f.kind === 'VIDEO')!;
    const frames = (
      JSON.parse(execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v', '-show_entries', 'frame=pts_time,width,height', '-of', 'json', video.path], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
        frames: { pts_time: string; width: number; height: number }[];
      }
    ).frames.map((frame) => ({ at: Number(frame.pts_time), width: frame.width }));
    const runs: { at: number; width: number; count: number }[] = [];
    for (const frame of frames) {
      if (runs.at(-1)?.width === frame.width) runs.at(-1)!.count += 1;
      else runs.push({ ...frame, count: 1 });
    }
    let hole = 0;
    for (let i = 1; i < frames.length; i++) hole = Math.max(hole, frames[i].at - frames[i - 1].at);
    const described = JSON.stringify({ runs, hole, gaps: recording.gaps, files: recording.files.map((f) => [basename(f.path), f.durationSec]) });
    console.log(`passthrough simulcast: ${described}`);
    expect(recording.state, described).toBe('COMPLETE');
    // One file for the camera, whole: 640 wide, then the small layer, then 640 wide again.
    expect(recording.files.filter((f) => f.kind === 'VIDEO').map((f) => basename(f.path)), described).toEqual(['video.webm']);
    expect(existsSync(join(video.path, '..', 'video.2.ivf')), described).toBe(false);
    decodes(video.path);
    const widths = runs.filter((run) => run.count >= 15).map((run) => run.width);
    expect(widths.slice(0, 1), described).toEqual([640]);
    expect(widths, described).toContain(320);
    expect(widths.at(-1), described).toBe(640);
    // A switch waits for a keyframe of the new layer: a fraction of a second without pictures, no gap.
    expect(hole, described).toBeLessThan(1.5);
    expect(recording.gaps.filter((gap) => gap.kind === 'VIDEO'), described).toEqual([]);
    const window = frames.at(-1)!.at - frames[0].at;
    expect(Math.abs(video.durationSec! - 22), described).toBeLessThan(0.1 * 22);
    expect(window, described).toBeGreaterThan(19);
  }, 120_000);
});

describe('without the media tap', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ recordings: { minFreeMb: 1, tap: { available: false, reason: 'Go is not installed, so the media tap was not built' } } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says why PASSTHROUGH cannot be used, refuses it with a typed error, and starts nothing', async () => {
    const { config } = await query(app.url, PassthroughConfig, {});
    expect(config).toEqual({ recordingMode: 'TRANSCODE', passthroughAvailable: false, passthroughUnavailableReason: 'Go is not installed, so the media tap was not built' });
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { checks: { passthrough: { ok: boolean; reason: string } } };
    expect(health.checks.passthrough).toMatchObject({ ok: true, available: false });
    expect(health.checks.passthrough.reason).toMatch(/Go is not installed/);
    const refused = await request(app.url, StartPassthrough, { roomName: 'no-tap-room', mode: 'PASSTHROUGH' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RECORDING_FAILED' });
    expect(refused.errors?.[0].message).toMatch(/PASSTHROUGH recording is unavailable \(Go is not installed/);
    const { session } = await query(app.url, PassthroughSession, { roomName: 'no-tap-room' });
    expect(session).toBeNull();
    expect(existsSync(join(app.dir, 'recordings', 'no-tap-room'))).toBe(false);
  });
});

describe('PASSTHROUGH recordings across Ctrl-C and a crash of `npm start`', () => {
  let livekit: LiveKitServer;
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    bin = tapBin();
    livekit = await startLiveKit();
    dir = mkdtempSync(join(tmpdir(), 'haven-passthrough-process-'));
  });

  afterAll(async () => {
    killAllPublishers();
    await livekit?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (name: string) => ({
    HAVEN_DB: join(dir, `${name}.db`),
    HAVEN_RECORDING_DIR: join(dir, name),
    HAVEN_RECORDING_MODE: 'passthrough',
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
  });
  const rows = (name: string) => {
    const db = new Database(join(dir, `${name}.db`), { readonly: true });
    try {
      return db.prepare('select participant_identity as identity, mode, state, directory from recordings').all() as { identity: string; mode: string; state: string; directory: string }[];
    } finally {
      db.close();
    }
  };

  it('finishes an H.264 camera and a VP8 still screen share of one participant (MP4 and WebM families) when Ctrl-C reaches the process group', async () => {
    const name = 'pt-ctrl-c';
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: name, identity: 'presenter' });
    await pub.publishVideo({ width: 320, height: 180, fps: 15, codec: 'h264' });
    await pub.publishAudio();
    await pub.publishVideo({ width: 640, height: 360, fps: 5, codec: 'vp8', source: 'screenshare', name: 'screen', still: true });
    const server = await startServerProcess(env(name), { group: true, npm: true });
    try {
      const { config } = await query(server.url, PassthroughConfig, {});
      expect(config.recordingMode).toBe('PASSTHROUGH'); // HAVEN_RECORDING_MODE, any case
      await query(server.url, StartPassthrough, { roomName: name, mode: null });
      await sleep(5_000);
      const signalledAt = Date.now();
      process.kill(-server.process.pid!, 'SIGINT');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(20_000);
    } finally {
      try {
        process.kill(-server.process.pid!, 'SIGKILL');
      } catch {
        // The group is gone.
      }
    }
    // The tap runs in a group of its own: haven-live stopped it, it was not cut by the signal.
    expect(tapPids(bin)).toEqual([]);
    const [row] = rows(name);
    expect(row).toMatchObject({ mode: 'PASSTHROUGH', state: 'COMPLETE' });
    expect(readdirSync(row.directory).sort()).toEqual(['audio.webm', 'combined.mp4', 'manifest.json', 'screen-combined.webm', 'screen.webm', 'video.mp4']);
    for (const file of ['video.mp4', 'screen.webm', 'combined.mp4', 'screen-combined.webm']) decodes(join(row.directory, file));
    for (const file of ['video.mp4', 'audio.webm', 'combined.mp4']) expect(Number(ffprobe(join(row.directory, file)).format.duration)).toBeGreaterThan(3);
    // H.264 as sent, with the Opus audio beside it in the combined MP4.
    expect(ffprobe(join(row.directory, 'combined.mp4')).streams.map((s) => s.codec_name).sort()).toEqual(['h264', 'opus']);
    // A still screen share sends few frames; the tap asks for a keyframe every 3 s, so it spans the recording.
    expect(Number(ffprobe(join(row.directory, 'screen.webm')).streams[0].nb_read_packets)).toBeGreaterThanOrEqual(2);
    expect(Number(ffprobe(join(row.directory, 'screen.webm')).format.duration)).toBeGreaterThan(2);
    expect(ffprobe(join(row.directory, 'screen.webm')).streams[0]).toMatchObject({ codec_name: 'vp8', width: 640, height: 360 });
    expect(ffprobe(join(row.directory, 'video.mp4')).streams[0]).toMatchObject({ codec_name: 'h264', width: 320, height: 180 });
    await pub.disconnect();
  }, 90_000);

  it('keeps what the tap wrote when haven-live is killed (the tap closes its files and exits), and the next start remuxes it, INTERRUPTED', async () => {
    const name = 'pt-kill';
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: name, identity: 'p' });
    await pub.publishVideo({ width: 320, height: 180, fps: 30, codec: 'vp8' });
    await pub.publishAudio();
    const server = await startServerProcess(env(name));
    await query(server.url, StartPassthrough, { roomName: name, mode: 'PASSTHROUGH' });
    const recordedFrom = Date.now();
    await sleep(6_000);
    server.process.kill('SIGKILL');
    await server.exited;
    const recordedSec = (Date.now() - recordedFrom) / 1000;
    // Its stdin ended with haven-live: the tap finishes its files and leaves.
    await expect.poll(() => tapPids(bin), { timeout: 10_000 }).toEqual([]);
    const [before] = rows(name);
    expect(before.state).toBe('RECORDING');
    expect(readdirSync(before.directory).sort()).toEqual(['audio.ogg', 'video.ivf']);

    const restarted = await startServerProcess(env(name));
    try {
      let recording = (await query(restarted.url, PassthroughCatalog, { roomName: name })).recordings.edges[0].node;
      for (let i = 0; i < 50 && recording.files.length === 0; i++) {
        await sleep(200);
        recording = (await query(restarted.url, PassthroughCatalog, { roomName: name })).recordings.edges[0].node;
      }
      expect(recording).toMatchObject({ state: 'INTERRUPTED', mode: 'PASSTHROUGH' });
      const byKind = Object.fromEntries(recording.files.map((file) => [file.kind, file]));
      expect(byKind.VIDEO).toMatchObject({ codec: 'vp8' });
      expect(byKind.AUDIO).toMatchObject({ codec: 'opus' });
      expect(basename(byKind.VIDEO.path)).toBe('video.webm');
      expect(byKind.VIDEO.durationSec!).toBeGreaterThanOrEqual(recordedSec - 2);
      expect(byKind.AUDIO.durationSec!).toBeGreaterThanOrEqual(recordedSec - 2);
      decodes(byKind.VIDEO.path);
      expect(readdirSync(before.directory).sort()).toEqual(['audio.webm', 'combined.webm', 'video.webm']);
      restarted.process.kill('SIGTERM');
      await restarted.exited;
    } finally {
      restarted.process.kill('SIGKILL');
    }
    await pub.disconnect();
  }, 90_000);
});
