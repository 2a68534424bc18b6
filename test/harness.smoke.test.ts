/**
 * Proves the real-process harness works end to end: livekit-server starts,
 * a publisher child publishes synthetic camera + microphone tracks, and a
 * subscriber (rtc-node in this worker) receives decoded video and audio.
 * If media does not flow here (e.g. ICE fails because the test is not inside
 * scripts/in-netns.sh), no media test in this project can pass.
 */
import {
  AudioStream,
  dispose,
  RemoteParticipant,
  Room,
  RoomEvent,
  TrackKind,
  TrackSource,
  VideoBufferType,
  VideoStream,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';

const ROOM = 'smoke';
const W = 640;
const H = 360;

let lk: LiveKitServer | undefined;
let pub: Publisher | undefined;
let syncPub: Publisher | undefined;
const viewers: Room[] = [];

async function viewerToken(identity: string, room: string): Promise<string> {
  const at = new AccessToken(lk!.apiKey, lk!.apiSecret, { identity });
  // hidden: like the server under test, the viewer must not appear to others.
  at.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, hidden: true });
  return at.toJwt();
}

function waitFor<T>(what: string, ms: number, poll: () => T | undefined, logs = () => ''): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const tick = () => {
      const v = poll();
      if (v !== undefined) return resolve(v);
      if (Date.now() > deadline) return reject(new Error(`timed out after ${ms} ms waiting for ${what}\n${logs()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

const diag = () =>
  `--- livekit-server logs (tail) ---\n${lk?.logs().slice(-6000) ?? ''}\n` +
  `--- publisher logs (tail) ---\n${pub?.logs().slice(-4000) ?? ''}${syncPub?.logs().slice(-4000) ?? ''}`;

/** Joins as a hidden subscriber and records every subscribed track by sid. */
async function joinViewer(identity: string, roomName = ROOM) {
  const room = new Room();
  viewers.push(room);
  const subscribed = new Map<string, RemoteTrack>();
  const events: string[] = [];
  room.on(RoomEvent.TrackSubscribed, (track, publication) => {
    subscribed.set(publication.sid!, track);
    events.push(`subscribed ${publication.sid}`);
  });
  room.on(RoomEvent.TrackMuted, (publication) => events.push(`muted ${publication.sid}`));
  room.on(RoomEvent.TrackUnmuted, (publication) => events.push(`unmuted ${publication.sid}`));
  room.on(RoomEvent.TrackUnpublished, (publication) => events.push(`unpublished ${publication.sid}`));
  await room.connect(lk!.url, await viewerToken(identity, roomName), { autoSubscribe: true, dynacast: false });
  return { room, subscribed, events };
}

describe('harness smoke: livekit-server + publisher child + subscriber', () => {
  let videoSid = '';
  let audioSid = '';

  beforeAll(async () => {
    lk = await startLiveKit();
    pub = await startPublisher({
      url: lk.url,
      apiKey: lk.apiKey,
      apiSecret: lk.apiSecret,
      room: ROOM,
      identity: 'alice',
      name: 'Alice',
    });
    videoSid = await pub.publishVideo({ width: W, height: H, fps: 30 });
    audioSid = await pub.publishAudio({ frequency: 440 });
  });

  afterAll(async () => {
    // Each step is independent: a failure in one must not leave the others
    // (and their processes) behind.
    for (const v of viewers) await v.disconnect().catch(() => {});
    await pub?.disconnect().catch(() => pub?.kill('SIGKILL'));
    await syncPub?.disconnect().catch(() => syncPub?.kill('SIGKILL'));
    killAllPublishers();
    await lk?.stop().catch(() => lk?.kill('SIGKILL'));
    // rtc-node's native runtime keeps threads alive; release it so the
    // worker can exit.
    await dispose();
  });

  it('sees the participant and both tracks, and receives video and audio frames', async () => {
    const { room, subscribed } = await joinViewer('smoke-viewer');

    const alice = await waitFor<RemoteParticipant>(
      'participant alice',
      15_000,
      () => room.remoteParticipants.get('alice'),
      diag,
    );
    expect(alice.name).toBe('Alice');
    const pubs = await waitFor<RemoteTrackPublication[]>(
      'both publications',
      15_000,
      () => {
        const v = alice.trackPublications.get(videoSid);
        const a = alice.trackPublications.get(audioSid);
        return v && a ? [v, a] : undefined;
      },
      diag,
    );
    expect(pubs[0]!.kind).toBe(TrackKind.KIND_VIDEO);
    expect(pubs[0]!.source).toBe(TrackSource.SOURCE_CAMERA);
    expect(pubs[0]!.name).toBe('camera');
    expect(pubs[1]!.kind).toBe(TrackKind.KIND_AUDIO);
    expect(pubs[1]!.source).toBe(TrackSource.SOURCE_MICROPHONE);
    expect(pubs[1]!.name).toBe('microphone');

    const t0 = Date.now();
    const videoTrack = await waitFor('video subscription', 20_000, () => subscribed.get(videoSid), diag);
    const audioTrack = await waitFor('audio subscription', 20_000, () => subscribed.get(audioSid), diag);
    const subscribedAfterMs = Date.now() - t0;

    // Video: wait for frames at the published resolution (libwebrtc may start
    // lower while its bandwidth estimate ramps up), and check that the
    // picture moves, i.e. these are our encoded frames, not a frozen one.
    const videoStats = await (async () => {
      const reader = new VideoStream(videoTrack).getReader();
      let total = 0;
      let fullSize = 0;
      let changed = 0;
      let prevY: Uint8Array | undefined;
      const sizes = new Set<string>();
      const deadline = Date.now() + 20_000;
      const firstAt = { ms: -1 };
      try {
        while (fullSize < 30 && Date.now() < deadline) {
          const r = await Promise.race([
            reader.read(),
            new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 5_000)),
          ]);
          if (r === 'timeout' || r.done) break;
          const f = r.value.frame;
          total++;
          if (firstAt.ms < 0) firstAt.ms = Date.now() - t0;
          sizes.add(`${f.width}x${f.height}`);
          if (f.width === W && f.height === H) {
            fullSize++;
            const i420 = f.type === VideoBufferType.I420 ? f : f.convert(VideoBufferType.I420);
            const y = i420.data.slice(0, W * H);
            if (prevY && Buffer.compare(Buffer.from(prevY), Buffer.from(y)) !== 0) changed++;
            prevY = y;
          }
        }
      } finally {
        await reader.cancel().catch(() => {});
        reader.releaseLock();
      }
      return { total, fullSize, changed, sizes: [...sizes], firstFrameMs: firstAt.ms };
    })();

    // Audio: the stream opens with silence until the first packets are
    // decoded; then the 440 Hz sine must be there. Zero crossings per second
    // / 2 estimates the frequency without an FFT.
    const audioStats = await (async () => {
      const reader = new AudioStream(audioTrack, { sampleRate: 48000, numChannels: 1 }).getReader();
      let frames = 0;
      let loud = 0;
      let crossings = 0;
      let loudSamples = 0;
      let prev = 0;
      let peak = 0;
      const deadline = Date.now() + 20_000;
      try {
        while (loud < 100 && Date.now() < deadline) {
          const r = await Promise.race([
            reader.read(),
            new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 5_000)),
          ]);
          if (r === 'timeout' || r.done) break;
          const fr = r.value;
          frames++;
          let framePeak = 0;
          for (let i = 0; i < fr.data.length; i++) framePeak = Math.max(framePeak, Math.abs(fr.data[i]!));
          peak = Math.max(peak, framePeak);
          if (framePeak < 0.05 * 32767) continue;
          loud++;
          for (let i = 0; i < fr.data.length; i++) {
            const s = fr.data[i]!;
            if ((prev < 0 && s >= 0) || (prev >= 0 && s < 0)) crossings++;
            prev = s;
          }
          loudSamples += fr.samplesPerChannel;
        }
      } finally {
        await reader.cancel().catch(() => {});
        reader.releaseLock();
      }
      const hz = loudSamples ? crossings / 2 / (loudSamples / 48000) : 0;
      return { frames, loud, peak, hz };
    })();

    console.info(
      `[smoke] subscribed ${subscribedAfterMs} ms after publications were visible; ` +
        `video ${JSON.stringify(videoStats)}; audio ${JSON.stringify(audioStats)}; ` +
        `netns=${process.env.HAVEN_NETNS ?? 'no'} nodeIp=${lk!.nodeIp}`,
    );

    expect(videoStats.fullSize, `video frames at ${W}x${H} (sizes seen: ${videoStats.sizes})\n${diag()}`).toBeGreaterThanOrEqual(30);
    expect(videoStats.changed, 'consecutive full-size frames that differ').toBeGreaterThanOrEqual(20);
    expect(audioStats.loud, `non-silent 10 ms audio frames\n${diag()}`).toBeGreaterThanOrEqual(100);
    expect(audioStats.hz).toBeGreaterThan(400);
    expect(audioStats.hz).toBeLessThan(480);
  });

  it('relays mute, unmute and unpublish from the publisher child', async () => {
    const { room, events } = await joinViewer('smoke-viewer-2');
    await waitFor('alice', 15_000, () => room.remoteParticipants.get('alice'), diag);

    await pub!.mute(audioSid);
    await waitFor('TrackMuted', 10_000, () => (events.includes(`muted ${audioSid}`) ? true : undefined), diag);
    expect(room.remoteParticipants.get('alice')!.trackPublications.get(audioSid)!.muted).toBe(true);

    await pub!.unmute(audioSid);
    await waitFor('TrackUnmuted', 10_000, () => (events.includes(`unmuted ${audioSid}`) ? true : undefined), diag);

    const st = await pub!.status();
    expect(st.connected).toBe(true);
    expect(st.tracks.find((t) => t.sid === videoSid)!.framesCaptured).toBeGreaterThan(30);

    await pub!.unpublish(videoSid);
    await waitFor('TrackUnpublished', 10_000, () => (events.includes(`unpublished ${videoSid}`) ? true : undefined), diag);
    expect(room.remoteParticipants.get('alice')!.trackPublications.has(videoSid)).toBe(false);
  });

  it('syncFlash: white frames and 1 kHz beeps arrive once per second', async () => {
    const SYNC_ROOM = 'smoke-sync';
    syncPub = await startPublisher({
      url: lk!.url,
      apiKey: lk!.apiKey,
      apiSecret: lk!.apiSecret,
      room: SYNC_ROOM,
      identity: 'bob',
    });
    const vSid = await syncPub.publishVideo({ width: 320, height: 180, fps: 30, syncFlash: true });
    const aSid = await syncPub.publishAudio({ syncFlash: true });
    const { subscribed } = await joinViewer('sync-viewer', SYNC_ROOM);
    const vTrack = await waitFor('sync video subscription', 20_000, () => subscribed.get(vSid), diag);
    const aTrack = await waitFor('sync audio subscription', 20_000, () => subscribed.get(aSid), diag);

    // Onset = first bright frame / loud 10 ms frame after a dark / quiet one,
    // timed on arrival in this process.
    const LISTEN_MS = 4_500;
    const flashes: number[] = [];
    const beeps: number[] = [];
    let beepCycles = 0;
    let beepSamples = 0;
    const end = performance.now() + LISTEN_MS;

    const watchVideo = (async () => {
      const reader = new VideoStream(vTrack).getReader();
      let wasBright = false;
      try {
        while (performance.now() < end) {
          const r = await Promise.race([
            reader.read(),
            new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 2_000)),
          ]);
          if (r === 'timeout' || r.done) break;
          const f = r.value.frame.type === VideoBufferType.I420 ? r.value.frame : r.value.frame.convert(VideoBufferType.I420);
          const ySize = f.width * f.height;
          let sum = 0;
          let n = 0;
          for (let i = 0; i < ySize; i += 16) {
            sum += f.data[i]!;
            n++;
          }
          const bright = sum / n > 180;
          // An onset within half a period of the last is the same flash (a frame dropped inside it).
          if (bright && !wasBright && !(performance.now() - (flashes.at(-1) ?? -Infinity) < 500)) flashes.push(performance.now());
          wasBright = bright;
        }
      } finally {
        await reader.cancel().catch(() => {});
        reader.releaseLock();
      }
    })();

    const watchAudio = (async () => {
      const reader = new AudioStream(aTrack, { sampleRate: 48000, numChannels: 1 }).getReader();
      let wasLoud = false;
      let high = false;
      try {
        while (performance.now() < end) {
          const r = await Promise.race([
            reader.read(),
            new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), 2_000)),
          ]);
          if (r === 'timeout' || r.done) break;
          const d = r.value.data;
          let peak = 0;
          for (let i = 0; i < d.length; i++) peak = Math.max(peak, Math.abs(d[i]!));
          const loud = peak > 0.2 * 32767;
          // An onset within half a period of the last is the same beep: at the stream's start the
          // jitter buffer may put a concealed frame inside the first beep (gaps of 50 then 950 ms seen).
          if (loud && !wasLoud && !(performance.now() - (beeps.at(-1) ?? -Infinity) < 500)) beeps.push(performance.now());
          if (loud) {
            // Count rising edges (with hysteresis, since Opus leaves
            // low-level noise in the silence) only between the first and last
            // rising edge in the frame: a 10 ms frame at a beep's start or end
            // is partly silent and would skew a per-frame rate.
            let first = -1;
            let last = -1;
            let edges = 0;
            for (let i = 0; i < d.length; i++) {
              const s = d[i]!;
              if (s > 0.1 * 32767 && !high) {
                high = true;
                if (first < 0) first = i;
                else edges++;
                last = i;
              } else if (s < -0.1 * 32767) high = false;
            }
            if (edges > 0) {
              beepCycles += edges;
              beepSamples += last - first;
            }
          }
          wasLoud = loud;
        }
      } finally {
        await reader.cancel().catch(() => {});
        reader.releaseLock();
      }
    })();

    await Promise.all([watchVideo, watchAudio]);

    const gaps = (xs: number[]) => xs.slice(1).map((x, i) => Math.round(x - xs[i]!));
    // Pair each flash with a beep within half a period (positive = audio
    // arrives later). A flash at the very end of the listening window may have
    // no beep yet; that is not a sync error.
    const offsets = flashes
      .map((f) => beeps.find((b) => Math.abs(b - f) < 500))
      .map((b, i) => (b === undefined ? undefined : Math.round(b - flashes[i]!)))
      .filter((o): o is number => o !== undefined);
    const beepHz = beepSamples ? beepCycles / (beepSamples / 48000) : 0;
    console.info(
      `[smoke] syncFlash: flash gaps ${JSON.stringify(gaps(flashes))} ms, beep gaps ${JSON.stringify(gaps(beeps))} ms, ` +
        `beep ~${Math.round(beepHz)} Hz, audio-minus-video arrival ${JSON.stringify(offsets)} ms`,
    );

    expect(flashes.length, `flashes seen\n${diag()}`).toBeGreaterThanOrEqual(3);
    expect(beeps.length, `beeps heard\n${diag()}`).toBeGreaterThanOrEqual(3);
    for (const g of gaps(flashes)) expect(Math.abs(g - 1000)).toBeLessThan(200);
    for (const g of gaps(beeps)) expect(Math.abs(g - 1000)).toBeLessThan(200);
    expect(beepHz).toBeGreaterThan(900);
    expect(beepHz).toBeLessThan(1100);
    // Loose on purpose: this checks that the publisher puts flash and beep
    // at the same instant. Arrival times in an rtc-node subscriber are not
    // lip-synced (each LiveKit track is its own media stream, so libwebrtc
    // does not synchronise audio against video) and differ by the two jitter
    // buffers' delays; 0-110 ms audio-after-video was seen while developing.
    expect(offsets.length).toBeGreaterThanOrEqual(2);
    for (const o of offsets) expect(Math.abs(o)).toBeLessThan(300);
  });
});
