import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { graphql } from './gql/index.js';
import { query, request, subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { MediaStatsQuery, StartSession, StopSession } from './harness/operations.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { decodeJpeg, meanDifference, toneFrequency } from './harness/media-check.js';
import { reassemble, waitForChunks } from './harness/frames.js';

const VideoFrames = graphql(`
  subscription VideoFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {
      sessionId
      participantIdentity
      trackSid
      seq
      timestampUs
      width
      height
      format
      chunkIndex
      chunkCount
      data
    }
  }
`);

const AudioFrames = graphql(`
  subscription AudioFrames($roomName: String!, $participantIdentity: String, $trackSid: String, $options: AudioFramesOptions) {
    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, trackSid: $trackSid, options: $options) {
      participantIdentity
      trackSid
      seq
      timestampUs
      sampleRate
      channels
      samplesPerChannel
      droppedSamples
      data
    }
  }
`);

const SnapshotQuery = graphql(`
  query Snapshot($roomName: String!, $participantIdentity: String, $maxWidth: Int, $quality: Int) {
    snapshot(roomName: $roomName, participantIdentity: $participantIdentity, maxWidth: $maxWidth, quality: $quality) {
      participantIdentity
      trackSid
      width
      height
      timestampUs
      data
    }
  }
`);

const ROOM = 'media-room';

describe('live media against a real LiveKit server and publisher', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let client: Client;
  let camera: Publisher;
  let videoSid: string;
  let audioSid: string;

  const stats = async () => (await query(app.url, MediaStatsQuery)).mediaStats;
  const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await stats())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const idle = () => until(async () => {
    const s = await stats();
    return s.openVideoStreams === 0 && s.openAudioStreams === 0 && s.runningEncoders === 0 && s.subscribedTracks === 0;
  }, 'every stream closed');

  beforeAll(async () => {
    livekit = await startLiveKit();
    app = await startApp({
      livekit,
      media: { followGraceMs: 3_000 },
    });
    client = wsClient(app.url);
    camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: 'camera' });
    videoSid = await camera.publishVideo({ width: 640, height: 360, fps: 30 });
    audioSid = await camera.publishAudio({ frequency: 440, sampleRate: 48000, channels: 1 });
    await query(app.url, StartSession, { roomName: ROOM });
  });

  afterAll(async () => {
    await client?.dispose();
    await app?.close();
    killAllPublishers();
    await livekit?.stop();
  });

  it('streams JPEG frames in chunks that reassemble into pictures of the requested size that move', async () => {
    // A second server with a small chunk limit, so that every frame comes in several chunks.
    const chunky = await startApp({
      livekit,
      media: { chunkBytes: 1024 },
    });
    const chunkyClient = wsClient(chunky.url);
    await query(chunky.url, StartSession, { roomName: ROOM });
    const frames = subscribe(chunkyClient, VideoFrames, { roomName: ROOM, options: { maxWidth: 480, quality: 90 } });
    try {
      await waitForChunks(frames, 60);
    } finally {
      frames.unsubscribe();
      await chunkyClient.dispose();
      await chunky.close();
    }
    const chunks = frames.values.map((v) => v.videoFrames);
    expect(chunks.every((c) => c.format === 'JPEG' && c.trackSid === videoSid && c.participantIdentity === 'camera')).toBe(true);
    expect(chunks.every((c) => Buffer.from(c.data, 'base64').length <= 1024)).toBe(true);
    const whole = reassemble(chunks);
    expect(whole.length).toBeGreaterThan(3);
    expect(chunks.some((c) => c.chunkCount > 1)).toBe(true);
    const pictures = whole.map((frame) => ({ frame, picture: decodeJpeg(frame.data) }));
    for (const { frame, picture } of pictures) {
      expect([picture.width, picture.height]).toEqual([480, 270]);
      expect([frame.width, frame.height]).toEqual([480, 270]);
    }
    const first = pictures[0].picture.gray;
    const last = pictures.at(-1)!.picture.gray;
    expect(meanDifference(first, last)).toBeGreaterThan(1);
    for (let i = 1; i < whole.length; i++) expect(whole[i].seq).toBeGreaterThan(whole[i - 1].seq);
    await idle();
  });

  it('streams raw I420 and RGBA frames whose sizes match width and height', async () => {
    for (const [format, bytesPerPixel] of [['I420', 1.5], ['RGBA', 4]] as const) {
      const frames = subscribe(client, VideoFrames, { roomName: ROOM, trackSid: videoSid, options: { format, maxWidth: 160 } });
      await frames.waitFor(() => reassemble(frames.values.map((v) => v.videoFrames)).length >= 3, 20_000, `3 ${format} frames`);
      frames.unsubscribe();
      for (const frame of reassemble(frames.values.map((v) => v.videoFrames))) {
        expect([frame.width, frame.height]).toEqual([160, 90]);
        expect(frame.data.length).toBe(frame.width * frame.height * bytesPerPixel);
      }
    }
    await idle();
  });

  it('respects maxFps within 10 % and keeps the aspect ratio under maxWidth', async () => {
    const frames = subscribe(client, VideoFrames, { roomName: ROOM, options: { maxFps: 10, maxWidth: 200, format: 'I420' } });
    await frames.waitFor(() => reassemble(frames.values.map((v) => v.videoFrames)).length >= 31, 20_000, '31 frames');
    frames.unsubscribe();
    const whole = reassemble(frames.values.map((v) => v.videoFrames));
    const spanUs = whole.at(-1)!.timestampUs - whole[0].timestampUs;
    const fps = ((whole.length - 1) * 1e6) / spanUs;
    expect(fps).toBeGreaterThan(9);
    expect(fps).toBeLessThan(11);
    expect(whole[0].width).toBe(200);
    expect(Math.abs(whole[0].width / whole[0].height - 640 / 360)).toBeLessThan(0.02);
    await idle();
  });

  it('shares one encoder between subscribers of one rendition and stops it when both leave', async () => {
    const options = { maxWidth: 240, quality: 60 };
    const a = subscribe(client, VideoFrames, { roomName: ROOM, options });
    const b = subscribe(client, VideoFrames, { roomName: ROOM, options });
    await waitForChunks(a, 5);
    await waitForChunks(b, 5);
    expect(await stats()).toMatchObject({ videoRenditions: 1, runningEncoders: 1, videoSubscribers: 2, openVideoStreams: 1 });
    const c = subscribe(client, VideoFrames, { roomName: ROOM, options: { ...options, quality: 30 } });
    await waitForChunks(c, 5);
    expect(await stats()).toMatchObject({ videoRenditions: 2, runningEncoders: 2, videoSubscribers: 3, openVideoStreams: 1 });
    c.unsubscribe();
    a.unsubscribe();
    await until(async () => (await stats()).videoSubscribers === 1, 'one subscriber left');
    expect(await stats()).toMatchObject({ videoRenditions: 1, runningEncoders: 1 });
    b.unsubscribe();
    await idle();
  });

  it('keeps one subscriber at full rate while another stops reading, holding only the newest frame for it', async () => {
    let slowSocket: WebSocket | undefined;
    class PausableSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        slowSocket = this;
      }
    }
    const slowClient = createClient({ url: `${app.url.replace('http', 'ws')}/graphql`, webSocketImpl: PausableSocket, retryAttempts: 0 });
    // Raw I420 at 640x360 is 338 KiB a frame, 10 MiB/s: far more than socket buffers hold.
    const slow = subscribe(slowClient, VideoFrames, { roomName: ROOM, options: { format: 'I420' } });
    // The one that keeps up takes small JPEGs, so that this process's own parsing stays out of the RSS figure.
    const fast = subscribe(client, VideoFrames, { roomName: ROOM, options: { maxWidth: 320 } });
    try {
      await waitForChunks(slow, 50);
      await waitForChunks(fast, 50);
      // The slow client stops reading: its TCP window fills and graphql-ws stops pulling frames for it.
      slowSocket!.pause();
      const fastBefore = reassemble(fast.values.map((v) => v.videoFrames)).length;
      const rssBefore = process.memoryUsage().rss;
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      const fastFrames = reassemble(fast.values.map((v) => v.videoFrames)).length - fastBefore;
      const pausedAt = slow.values.length;
      // Buffering the slow one's frames would take 60 MiB; the bound is socket buffers plus one frame.
      expect(rssGrowth).toBeLessThan(40 * 1024 * 1024);
      expect(fastFrames).toBeGreaterThan(6 * 30 * 0.6);
      slowSocket!.resume();
      // Frames of one track share their seq across renditions: the slow one catches up to the fast one.
      const current = fast.values.at(-1)!.videoFrames.seq;
      await slow.waitFor((v) => v.videoFrames.seq >= current, 20_000, 'a current frame after resuming', pausedAt);
      const seqs = [...new Set(slow.values.map((v) => v.videoFrames.seq))];
      const jumps = seqs.slice(1).map((seq, i) => seq - seqs[i]);
      // It skipped what it could not take instead of receiving every old frame late.
      expect(Math.max(...jumps)).toBeGreaterThan(60);
    } finally {
      slow.unsubscribe();
      fast.unsubscribe();
      await slowClient.dispose();
    }
    await idle();
  });

  it('streams audio at the requested rate and channel count, with the publisher tone in it', async () => {
    const chunks = subscribe(client, AudioFrames, { roomName: ROOM, options: { sampleRate: 16000, channels: 2, chunkMs: 40 } });
    await waitForChunks(chunks, 60);
    chunks.unsubscribe();
    const values = chunks.values.map((v) => v.audioFrames);
    for (const chunk of values) {
      expect(chunk).toMatchObject({ sampleRate: 16000, channels: 2, samplesPerChannel: 640, trackSid: audioSid, participantIdentity: 'camera' });
      expect(Buffer.from(chunk.data, 'base64').length).toBe(640 * 2 * 2);
    }
    const pcm = Buffer.concat(values.slice(10).map((chunk) => Buffer.from(chunk.data, 'base64')));
    const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
    const frequency = toneFrequency(samples, 2, 16000);
    expect(Math.abs(frequency - 440) / 440).toBeLessThan(0.02);
    // Chunk after chunk on the session clock; a step of a few ms is libwebrtc's jitter buffer
    // settling (media it skipped or stretched moves the clock). On a loaded 2-core machine it
    // settles in up to three steps of some tens of ms (one of 42 ms seen in a CI run). A chunk
    // lost or repeated shows in seq and droppedSamples, a clock that runs off in the drift.
    expect(values.slice(1).map((chunk, i) => chunk.seq - values[i].seq).filter((step) => step !== 1)).toEqual([]);
    expect(values.reduce((sum, chunk) => sum + chunk.droppedSamples, 0)).toBe(0);
    const steps = values.slice(1).map((chunk, i) => Number(chunk.timestampUs) - Number(values[i].timestampUs));
    const off = steps.filter((step) => Math.abs(step - 40_000) > 25_000);
    expect(off.length, `steps between chunks: ${steps.join(' ')}`).toBeLessThanOrEqual(3);
    expect(off.filter((step) => step < 20_000 || step > 100_000), `steps between chunks: ${steps.join(' ')}`).toEqual([]);
    expect(Math.abs(Number(values.at(-1)!.timestampUs) - Number(values[0].timestampUs) - (values.length - 1) * 40_000)).toBeLessThan(150_000);
    await idle();
  });

  it('gives a snapshot as one JPEG, and NO_VIDEO in a room without video', async () => {
    const { snapshot } = await query(app.url, SnapshotQuery, { roomName: ROOM, maxWidth: 320, quality: 70 });
    const picture = decodeJpeg(Buffer.from(snapshot.data, 'base64'));
    expect([picture.width, picture.height]).toEqual([320, 180]);
    expect([snapshot.width, snapshot.height]).toEqual([320, 180]);
    expect(snapshot.trackSid).toBe(videoSid);
    await idle();

    const voice = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: 'voice-only', identity: 'voice' });
    await voice.publishAudio();
    await query(app.url, StartSession, { roomName: 'voice-only' });
    const none = await request(app.url, SnapshotQuery, { roomName: 'voice-only' });
    expect(none.errors![0].extensions).toMatchObject({ code: 'NO_VIDEO' });
    await query(app.url, StopSession, { roomName: 'voice-only' });
    await voice.disconnect();
  });

  it('gives typed errors for bad options, unknown tracks and rooms without a session', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ maxFps: 0 }, 'options.maxFps'],
      [{ maxFps: 500 }, 'options.maxFps'],
      [{ quality: 101 }, 'options.quality'],
      [{ maxWidth: 4 }, 'options.maxWidth'],
      [{ maxHeight: 100000 }, 'options.maxHeight'],
    ];
    for (const [options, field] of bad) {
      const frames = subscribe(client, VideoFrames, { roomName: ROOM, options });
      await frames.waitFor(() => false, 5_000).catch(() => undefined);
      expect(JSON.stringify(frames.errors)).toContain('VALIDATION_FAILED');
      expect(JSON.stringify(frames.errors)).toContain(field);
    }
    for (const [options, field] of [[{ sampleRate: 4000 }, 'options.sampleRate'], [{ channels: 3 }, 'options.channels'], [{ chunkMs: 5 }, 'options.chunkMs']] as const) {
      const audio = subscribe(client, AudioFrames, { roomName: ROOM, options });
      await audio.waitFor(() => false, 5_000).catch(() => undefined);
      expect(JSON.stringify(audio.errors)).toContain(field);
    }
    const unknownParticipant = subscribe(client, VideoFrames, { roomName: ROOM, participantIdentity: 'nobody' });
    await unknownParticipant.waitFor(() => false, 5_000).catch(() => undefined);
    expect(JSON.stringify(unknownParticipant.errors)).toContain('TRACK_NOT_FOUND');
    const unknownTrack = subscribe(client, AudioFrames, { roomName: ROOM, trackSid: 'TR_missing' });
    await unknownTrack.waitFor(() => false, 5_000).catch(() => undefined);
    expect(JSON.stringify(unknownTrack.errors)).toContain('TRACK_NOT_FOUND');
    const noSession = subscribe(client, VideoFrames, { roomName: 'no-session-here' });
    await noSession.waitFor(() => false, 5_000).catch(() => undefined);
    expect(JSON.stringify(noSession.errors)).toContain('SESSION_NOT_FOUND');
    const snapshot = await request(app.url, SnapshotQuery, { roomName: ROOM, participantIdentity: 'nobody' });
    expect(snapshot.errors![0].extensions).toMatchObject({ code: 'TRACK_NOT_FOUND' });
    expect((await stats()).videoSubscribers).toBe(0);
  });

  it('keeps streaming when the picture changes size within the track, at the new aspect ratio', async () => {
    const room = 'zoom-room';
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'zoomer' });
    const sid = await pub.publishVideo({ width: 640, height: 360, fps: 15 });
    await query(app.url, StartSession, { roomName: room });
    const jpeg = subscribe(client, VideoFrames, { roomName: room, options: { maxWidth: 320 } });
    const raw = subscribe(client, VideoFrames, { roomName: room, options: { format: 'I420' } });
    // The publisher's encoder picks its own size below the captured one while its bandwidth
    // estimate ramps up, so what is known of each frame is its aspect ratio.
    const whole = (frames: typeof jpeg) => reassemble(frames.values.map((v) => v.videoFrames));
    const wide = (frame: { width: number; height: number }) => Math.abs(frame.width / frame.height - 16 / 9) < 0.02;
    const square = (frame: { width: number; height: number }) => Math.abs(frame.width / frame.height - 4 / 3) < 0.02;
    try {
      await jpeg.waitFor(() => whole(jpeg).filter(wide).length >= 5, 20_000, '5 JPEG frames at 16:9');
      await raw.waitFor(() => whole(raw).filter(wide).length >= 5, 20_000, '5 I420 frames at 16:9');
      // The camera switches to 4:3 in the same track: libwebrtc reconfigures its encoder.
      await pub.resizeVideo(sid, 480, 360);
      await jpeg.waitFor(() => whole(jpeg).filter(square).length >= 5, 20_000, '5 JPEG frames at 4:3');
      await raw.waitFor(() => whole(raw).filter(square).length >= 5, 20_000, '5 I420 frames at 4:3');
      expect(jpeg.completed || raw.completed).toBe(false);
    } finally {
      jpeg.unsubscribe();
      raw.unsubscribe();
    }
    const jpegs = whole(jpeg);
    const switched = jpegs.findIndex(square);
    expect(jpegs.slice(0, switched).every(wide)).toBe(true);
    expect(jpegs.slice(switched).every(square)).toBe(true);
    const rawSizes = new Map(whole(raw).map((frame) => [frame.seq, frame]));
    for (const frame of jpegs) {
      const picture = decodeJpeg(frame.data);
      expect([picture.width, picture.height]).toEqual([frame.width, frame.height]);
      // Each JPEG is its frame's own size scaled to at most 320 wide, never enlarged.
      const source = rawSizes.get(frame.seq);
      if (source) expect(frame.width).toBe(Math.min(320, source.width));
    }
    for (const frame of whole(raw)) expect(frame.data.length).toBe(frame.width * frame.height * 1.5);
    for (let i = 1; i < jpegs.length; i++) expect(jpegs[i].seq).toBeGreaterThan(jpegs[i - 1].seq);
    await query(app.url, StopSession, { roomName: room });
    await pub.disconnect();
    await idle();
  });

  it('follows a republished track, and completes when the track, the participant or the session ends', async () => {
    const room = 'ending-room';
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'mover' });
    const firstVideo = await pub.publishVideo({ width: 320, height: 180, fps: 15 });
    const firstAudio = await pub.publishAudio();
    await query(app.url, StartSession, { roomName: room });

    // Named track: completes when it is unpublished.
    const pinned = subscribe(client, VideoFrames, { roomName: room, trackSid: firstVideo, options: { maxWidth: 160 } });
    // No track named: follows the participant's next video track.
    const following = subscribe(client, VideoFrames, { roomName: room, participantIdentity: 'mover', options: { maxWidth: 160 } });
    await waitForChunks(pinned, 3);
    await waitForChunks(following, 3);
    await pub.unpublish(firstVideo);
    await pinned.waitForCompletion(10_000);
    const secondVideo = await pub.publishVideo({ width: 320, height: 180, fps: 15 });
    await following.waitFor((v) => v.videoFrames.trackSid === secondVideo, 20_000, 'frames of the republished track');
    expect(following.completed).toBe(false);

    // Participant leaves: both video and audio subscriptions complete.
    const audio = subscribe(client, AudioFrames, { roomName: room, trackSid: firstAudio });
    await waitForChunks(audio, 3);
    await pub.disconnect();
    await following.waitForCompletion(15_000);
    await audio.waitForCompletion(15_000);
    await idle();

    // Session stops: subscriptions complete.
    const ours = subscribe(client, VideoFrames, { roomName: ROOM, options: { maxWidth: 160 } });
    const ourAudio = subscribe(client, AudioFrames, { roomName: ROOM });
    await waitForChunks(ours, 3);
    await waitForChunks(ourAudio, 3);
    await query(app.url, StopSession, { roomName: ROOM });
    await ours.waitForCompletion(10_000);
    await ourAudio.waitForCompletion(10_000);
    await idle();
    await query(app.url, StopSession, { roomName: room }).catch(() => undefined);
  });
});
