import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobePath } from '../src/ffmpeg.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { startTap, tapBin, type Tap, type TapEvent } from './harness/tap.js';
import { decodes, ffprobe, packetsOf } from './harness/media-probe.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Packets of the first video stream that ffprobe flags as keyframes. */
function keyframesIn(path: string): number {
  const flags = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', path], {
    encoding: 'utf8',
  });
  return flags.split('\n').filter((line) => line.includes('K')).length;
}

/** Rewraps without touching the coded data (`-c copy`): what the tap wrote must already be valid. */
function remux(inputArgs: string[], output: string): void {
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...inputArgs, '-c', 'copy', output]);
}

/** The frame count an IVF file's header holds: the writer puts it there when the file is closed. */
function ivfHeaderFrames(path: string): number {
  return readFileSync(path).readUInt32LE(24);
}

/** Whether the last Ogg page of a file is marked end-of-stream, as the writer does when the file is closed. */
function oggEnded(path: string): boolean {
  const data = readFileSync(path);
  const last = data.lastIndexOf('OggS');
  return last >= 0 && (data[last + 5] & 0x04) !== 0;
}

const num = (e: TapEvent, field: string) => Number(e[field]);


const TAP_DIR = fileURLToPath(new URL('../tap/', import.meta.url));

describe('the media tap against real LiveKit, publishers, ffmpeg and ffprobe', () => {
  let livekit: LiveKitServer;
  let dir: string;
  let camera: Publisher;
  let cameraSid: string;
  let microphoneSid: string;
  const room = 'tap-room';
  const taps: Tap[] = [];

  const tapToken = (roomName: string) => {
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity: `haven-tap-${randomUUID().slice(0, 8)}`, ttl: '10m' });
    token.addGrant({ room: roomName, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true });
    return token.toJwt();
  };

  const joinedTap = async (roomName: string) => {
    const tap = startTap();
    taps.push(tap);
    const joined = await tap.join(livekit.url, await tapToken(roomName));
    expect(joined.room).toBe(roomName);
    return tap;
  };

  const firstPacket = (tap: Tap, trackSid: string) =>
    tap.waitFor((e) => e.event === 'track' && e.trackSid === trackSid, 30_000, `the first packet of ${trackSid}`);

  beforeAll(async () => {
    tapBin(); // builds tap/ on first use; fails here, with how to get Go, rather than in every test
    livekit = await startLiveKit();
    dir = mkdtempSync(join(tmpdir(), 'haven-tap-'));
    camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'camera-person' });
    cameraSid = await camera.publishVideo({ width: 640, height: 360, fps: 30, codec: 'vp8' });
    microphoneSid = await camera.publishAudio();
  });

  afterAll(async () => {
    for (const tap of taps) tap.kill();
    killAllPublishers();
    await livekit?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records a VP8 camera and a microphone to IVF and Ogg that remux into WebM as they are', async () => {
    const tap = await joinedTap(room);
    const ivf = join(dir, 'camera.ivf');
    const ogg = join(dir, 'microphone.ogg');
    tap.record(cameraSid, ivf);
    tap.record(microphoneSid, ogg);
    const [videoStart, audioStart] = await Promise.all([firstPacket(tap, cameraSid), firstPacket(tap, microphoneSid)]);
    expect(videoStart).toMatchObject({ codec: 'vp8', clockRate: 90000 });
    expect(audioStart).toMatchObject({ codec: 'opus', clockRate: 48000 });

    const cpuFrom = tap.cpuSeconds();
    const cpuFromAt = Date.now();
    await sleep(6_000);
    const stopAt = Date.now();
    const cpuSec = tap.cpuSeconds() - cpuFrom;
    const cpuWindowSec = (stopAt - cpuFromAt) / 1000;
    const [video, audio] = await Promise.all([tap.stop(cameraSid), tap.stop(microphoneSid)]);
    expect(video).toMatchObject({ reason: 'stop', path: ivf });
    expect(audio).toMatchObject({ reason: 'stop', path: ogg });
    const videoWindowSec = (stopAt - num(videoStart, 'firstPacketAtMs')) / 1000;
    const audioWindowSec = (stopAt - num(audioStart, 'firstPacketAtMs')) / 1000;

    const videoWebm = join(dir, 'camera.webm');
    const audioWebm = join(dir, 'microphone.webm');
    remux(['-i', ivf], videoWebm);
    remux(['-i', ogg], audioWebm);
    // Both into one file, as a recording of the participant would be.
    remux(['-i', ivf, '-i', ogg, '-map', '0:v', '-map', '1:a'], join(dir, 'participant.webm'));
    const probedVideo = ffprobe(videoWebm);
    const probedAudio = ffprobe(audioWebm);
    const combined = ffprobe(join(dir, 'participant.webm'));
    expect(combined.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    decodes(videoWebm);
    decodes(audioWebm);

    const videoStream = probedVideo.streams[0];
    expect(videoStream).toMatchObject({ codec_type: 'video', codec_name: 'vp8', width: 640, height: 360 });
    const frames = Number(videoStream.nb_read_packets);
    const videoSec = Number(probedVideo.format.duration);
    expect(Math.abs(videoSec - videoWindowSec)).toBeLessThanOrEqual(videoWindowSec * 0.1);
    expect(frames).toBeGreaterThanOrEqual(0.85 * 30 * videoWindowSec);
    expect(num(video, 'keyframes')).toBeGreaterThanOrEqual(2);
    const keyframesInFile = keyframesIn(videoWebm);
    expect(keyframesInFile).toBeGreaterThanOrEqual(2);
    expect(num(video, 'lost')).toBeLessThanOrEqual(Math.max(5, num(video, 'packets') * 0.01));
    // The IVF header counts the frames written, as the file was closed.
    expect(ivfHeaderFrames(ivf)).toBe(Number(ffprobe(ivf).streams[0].nb_read_packets));

    const audioStream = probedAudio.streams[0];
    expect(audioStream).toMatchObject({ codec_type: 'audio', codec_name: 'opus' });
    const audioSec = Number(probedAudio.format.duration);
    expect(Math.abs(audioSec - audioWindowSec)).toBeLessThanOrEqual(audioWindowSec * 0.1);
    expect(num(audio, 'lost')).toBeLessThanOrEqual(Math.max(5, num(audio, 'packets') * 0.01));
    expect(oggEnded(ogg)).toBe(true);

    // Progress every second while recording, with counters that only grow.
    for (const [sid, stopped] of [[cameraSid, video], [microphoneSid, audio]] as const) {
      const stats = tap.events.filter((e) => e.event === 'stats' && e.trackSid === sid);
      expect(stats.length).toBeGreaterThanOrEqual(4);
      const packets = stats.map((e) => num(e, 'packets'));
      expect(packets).toEqual([...packets].sort((a, b) => a - b));
      expect(packets.at(-1)).toBeGreaterThan(0);
      expect(num(stats.at(-1)!, 'lastPacketAtMs')).toBeGreaterThanOrEqual(num(sid === cameraSid ? videoStart : audioStart, 'firstPacketAtMs'));
      expect(num(stopped, 'packets')).toBeGreaterThanOrEqual(packets.at(-1)!);
    }

    console.log(
      'tap figures: ' +
        JSON.stringify({
          video: { windowSec: videoWindowSec, durationSec: videoSec, frames, fps: frames / videoWindowSec, keyframes: num(video, 'keyframes'), keyframesInFile, packets: num(video, 'packets'), bytes: num(video, 'bytes'), lost: num(video, 'lost') },
          audio: { windowSec: audioWindowSec, durationSec: audioSec, packets: num(audio, 'packets'), bytes: num(audio, 'bytes'), lost: num(audio, 'lost'), gapFillMs: num(audio, 'gapFillMs') },
          cpu: { seconds: cpuSec, overSec: cpuWindowSec, share: cpuSec / cpuWindowSec },
          senderReport: tap.events.filter((e) => e.event === 'stats' && e.srNtpMs !== undefined).length,
        }),
    );
    expect(await tap.quit()).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('pauses and resumes into one file per track whose timeline leaves the pause out, video again from a keyframe', async () => {
    const tap = await joinedTap(room);
    const ivf = join(dir, 'paused-camera.ivf');
    const ogg = join(dir, 'paused-microphone.ogg');
    tap.record(cameraSid, ivf);
    tap.record(microphoneSid, ogg);
    const [videoStart, audioStart] = await Promise.all([firstPacket(tap, cameraSid), firstPacket(tap, microphoneSid)]);
    await sleep(4_000);

    const pausedAt = Date.now();
    tap.send({ cmd: 'pause' }); // every track being recorded
    await Promise.all([cameraSid, microphoneSid].map((sid) => tap.waitFor((e) => e.event === 'paused' && e.trackSid === sid, 5_000, `paused for ${sid}`)));
    const packetsAtPause = Object.fromEntries(
      [cameraSid, microphoneSid].map((sid) => [sid, num(tap.events.filter((e) => e.event === 'stats' && e.trackSid === sid).at(-1)!, 'packets')]),
    );
    await sleep(4_000);
    const resumedAt = Date.now();
    tap.send({ cmd: 'resume' });
    const [videoResumed, audioResumed] = await Promise.all(
      [cameraSid, microphoneSid].map((sid) => tap.waitFor((e) => e.event === 'resumed' && e.trackSid === sid, 5_000, `resumed for ${sid}`)),
    );
    await sleep(4_000);
    const stopAt = Date.now();
    const [video, audio] = await Promise.all([tap.stop(cameraSid), tap.stop(microphoneSid)]);
    expect(tap.events.filter((e) => e.event === 'garbage' || e.event === 'error')).toEqual([]);

    const pausedSec = (resumedAt - pausedAt) / 1000;
    const videoUnpausedSec = (stopAt - num(videoStart, 'firstPacketAtMs')) / 1000 - pausedSec;
    const audioUnpausedSec = (stopAt - num(audioStart, 'firstPacketAtMs')) / 1000 - pausedSec;
    // Each track measured the pause on its own RTP clock: the same pause, give or take a packet's jitter.
    for (const resumed of [videoResumed, audioResumed]) {
      expect(Math.abs(num(resumed, 'pausedMs') / 1000 - pausedSec)).toBeLessThanOrEqual(0.15);
    }

    const videoWebm = join(dir, 'paused-camera.webm');
    const audioWebm = join(dir, 'paused-microphone.webm');
    remux(['-i', ivf], videoWebm);
    remux(['-i', ogg], audioWebm);
    remux(['-i', ivf, '-i', ogg, '-map', '0:v', '-map', '1:a'], join(dir, 'paused-participant.webm'));
    decodes(videoWebm); // -xerror: no broken frame after the resume
    decodes(audioWebm);
    decodes(ivf);

    const probedVideo = ffprobe(videoWebm);
    const videoSec = Number(probedVideo.format.duration);
    const frames = Number(probedVideo.streams[0].nb_read_packets);
    expect(probedVideo.streams[0]).toMatchObject({ codec_type: 'video', codec_name: 'vp8', width: 640, height: 360 });
    expect(Math.abs(videoSec - videoUnpausedSec)).toBeLessThanOrEqual(videoUnpausedSec * 0.05);
    expect(frames).toBeGreaterThanOrEqual(0.85 * 30 * videoUnpausedSec);
    expect(ivfHeaderFrames(ivf)).toBe(Number(ffprobe(ivf).streams[0].nb_read_packets));
    // No hole where the pause was, and the first frame written after it is a keyframe.
    const videoPackets = packetsOf(videoWebm);
    const steps = videoPackets.slice(1).map((p, i) => p.time - videoPackets[i].time);
    const largestStep = Math.max(...steps);
    expect(largestStep).toBeLessThan(0.5);
    // The file's time line starts at the first packet written (a keyframe, which may come a while
    // after the first packet under load), as the tap's `writing` event says.
    const videoWriting = await tap.waitFor((e) => e.event === 'writing' && e.trackSid === cameraSid, 1_000, 'writing');
    expect(num(videoWriting, 'atMs')).toBeGreaterThanOrEqual(num(videoStart, 'firstPacketAtMs'));
    const pausedEvent = tap.events.find((e) => e.event === 'paused' && e.trackSid === cameraSid)!;
    const pauseInFile = (num(pausedEvent, 'pausedAtMs') - num(videoWriting, 'atMs')) / 1000;
    const firstAfterPause = videoPackets.findIndex((p) => p.time > pauseInFile - 0.25 && p.time <= pauseInFile + 0.5 && p.key);
    expect(firstAfterPause).toBeGreaterThan(0);

    const probedAudio = ffprobe(audioWebm);
    const audioSec = Number(probedAudio.format.duration);
    expect(probedAudio.streams[0]).toMatchObject({ codec_type: 'audio', codec_name: 'opus' });
    expect(Math.abs(audioSec - audioUnpausedSec)).toBeLessThanOrEqual(audioUnpausedSec * 0.05);
    expect(num(audio, 'gapFillMs')).toBeLessThan(500); // the pause was left out, not filled with silence
    expect(oggEnded(ogg)).toBe(true);

    // Packets kept being counted while paused, and those not written are told apart.
    for (const [sid, stopped] of [[cameraSid, video], [microphoneSid, audio]] as const) {
      const duringPause = tap.events.filter((e) => e.event === 'stats' && e.trackSid === sid && e.paused === true);
      expect(duringPause.length).toBeGreaterThanOrEqual(2);
      expect(num(duringPause.at(-1)!, 'packets')).toBeGreaterThan(packetsAtPause[sid]);
      expect(num(stopped, 'pausedPackets')).toBeGreaterThan(0);
      expect(num(stopped, 'pausedPackets')).toBeLessThan(num(stopped, 'packets'));
      expect(Math.abs(num(stopped, 'pausedMs') / 1000 - pausedSec)).toBeLessThanOrEqual(0.15);
    }

    console.log(
      'tap figures (pause): ' +
        JSON.stringify({
          pausedSec,
          video: { unpausedSec: videoUnpausedSec, durationSec: videoSec, frames, fps: frames / videoUnpausedSec, largestStepSec: largestStep, pausedMs: num(videoResumed, 'pausedMs'), packets: num(video, 'packets'), pausedPackets: num(video, 'pausedPackets'), lost: num(video, 'lost') },
          audio: { unpausedSec: audioUnpausedSec, durationSec: audioSec, pausedMs: num(audioResumed, 'pausedMs'), packets: num(audio, 'packets'), pausedPackets: num(audio, 'pausedPackets'), gapFillMs: num(audio, 'gapFillMs') },
        }),
    );
    expect(await tap.quit()).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('records an H.264 camera at 15 fps into IVF that keeps each frame\'s time and remuxes into MP4 as it is', async () => {
    const h264Room = 'tap-h264';
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: h264Room, identity: 'h264-person' });
    const trackSid = await publisher.publishVideo({ width: 640, height: 360, fps: 15, codec: 'h264' });
    const tap = await joinedTap(h264Room);
    const raw = join(dir, 'camera-h264.ivf');
    tap.record(trackSid, raw);
    const start = await firstPacket(tap, trackSid);
    expect(start).toMatchObject({ codec: 'h264', clockRate: 90000 });
    const writing = await tap.waitFor((e) => e.event === 'writing' && e.trackSid === trackSid, 10_000, 'writing');
    await sleep(5_000);
    const stopAt = Date.now();
    const stopped = await tap.stop(trackSid);
    const windowSec = (stopAt - num(writing, 'atMs')) / 1000;
    expect(readFileSync(raw).subarray(0, 12).toString('latin1')).toBe('DKIF\x00\x00\x20\x00H264');

    const mp4 = join(dir, 'camera.mp4');
    remux(['-i', raw], mp4);
    const probed = ffprobe(mp4);
    expect(probed.streams[0]).toMatchObject({ codec_type: 'video', codec_name: 'h264' });
    // 640x360 as published, or less when the publisher's encoder scales down on a busy machine.
    expect([640, 480, 320]).toContain(probed.streams[0].width);
    expect(probed.streams[0].height! * 16).toBe(probed.streams[0].width! * 9);
    decodes(mp4);
    const frames = Number(probed.streams[0].nb_read_packets);
    // Every frame the tap wrote, each at its own time: 15 fps lasts the window (no rate assumed).
    expect(frames).toBe(num(stopped, 'framesWritten'));
    expect(frames).toBeGreaterThanOrEqual(0.85 * 15 * windowSec);
    expect(Math.abs(Number(probed.format.duration) - windowSec)).toBeLessThan(0.5);
    expect(ivfHeaderFrames(raw)).toBe(frames);
    expect(num(stopped, 'keyframes')).toBeGreaterThanOrEqual(2);
    expect(keyframesIn(mp4)).toBeGreaterThanOrEqual(2);
    expect(num(stopped, 'lost')).toBeLessThanOrEqual(Math.max(5, num(stopped, 'packets') * 0.01));
    console.log('tap figures (h264): ' + JSON.stringify({ windowSec, frames, fps: frames / windowSec, durationSec: Number(probed.format.duration), keyframes: num(stopped, 'keyframes'), lost: num(stopped, 'lost') }));

    expect(await tap.quit()).toEqual({ code: 0, signal: null });
    await publisher.disconnect();
  }, 120_000);

  /** Records the camera and microphone for a moment, then ends the tap with `end`; the files must be complete. */
  const endsWithFilesComplete = async (name: string, end: (tap: Tap) => void, reason: string) => {
    const tap = await joinedTap(room);
    const ivf = join(dir, `${name}.ivf`);
    const ogg = join(dir, `${name}.ogg`);
    tap.record(cameraSid, ivf);
    tap.record(microphoneSid, ogg);
    await Promise.all([firstPacket(tap, cameraSid), firstPacket(tap, microphoneSid)]);
    await sleep(2_000);
    const endedAt = Date.now();
    end(tap);
    const exit = await Promise.race([tap.exited, sleep(5_000).then(() => 'still running after 5 s')]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - endedAt).toBeLessThan(5_000);
    for (const sid of [cameraSid, microphoneSid]) {
      expect(tap.events.find((e) => e.event === 'stopped' && e.trackSid === sid)).toMatchObject({ reason });
    }
    expect(tap.events.filter((e) => e.event === 'garbage' || e.event === 'error')).toEqual([]);

    const frames = Number(ffprobe(ivf).streams[0].nb_read_packets);
    expect(frames).toBeGreaterThan(20);
    expect(ivfHeaderFrames(ivf)).toBe(frames);
    expect(ffprobe(ogg).streams[0].codec_name).toBe('opus');
    expect(oggEnded(ogg)).toBe(true);
    decodes(ivf);
    decodes(ogg);
  };

  it('exits by itself, files complete, when its stdin closes (haven-live died)', async () => {
    await endsWithFilesComplete('stdin-closed', (tap) => tap.process.stdin.destroy(), 'eof');
  }, 90_000);

  it('closes every file and exits 0 on quit', async () => {
    await endsWithFilesComplete('quit', (tap) => tap.send({ cmd: 'quit' }), 'quit');
  }, 90_000);

  it('keeps an Ogg file in step with the clock through a muted microphone', async () => {
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'muting-person' });
    const trackSid = await publisher.publishAudio();
    const tap = await joinedTap(room);
    const ogg = join(dir, 'muted.ogg');
    tap.record(trackSid, ogg);
    const start = await firstPacket(tap, trackSid);
    await sleep(2_000);
    await publisher.mute(trackSid);
    await sleep(3_000);
    await publisher.unmute(trackSid);
    await sleep(2_000);
    const stopAt = Date.now();
    const stopped = await tap.stop(trackSid);
    const windowSec = (stopAt - num(start, 'firstPacketAtMs')) / 1000;
    const durationSec = Number(ffprobe(ogg).format.duration);
    console.log('tap figures (muted): ' + JSON.stringify({ windowSec, durationSec, gapFillMs: num(stopped, 'gapFillMs'), packets: num(stopped, 'packets') }));
    // The pause is in the file, as silence, not squeezed out of it.
    expect(num(stopped, 'gapFillMs')).toBeGreaterThanOrEqual(1_000);
    expect(Math.abs(durationSec - windowSec)).toBeLessThanOrEqual(windowSec * 0.1);
    decodes(ogg);
    expect(await tap.quit()).toEqual({ code: 0, signal: null });
    await publisher.disconnect();
  }, 90_000);

  it('finishes the file by itself when the track is unpublished', async () => {
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'leaving-person' });
    const trackSid = await publisher.publishAudio();
    const tap = await joinedTap(room);
    const ogg = join(dir, 'unpublished.ogg');
    tap.record(trackSid, ogg);
    await firstPacket(tap, trackSid);
    await sleep(1_000);
    await publisher.unpublish(trackSid);
    const stopped = await tap.waitFor((e) => e.event === 'stopped' && e.trackSid === trackSid, 20_000, 'stopped after the unpublish');
    expect(stopped).toMatchObject({ reason: 'ended' });
    expect(num(stopped, 'packets')).toBeGreaterThan(40);
    expect(oggEnded(ogg)).toBe(true);
    decodes(ogg);
    expect(await tap.quit()).toEqual({ code: 0, signal: null });
    await publisher.disconnect();
  }, 60_000);

  it("passes the tap's Go unit tests (go test ./... in tap/)", async () => {
    // Inside the test namespace there is no network: the modules come from the cache scripts/tap.sh filled.
    const env = { ...process.env, GOFLAGS: '-mod=readonly', GOPROXY: 'off', GOSUMDB: 'off', GOTOOLCHAIN: 'local' };
    const result = await new Promise<{ code: number | null; output: string; missing: boolean }>((resolve) => {
      execFile('go', ['test', '-count=1', './...'], { cwd: TAP_DIR, env, timeout: 10 * 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, output: `${stdout}${stderr}`, missing: e?.code === 'ENOENT' });
      });
    });
    if (result.missing) {
      throw new Error('Go is not installed: the tap (tap/) and its unit tests need Go 1.26.8 or newer from https://go.dev/dl/ (then run `bash scripts/tap.sh` once, outside the test namespace, to fetch its modules).');
    }
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^ok\s/m);
  }, 11 * 60_000);

  it('answers a record it cannot do with an error naming the track', async () => {
    const tap = await joinedTap(room);
    tap.record('TR_nosuchtrack', join(dir, 'nothing.ivf'));
    const error = await tap.waitFor((e) => e.event === 'error' && e.trackSid === 'TR_nosuchtrack', 30_000, 'the error');
    expect(error.message).toContain('TR_nosuchtrack');
    tap.record(cameraSid, 'relative/path.ivf');
    const relative = await tap.waitFor((e) => e.event === 'error' && e.trackSid === cameraSid, 10_000, 'the error for a relative path');
    expect(relative.message).toContain('absolute');
    expect(await tap.quit()).toEqual({ code: 0, signal: null });
  }, 60_000);
});
