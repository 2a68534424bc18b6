/**
 * The demo's participant: joins a room and publishes a camera track (a dark gradient, a bar that
 * crosses it every 2 s and the wall-clock time) and a microphone track (a 440 Hz tone that swells
 * once a second). Runs until its parent tells it to stop, closes the IPC channel, or dies.
 *
 * Started by scripts/demo.ts with an IPC channel; settings come from the environment:
 * DEMO_LIVEKIT_URL, DEMO_LIVEKIT_API_KEY, DEMO_LIVEKIT_API_SECRET, DEMO_ROOM, DEMO_IDENTITY.
 * It sends {event:'ready', video, audio} once both tracks are published, or {event:'failed', message}.
 */
import {
  AudioFrame,
  AudioSource,
  dispose,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoCodec,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { drawClock } from './clock-font.js';

export type PublisherMessage =
  | { event: 'ready'; video: string; audio: string }
  | { event: 'failed'; message: string }
  | { event: 'disconnected'; reason: string };

const WIDTH = 640;
const HEIGHT = 360;
const FPS = 30;
const TONE_HZ = 440;
const SAMPLE_RATE = 48_000;

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this process is started by scripts/demo.ts)`);
  return value;
};

/** Wall-clock milliseconds from a monotonic source: pacing never jumps when the clock is set. */
const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let running = true;
const stops: (() => Promise<void>)[] = [];
let room: Room | undefined;

function tell(message: PublisherMessage): void {
  if (process.connected && process.send) process.send(message);
}

function startVideo(source: VideoSource): () => Promise<void> {
  // I420: luma plane, then the two chroma planes at half size. rtc-node passes the FFI the start of
  // the Uint8Array's own ArrayBuffer (it ignores byteOffset), so the buffer must own it; the FFI
  // copies the pixels inside captureFrame, so one buffer serves every frame.
  const ySize = WIDTH * HEIGHT;
  const cWidth = WIDTH / 2;
  const cSize = cWidth * (HEIGHT / 2);
  const data = new Uint8Array(ySize + 2 * cSize);
  const pixels = Buffer.from(data.buffer, 0, data.byteLength);
  const frame = new VideoFrame(data, WIDTH, HEIGHT, VideoBufferType.I420);
  const background = Buffer.alloc(ySize);
  for (let y = 0; y < HEIGHT; y++) background.fill(16 + Math.floor((64 * y) / HEIGHT), y * WIDTH, (y + 1) * WIDTH);
  const barWidth = WIDTH / 16;
  const start = nowMs();
  const interval = 1000 / FPS;
  let n = 0;
  let timer: NodeJS.Timeout | undefined;

  const draw = (t: number) => {
    background.copy(pixels, 0, 0, ySize);
    // Neutral chroma, except an orange bar that crosses the picture in 2 s: consecutive frames always
    // differ (an encoder fed identical frames sends almost nothing) and the motion is easy to see.
    pixels.fill(128, ySize);
    const x = Math.floor((((t - start) % 2000) / 2000) * WIDTH);
    const x1 = Math.min(WIDTH, x + barWidth);
    for (let y = 0; y < HEIGHT; y++) pixels.fill(170, y * WIDTH + x, y * WIDTH + x1);
    const [cx, cx1] = [x >> 1, x1 >> 1];
    for (let y = 0; y < HEIGHT / 2; y++) {
      pixels.fill(64, ySize + y * cWidth + cx, ySize + y * cWidth + cx1);
      pixels.fill(200, ySize + cSize + y * cWidth + cx, ySize + cSize + y * cWidth + cx1);
    }
    drawClock(pixels, WIDTH, HEIGHT, new Date(t));
  };

  // Absolute deadlines, skipping ahead when starved (like a camera dropping frames) rather than bursting.
  const tick = () => {
    if (!running) return;
    const now = nowMs();
    if (now - (start + n * interval) > interval) n = Math.floor((now - start) / interval);
    const t = start + n * interval;
    draw(t);
    try {
      source.captureFrame(frame, BigInt(Math.round(t * 1000)));
    } catch (error) {
      if (running) console.error(`video capture failed: ${(error as Error).message}`);
    }
    n++;
    timer = setTimeout(tick, Math.max(0, start + n * interval - nowMs()));
  };
  timer = setTimeout(tick, 0);
  return async () => clearTimeout(timer);
}

function startAudio(source: AudioSource): () => Promise<void> {
  const samplesPerFrame = SAMPLE_RATE / 100;
  const amplitude = 0.25 * 32767;
  // The native source sends 10 ms per tick and never catches up after running dry, so stay a few
  // frames ahead of real time.
  const leadMs = 40;
  const loop = (async () => {
    const start = nowMs();
    let n = 0;
    while (running) {
      const frameStart = start + n * 10;
      const now = nowMs();
      if (now - frameStart > 200) {
        n = Math.floor((now - start) / 10);
        continue;
      }
      const wait = frameStart - leadMs - now;
      if (wait > 1) await sleep(wait);
      if (!running) break;
      const frame = AudioFrame.create(SAMPLE_RATE, 1, samplesPerFrame);
      for (let k = 0; k < samplesPerFrame; k++) {
        const s = n * samplesPerFrame + k;
        // Swells once a second (never to silence): a clock's pulse rather than a flat drone.
        const swell = 0.55 + 0.45 * Math.cos((2 * Math.PI * s) / SAMPLE_RATE);
        frame.data[k] = Math.round(amplitude * swell * Math.sin((2 * Math.PI * TONE_HZ * s) / SAMPLE_RATE));
      }
      try {
        await source.captureFrame(frame);
      } catch (error) {
        if (running) console.error(`audio capture failed: ${(error as Error).message}`);
      }
      n++;
    }
  })();
  return async () => {
    await loop;
  };
}

async function publish(): Promise<void> {
  const identity = setting('DEMO_IDENTITY');
  const token = new AccessToken(setting('DEMO_LIVEKIT_API_KEY'), setting('DEMO_LIVEKIT_API_SECRET'), {
    identity,
    name: 'Demo camera',
    // The demo runs for as long as the user wants; a reconnect needs a token that is still valid.
    ttl: '30d',
  });
  token.addGrant({ room: setting('DEMO_ROOM'), roomJoin: true, canPublish: true, canSubscribe: false });
  const r = new Room();
  // Final (rtc-node has given up reconnecting): the demo hears of it through this process's exit.
  r.on(RoomEvent.Disconnected, (reason) => {
    if (!running) return;
    tell({ event: 'disconnected', reason: String(reason) });
    void stop(1);
  });
  await r.connect(setting('DEMO_LIVEKIT_URL'), await token.toJwt(), { autoSubscribe: false, dynacast: false });
  room = r;

  const videoSource = new VideoSource(WIDTH, HEIGHT);
  const videoTrack = LocalVideoTrack.createVideoTrack('clock', videoSource);
  const video = await r.localParticipant!.publishTrack(
    videoTrack,
    new TrackPublishOptions({
      source: TrackSource.SOURCE_CAMERA,
      simulcast: false,
      videoCodec: VideoCodec.VP8,
      // Without an explicit encoding the SDK caps 360p at 25 fps.
      videoEncoding: { maxBitrate: BigInt(Math.round(WIDTH * HEIGHT * FPS * 0.1)), maxFramerate: FPS },
    }),
  );
  stops.push(startVideo(videoSource));

  const audioSource = new AudioSource(SAMPLE_RATE, 1, 200);
  const audioTrack = LocalAudioTrack.createAudioTrack('tone', audioSource);
  const audio = await r.localParticipant!.publishTrack(
    audioTrack,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE, dtx: false }),
  );
  stops.push(startAudio(audioSource));
  tell({ event: 'ready', video: video.sid!, audio: audio.sid! });
}

let stopping: Promise<void> | undefined;
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    running = false;
    // A wedged native call must not keep the demo from ending.
    setTimeout(() => process.exit(code), 4_000).unref();
    for (const halt of stops) await halt().catch(() => {});
    await room?.disconnect().catch(() => {});
    await dispose().catch(() => {});
    process.exit(code);
  })();
  return stopping;
}

if (!process.send) {
  console.error('scripts/demo/publisher.ts is started by scripts/demo.ts (it needs an IPC channel)');
  process.exit(2);
}
// The parent is gone (ended, crashed or killed) or asks to stop.
process.on('disconnect', () => void stop(0));
process.on('message', (message) => {
  if ((message as { cmd?: string }).cmd === 'stop') void stop(0);
});
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

publish().catch((error: Error) => {
  tell({ event: 'failed', message: error.message });
  void stop(1);
});
