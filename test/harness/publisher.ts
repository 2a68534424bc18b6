/**
 * A fake LiveKit participant that publishes synthetic camera/microphone tracks.
 *
 * Runs as a CHILD PROCESS (forked by publisher-client.ts with `node --import tsx`)
 * and is driven over Node IPC. It lives in its own process because rtc-node's
 * native FFI runtime is a process-wide singleton with its own threads: keeping
 * it out of the vitest worker (and out of the server under test) means a
 * publisher can be killed hard, like a browser tab closing, without taking
 * anything else down, and its CPU use is visible per process.
 *
 * Protocol: parent sends {id, cmd, args}; child answers {id, ok: true, result}
 * or {id, ok: false, error}. The child also emits {event: 'ready'} once loaded
 * and {event: 'disconnected', reason} if the room drops.
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
  type LocalTrack,
} from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

export interface ConnectArgs {
  url: string;
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  name?: string;
  metadata?: string;
  /** Participant attributes in its token (e.g. `haven.record: 'off'`). */
  attributes?: Record<string, string>;
}

export interface PublishVideoArgs {
  width?: number;
  height?: number;
  fps?: number;
  name?: string;
  /** White picture for ~100 ms at every whole second since syncEpochMs. */
  syncFlash?: boolean;
  /** Wall-clock ms (Date.now() domain) the once-per-second flashes/beeps are aligned to. Default 0: every whole second. */
  syncEpochMs?: number;
  /** Default false: one layer keeps encoder CPU low on 2 cores. */
  simulcast?: boolean;
  codec?: 'vp8' | 'h264' | 'vp9' | 'av1';
  maxBitrate?: number;
  source?: 'camera' | 'screenshare';
  /** Luma (16-235) of a flat background instead of the dark gradient, to tell two pictures apart. */
  background?: number;
  /** The same picture every frame (a slide shared as a screen): no moving bar. */
  still?: boolean;
  /** Publishes the track and never captures a frame (a camera that never delivers). */
  noFrames?: boolean;
}

export interface PublishAudioArgs {
  sampleRate?: number;
  channels?: number;
  frequency?: number;
  name?: string;
  /** Silence with a 1 kHz beep for ~100 ms at every whole second since syncEpochMs. */
  syncFlash?: boolean;
  syncEpochMs?: number;
  /** 0..1 of full scale (default 0.3). */
  amplitude?: number;
  /** Default microphone. */
  source?: 'microphone' | 'screenshare_audio';
  /**
   * As an application with a microphone would publish: each 10 ms pushed when it is due (not
   * ahead of time) into an AudioSource with a 50 ms queue. The publisher's own send delay then
   * varies from run to run, as a real one's does.
   */
  realtime?: boolean;
}

export interface TrackStatus {
  sid: string;
  kind: 'video' | 'audio';
  name: string;
  muted: boolean;
  framesCaptured: number;
}

export interface PublisherStatus {
  connected: boolean;
  identity?: string;
  tracks: TrackStatus[];
}

export type Request =
  | { id: number; cmd: 'connect'; args: ConnectArgs }
  | { id: number; cmd: 'publishVideo'; args?: PublishVideoArgs }
  | { id: number; cmd: 'publishAudio'; args?: PublishAudioArgs }
  | { id: number; cmd: 'mute' | 'unmute' | 'unpublish'; args: { trackSid: string } }
  | { id: number; cmd: 'resizeVideo'; args: { trackSid: string; width: number; height: number } }
  | { id: number; cmd: 'status' | 'disconnect'; args?: undefined };

export type Reply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
export type ChildEvent = { event: 'ready' } | { event: 'disconnected'; reason: string };

const FLASH_MS = 100;
const BEEP_HZ = 1000;

/** Wall-clock milliseconds from a monotonic source, so pacing never jumps with NTP yet lines up across processes. */
const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Pump {
  sid: string;
  kind: 'video' | 'audio';
  name: string;
  track: LocalTrack;
  muted: boolean;
  frames: number;
  /** Stops producing frames. */
  halt(): Promise<void>;
  /** Video only: captures frames of another size from the next frame on, into the same track. */
  resize?(width: number, height: number): void;
  /** Frees the native track and source; only after unpublish / room disconnect. */
  release(): Promise<void>;
}

let room: Room | undefined;
const pumps = new Map<string, Pump>();
let shuttingDown = false;

function send(msg: Reply | ChildEvent): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

function requireRoom(): Room {
  if (!room || !room.localParticipant) throw new Error('not connected: send connect first');
  return room;
}

async function connect(a: ConnectArgs): Promise<{ identity: string; sid: string | undefined }> {
  if (room) throw new Error('already connected');
  const at = new AccessToken(a.apiKey, a.apiSecret, {
    identity: a.identity,
    name: a.name ?? a.identity,
    metadata: a.metadata,
    attributes: a.attributes,
    ttl: '2h',
  });
  at.addGrant({ room: a.room, roomJoin: true, canPublish: true, canSubscribe: false, canPublishData: true });
  const token = await at.toJwt();
  const r = new Room();
  r.on(RoomEvent.Disconnected, (reason) => {
    if (!shuttingDown) void send({ event: 'disconnected', reason: String(reason) });
  });
  // A publisher never needs to receive media; not subscribing saves a
  // decoder per remote track on a 2-core machine.
  await r.connect(a.url, token, { autoSubscribe: false, dynacast: false });
  room = r;
  return { identity: r.localParticipant!.identity, sid: r.localParticipant!.sid };
}

// ---------------------------------------------------------------- video

function codecOf(c: PublishVideoArgs['codec']): VideoCodec {
  switch (c ?? 'vp8') {
    case 'vp8':
      return VideoCodec.VP8;
    case 'h264':
      return VideoCodec.H264;
    case 'vp9':
      return VideoCodec.VP9;
    case 'av1':
      return VideoCodec.AV1;
    default:
      throw new Error(`unknown codec ${String(c)}`);
  }
}

function isFlash(tMs: number, epochMs: number): boolean {
  const phase = (((tMs - epochMs) % 1000) + 1000) % 1000;
  return phase < FLASH_MS;
}

/** One reusable I420 frame of the synthetic picture at one size, and what drawing it needs. */
function makePicture(width: number, height: number, flat?: number) {
  if (width % 2 || height % 2) throw new Error('I420 needs even width and height');
  // I420 layout: Y plane (w*h), then U and V (w/2*h/2 each). rtc-node hands
  // the FFI a pointer to offset 0 of the Uint8Array's underlying ArrayBuffer
  // (it ignores byteOffset), so the buffer must own its ArrayBuffer: a fresh
  // Uint8Array, never a Buffer from Node's pool or a subarray. The FFI copies
  // the pixels synchronously inside captureFrame, so one buffer is reused.
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const data = new Uint8Array(ySize + 2 * cSize);
  const dataBuf = Buffer.from(data.buffer, 0, data.byteLength); // fill() on row ranges
  // Neutral chroma (grey) everywhere; only luma changes per frame.
  dataBuf.fill(128, ySize);
  // Dark vertical gradient (Y 16..80 top to bottom), built once.
  const background = Buffer.alloc(ySize);
  for (let y = 0; y < height; y++) {
    background.fill(flat ?? 16 + Math.floor((64 * y) / height), y * width, (y + 1) * width);
  }
  const barW = Math.max(2, Math.floor(width / 16));
  return { width, height, ySize, dataBuf, background, barW, frame: new VideoFrame(data, width, height, VideoBufferType.I420) };
}

async function publishVideo(a: PublishVideoArgs = {}): Promise<string> {
  const r = requireRoom();
  const width = a.width ?? 640;
  const height = a.height ?? 360;
  const fps = a.fps ?? 30;
  const name = a.name ?? 'camera';
  const epoch = a.syncEpochMs ?? 0;
  if (width % 2 || height % 2) throw new Error('I420 needs even width and height');
  const source = new VideoSource(width, height);
  const track = LocalVideoTrack.createVideoTrack(name, source);
  const opts = new TrackPublishOptions({
    source: a.source === 'screenshare' ? TrackSource.SOURCE_SCREENSHARE : TrackSource.SOURCE_CAMERA,
    simulcast: a.simulcast ?? false,
    videoCodec: codecOf(a.codec),
    // Without an explicit encoding the SDK picks its preset for the
    // resolution, which caps 360p at 25 fps (measured) whatever we capture.
    // ~0.08 bit/pixel is plenty for this synthetic picture.
    // (protobuf-es turns this plain object into a VideoEncoding message.)
    videoEncoding: {
      maxBitrate: BigInt(a.maxBitrate ?? Math.round(width * height * fps * 0.08)),
      maxFramerate: fps,
    },
  });
  const pub = await r.localParticipant!.publishTrack(track, opts);
  const sid = pub.sid!;

  let picture = makePicture(width, height, a.background);

  const pump: Pump = {
    sid,
    kind: 'video',
    name,
    track,
    muted: false,
    frames: 0,
    halt: async () => {},
    release: async () => {
      await track.close(true).catch(() => {});
    },
  };
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  const interval = 1000 / fps;
  // With syncFlash the frame clock runs on the flash grid (whole seconds since the epoch, plus half
  // a millisecond against rounding), so a flash frame is captured at the flash instant itself, as
  // the beep's first sample is: the signal carries no offset of its own for a sync measurement.
  const start = a.syncFlash ? epoch + 0.5 + Math.ceil((nowMs() - epoch) / interval) * interval : nowMs();
  let n = 0;

  const draw = (tMs: number) => {
    const { width: w, height: h, ySize, dataBuf, background, barW } = picture;
    if (a.syncFlash && isFlash(tMs, epoch)) {
      dataBuf.fill(235, 0, ySize);
      return;
    }
    background.copy(dataBuf, 0, 0, ySize);
    if (a.still) return;
    // The bar crosses the frame in 2 s, so consecutive frames always differ
    // (an encoder fed identical frames sends almost nothing).
    const x = Math.floor(((tMs - start) / 2000) * w) % w;
    const x1 = Math.min(w, x + barW);
    for (let y = 0; y < h; y++) dataBuf.fill(235, y * w + x, y * w + x1);
  };

  // Absolute deadlines (start + n*interval) instead of setInterval, whose
  // error accumulates; if we fall behind (CPU starved) skip ahead rather than
  // bursting, like a real camera that drops frames.
  const tick = () => {
    if (!running) return;
    const now = nowMs();
    const due = start + n * interval;
    if (now - due > interval) n = Math.floor((now - start) / interval);
    const t = start + n * interval;
    draw(t);
    try {
      source.captureFrame(picture.frame, BigInt(Math.round(t * 1000)));
      pump.frames++;
    } catch (err) {
      if (running) console.error(`[publisher] video capture failed: ${(err as Error).message}`);
    }
    n++;
    timer = setTimeout(tick, Math.max(0, start + n * interval - nowMs()));
  };
  if (!a.noFrames) timer = setTimeout(tick, Math.max(0, start - nowMs()));

  pump.halt = async () => {
    running = false;
    if (timer) clearTimeout(timer);
  };
  // libwebrtc reconfigures the encoder when the captured size changes, as with a camera
  // switching modes: subscribers see the new size within the same track.
  pump.resize = (w, h) => {
    picture = makePicture(w, h, a.background);
  };
  pumps.set(sid, pump);
  return sid;
}

// ---------------------------------------------------------------- audio

async function publishAudio(a: PublishAudioArgs = {}): Promise<string> {
  const r = requireRoom();
  const sampleRate = a.sampleRate ?? 48000;
  const channels = a.channels ?? 1;
  const freq = a.frequency ?? 440;
  const name = a.name ?? 'microphone';
  const epoch = a.syncEpochMs ?? 0;
  const amp = Math.round((a.amplitude ?? 0.3) * 32767);
  const beepAmp = Math.round(0.8 * 32767);
  if (sampleRate % 100) throw new Error('sampleRate must be a multiple of 100 (10 ms frames)');

  // queueSize bounds how far ahead of real time the native source lets us
  // get before captureFrame blocks; we pace ourselves (LEAD_MS ahead), so it
  // is only a safety net against unbounded latency. (0 would bypass the
  // buffer and its steady 10 ms tick, exposing our timer jitter.)
  const source = new AudioSource(sampleRate, channels, a.realtime ? 50 : 200);
  const track = LocalAudioTrack.createAudioTrack(name, source);
  const opts = new TrackPublishOptions({
    source: a.source === 'screenshare_audio' ? TrackSource.SOURCE_SCREENSHARE_AUDIO : TrackSource.SOURCE_MICROPHONE,
    // DTX would turn the silent gaps of syncFlash audio into comfort noise /
    // missing packets; keep a steady packet stream instead.
    dtx: false,
  });
  const pub = await r.localParticipant!.publishTrack(track, opts);
  const sid = pub.sid!;

  const spf = sampleRate / 100; // samples per channel per 10 ms frame
  const pump: Pump = {
    sid,
    kind: 'audio',
    name,
    track,
    muted: false,
    frames: 0,
    halt: async () => {},
    release: async () => {
      await track.close(true).catch(() => {});
    },
  };
  let running = true;

  // The native source (webrtc-sys AudioTrackSource) hands 10 ms from its
  // buffer to the encoder on a fixed 10 ms tick and skips a tick when the
  // buffer is empty; everything after such an underrun goes out later for
  // good (nothing ever drains the extra), i.e. audio would drift behind video
  // after every event-loop stall. Staying LEAD_MS ahead keeps the buffer
  // primed without adding latency: the buffer level is LEAD_MS, so the
  // sample for wall time t still leaves the source at ~t (within one tick).
  // 100 ms outlasts the event-loop delays of a loaded 2-core machine, where
  // 40 ms let an underrun move all later audio by 10-20 ms.
  // A microphone hands over 10 ms once they are captured: realtime audio goes out 10 ms after its first sample.
  const LEAD_MS = a.realtime ? -10 : 100;
  const loop = (async () => {
    const start = nowMs();
    let n = 0; // frame index; sample k of frame n is at start + (n*spf + k)/sampleRate s
    while (running) {
      const frameStart = start + n * 10;
      const now = nowMs();
      if (now - frameStart > 200) {
        // Starved for a long time (e.g. stopped in a debugger): resync
        // instead of trying to catch up with a burst.
        n = Math.floor((now - start) / 10);
        continue;
      }
      const wait = frameStart - LEAD_MS - now;
      if (wait > 1) await sleep(wait);
      if (!running) break;
      const frame = AudioFrame.create(sampleRate, channels, spf);
      const d = frame.data;
      const base = n * spf;
      for (let k = 0; k < spf; k++) {
        const s = base + k;
        const tMs = start + (s * 1000) / sampleRate;
        let v: number;
        if (a.syncFlash) {
          v = isFlash(tMs, epoch) ? Math.round(beepAmp * Math.sin((2 * Math.PI * BEEP_HZ * s) / sampleRate)) : 0;
        } else {
          v = Math.round(amp * Math.sin((2 * Math.PI * freq * s) / sampleRate));
        }
        for (let c = 0; c < channels; c++) d[k * channels + c] = v;
      }
      try {
        await source.captureFrame(frame);
        pump.frames++;
      } catch (err) {
        if (running) console.error(`[publisher] audio capture failed: ${(err as Error).message}`);
        if (!running) break;
      }
      n++;
    }
  })();

  pump.halt = async () => {
    running = false;
    await loop;
  };
  pumps.set(sid, pump);
  return sid;
}

// ---------------------------------------------------------------- mute / unpublish

interface FfiLike {
  request<T>(req: unknown): T;
}

function setMuted(trackSid: string, mute: boolean): { muted: boolean } {
  const p = pumps.get(trackSid);
  if (!p) throw new Error(`no published track ${trackSid}`);
  // rtc-node 1.1.0 has no LocalTrack.mute(); the FFI request it would use
  // (LocalTrackMuteRequest) exists, so call it through the SDK's own client
  // singleton. The native side disables the track and signals TrackMuted to
  // the server, like a browser client muting. Measured effect on a
  // subscriber: video frames stop arriving entirely (no black frames), audio
  // frames keep coming but are digital silence. We keep feeding frames, as a
  // camera would.
  const ffi = (globalThis as { _ffiClientInstance?: FfiLike })._ffiClientInstance;
  if (!ffi) throw new Error('rtc-node FFI client not initialised');
  const res = ffi.request<{ muted?: boolean }>({
    message: { case: 'localTrackMute', value: { trackHandle: p.track.ffi_handle.handle, mute } },
  });
  p.muted = res?.muted ?? mute;
  return { muted: p.muted };
}

function resizeVideo(trackSid: string, width: number, height: number): void {
  const p = pumps.get(trackSid);
  if (!p?.resize) throw new Error(`no published video track ${trackSid}`);
  p.resize(width, height);
}

async function unpublish(trackSid: string): Promise<void> {
  const r = requireRoom();
  const p = pumps.get(trackSid);
  if (!p) throw new Error(`no published track ${trackSid}`);
  pumps.delete(trackSid);
  await p.halt();
  await r.localParticipant!.unpublishTrack(trackSid);
  await p.release();
}

function status(): PublisherStatus {
  return {
    connected: !!room?.isConnected,
    identity: room?.localParticipant?.identity,
    tracks: [...pumps.values()].map((p) => ({
      sid: p.sid,
      kind: p.kind,
      name: p.name,
      muted: p.muted,
      framesCaptured: p.frames,
    })),
  };
}

// ---------------------------------------------------------------- lifecycle

/** Stops all pumps and leaves the room; safe to call more than once. */
async function leave(): Promise<void> {
  const all = [...pumps.values()];
  pumps.clear();
  for (const p of all) await p.halt().catch(() => {});
  const r = room;
  room = undefined;
  if (r) await r.disconnect().catch(() => {});
  // Native tracks/sources are freed only once nothing can use them any more.
  for (const p of all) await p.release();
}

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    // Never hang on a wedged native call: the parent is waiting for us.
    const hard = setTimeout(() => process.exit(code), 5_000);
    hard.unref();
    try {
      await leave();
      // dispose() tears down the native runtime; without it the process can
      // linger on FFI threads after the event loop is empty.
      await dispose().catch(() => {});
    } finally {
      process.exit(code);
    }
  }
  return new Promise<never>(() => {});
}

async function handle(msg: Request): Promise<unknown> {
  switch (msg.cmd) {
    case 'connect':
      return connect(msg.args);
    case 'publishVideo':
      return publishVideo(msg.args);
    case 'publishAudio':
      return publishAudio(msg.args);
    case 'mute':
      return setMuted(msg.args.trackSid, true);
    case 'unmute':
      return setMuted(msg.args.trackSid, false);
    case 'unpublish':
      return unpublish(msg.args.trackSid);
    case 'resizeVideo':
      return resizeVideo(msg.args.trackSid, msg.args.width, msg.args.height);
    case 'status':
      return status();
    case 'disconnect':
      return undefined; // handled below, after the reply is sent
    default:
      throw new Error(`unknown command ${(msg as { cmd: string }).cmd}`);
  }
}

if (!process.send) {
  console.error('publisher.ts must be started with an IPC channel (use publisher-client.ts)');
  process.exit(2);
}

process.on('message', (raw) => {
  const msg = raw as Request;
  if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
  void (async () => {
    let reply: Reply;
    try {
      reply = { id: msg.id, ok: true, result: await handle(msg) };
    } catch (err) {
      const e = err as Error;
      reply = { id: msg.id, ok: false, error: e?.stack || e?.message || String(err) };
    }
    if (msg.cmd === 'disconnect') {
      // Leave first so that the parent's await means "gone from the room".
      shuttingDown = true; // no 'disconnected' event for a requested leave
      await leave().catch(() => {});
      await send(reply);
      shuttingDown = false;
      await shutdown(0);
      return;
    }
    await send(reply);
  })();
});

// Parent gone (crashed, killed, or closed the channel): leave the room.
process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

void send({ event: 'ready' });
