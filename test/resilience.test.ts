import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { reassemble } from './harness/frames.js';
import { query, request, subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { FrameChunks, MediaStatsQuery, SessionEvents, SessionQuery, StartSession, StopSession } from './harness/operations.js';
import { childPids, ip, mountSmallDisk, resetOwnConnections } from './harness/processes.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { RawSocket, sseSubscription } from './harness/raw-clients.js';

const Audio = graphql(`
  subscription ResilientAudio($roomName: String!, $participantIdentity: String, $options: AudioFramesOptions) {
    audioFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {
      seq
      timestampUs
      samplesPerChannel
    }
  }
`);

const Snap = graphql(`
  query ResilientSnapshot($roomName: String!) {
    snapshot(roomName: $roomName, maxWidth: 160) {
      width
      data
    }
  }
`);

const Record = graphql(`
  mutation ResilientStartRecording($roomName: String!) {
    startRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

const StopRecord = graphql(`
  mutation ResilientStopRecording($roomName: String!) {
    stopRecording(roomName: $roomName) {
      id
      state
      participantIdentity
      startedAt
      endedAt
      files {
        kind
        durationSec
      }
      gaps {
        kind
        trackSid
        source
        start
        end
        reason
      }
      manifestDownloadPath
    }
  }
`);

const Delete = graphql(`
  mutation ResilientDelete($id: ID!) {
    deleteRecording(id: $id) {
      id
    }
  }
`);

const Recordings = graphql(`
  query ResilientRecordings($roomName: String) {
    recordings(roomName: $roomName, first: 50) {
      edges {
        node {
          id
          state
          files {
            kind
            path
          }
        }
      }
    }
  }
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live media that holds up: cancellation, reconnects and failures against real processes', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let client: Client;
  let camera: Publisher;
  const ROOM = 'resilient-room';

  const stats = async (target: TestApp = app) => (await query(target.url, MediaStatsQuery)).mediaStats;
  const ffmpegChildren = () => childPids(process.pid, 'ffmpeg').length;
  const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await stats())}, ffmpeg children ${ffmpegChildren()}`);
      await sleep(100);
    }
  };
  const publisher = (room: string, identity: string) =>
    startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity });

  beforeAll(async () => {
    livekit = await startLiveKit();
    // The outage test's gaps are those of the TRANSCODE recorder, which sees media as rtc-node hands
    // it over; the tap's files keep what the server resent after an outage (test/passthrough.test.ts).
    app = await startApp({ livekit, recordingMode: 'TRANSCODE', feeds: { lingerMs: 500 } });
    client = wsClient(app.url);
    camera = await publisher(ROOM, 'camera');
    await camera.publishVideo({ width: 640, height: 360, fps: 30 });
    await camera.publishAudio({ frequency: 440 });
    await query(app.url, StartSession, { roomName: ROOM });
  });

  afterAll(async () => {
    await client?.dispose();
    await app?.close();
    killAllPublishers();
    await livekit?.stop();
  });

  it('releases everything when 100 subscriptions are cancelled before, during and right after their first frame, over graphql-ws and SSE', async () => {
    const idle = { videoSubscribers: 0, audioSubscribers: 0, videoRenditions: 0, runningEncoders: 0 };
    const pick = ({ videoSubscribers, audioSubscribers, videoRenditions, runningEncoders }: typeof idle) => ({
      videoSubscribers,
      audioSubscribers,
      videoRenditions,
      runningEncoders,
    });
    expect(pick(await stats())).toEqual(idle);
    const formats = ['JPEG', 'I420', 'RGBA'] as const;
    const frames = print(FrameChunks);
    const audio = print(Audio);
    const run = async (i: number) => {
      const isAudio = i % 7 === 6;
      const document = isAudio ? audio : frames;
      // Distinct sizes make distinct renditions, each with its own encoder to leak.
      const variables = isAudio
        ? { roomName: ROOM, options: { sampleRate: [16000, 24000, 48000][i % 3], channels: 1 + (i % 2) } }
        : { roomName: ROOM, options: { format: formats[i % 3], maxWidth: 96 + 16 * (i % 12) } };
      const mode = i % 5;
      if (mode === 3) return sseSubscription(app.url, document, variables, 'at-once');
      if (mode === 4) return sseSubscription(app.url, document, variables, 'first-event');
      const socket = new RawSocket(app.url);
      try {
        await socket.ready();
        const id = socket.subscribe(document, variables);
        // 0: in the same tick as subscribe, before anything runs; 1: while the first frame is on its way; 2: right after it.
        if (mode === 1) await sleep(5 + (i % 40) * 5);
        if (mode === 2) expect(await socket.firstMessage(id)).toBe(true);
        socket.complete(id);
        await sleep(50);
      } finally {
        socket.close();
      }
      return 0;
    };
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => run(batch * 10 + k)));
    }
    await until(async () => JSON.stringify(pick(await stats())) === JSON.stringify(idle), 'every subscriber and encoder released');
    await until(() => ffmpegChildren() === 0, 'every ffmpeg child gone');
    // And the pipeline still works afterwards.
    const after = subscribe(client, FrameChunks, { roomName: ROOM, options: { format: 'JPEG', maxWidth: 160 } });
    await after.waitFor(() => true, 20_000, 'a frame after the cancellations');
    after.unsubscribe();
    await until(async () => (await stats()).videoSubscribers === 0, 'the last subscriber released');
  });

  it('serves a snapshot while the last subscribers of the track leave', async () => {
    for (let i = 0; i < 12; i++) {
      const frames = subscribe(client, FrameChunks, { roomName: ROOM, options: { format: 'I420', maxWidth: 160 } });
      await frames.waitFor(() => true, 20_000, 'a frame');
      frames.unsubscribe();
      await sleep(i * 60);
      const result = await request(app.url, Snap, { roomName: ROOM });
      expect(result.errors).toBeUndefined();
      expect(result.data?.snapshot.width).toBe(160);
    }
  });

  it('completes video and audio subscriptions at once when their participant leaves', async () => {
    const room = 'leaving-room';
    const guest = await publisher(room, 'guest');
    await guest.publishVideo({ width: 320, height: 180, fps: 15 });
    await guest.publishAudio();
    await query(app.url, StartSession, { roomName: room });
    const video = subscribe(client, FrameChunks, { roomName: room, options: { format: 'I420', maxWidth: 160 } });
    const sound = subscribe(client, Audio, { roomName: room });
    await video.waitFor(() => true, 20_000, 'a video frame');
    await sound.waitFor(() => true, 20_000, 'an audio chunk');
    const left = Date.now();
    await guest.disconnect();
    await video.waitForCompletion(10_000);
    await sound.waitForCompletion(10_000);
    // The follow grace (3 s) is for a republish by someone still in the room.
    expect(Date.now() - left).toBeLessThan(2_500);
    expect(video.errors).toEqual([]);
    await query(app.url, StopSession, { roomName: room });
  });

  it('ends subscriptions with SESSION_ENDED when the session stops, and still shows that session by room name', async () => {
    const room = 'ending-room';
    const guest = await publisher(room, 'guest');
    await guest.publishVideo({ width: 320, height: 180, fps: 15 });
    const started = await query(app.url, StartSession, { roomName: room });
    const video = subscribe(client, FrameChunks, { roomName: room, options: { format: 'I420', maxWidth: 160 } });
    await video.waitFor(() => true, 20_000, 'a video frame');
    await query(app.url, StopSession, { roomName: room });
    await until(() => video.errors.length > 0 || video.completed, 'the subscription to end');
    expect(JSON.stringify(video.errors)).toContain('SESSION_ENDED');
    const session = await query(app.url, SessionQuery, { roomName: room });
    expect(session.session?.id).toBe(started.startSession.id);
    expect(session.session?.state).toBe('ENDED');
    await guest.disconnect();
  });

  it('ends subscriptions with ENCODER_FAILED when their encoder dies, and the server goes on', async () => {
    const before = new Set(childPids(process.pid, 'ffmpeg'));
    const video = subscribe(client, FrameChunks, { roomName: ROOM, options: { format: 'JPEG', maxWidth: 208, quality: 33 } });
    await video.waitFor(() => true, 20_000, 'a frame');
    const encoder = childPids(process.pid, 'ffmpeg').filter((pid) => !before.has(pid));
    expect(encoder).toHaveLength(1);
    process.kill(encoder[0], 'SIGKILL');
    await until(() => video.errors.length > 0 || video.completed, 'the subscription to end');
    expect(JSON.stringify(video.errors)).toContain('ENCODER_FAILED');
    const again = subscribe(client, FrameChunks, { roomName: ROOM, options: { format: 'JPEG', maxWidth: 208, quality: 33 } });
    await again.waitFor(() => true, 20_000, 'a frame from a new encoder');
    again.unsubscribe();
  });

  it('keeps delivering to every other listener when one listener of the room events throws', async () => {
    const room = 'throwing-room';
    const remove = app.services.sessions.events.listen((event) => {
      if (event.roomName === room) throw new Error('a listener that fails');
    });
    try {
      const events = await app.subscribed(() => subscribe(client, SessionEvents, { roomName: room }));
      await query(app.url, StartSession, { roomName: room });
      const guest = await publisher(room, 'thrower-guest');
      await guest.publishAudio();
      await events.waitFor((e) => e.sessionEvents.__typename === 'TrackPublished', 20_000, 'TrackPublished');
      const frames = subscribe(client, Audio, { roomName: room });
      await frames.waitFor(() => true, 20_000, 'audio despite the failing listener');
      frames.unsubscribe();
      events.unsubscribe();
      await query(app.url, StopSession, { roomName: room });
      await guest.disconnect();
    } finally {
      remove();
    }
  });

  it('disconnects a connect that completes after its timeout, leaving no hidden viewer in the room', async () => {
    const room = 'slow-connect-room';
    const guest = await publisher(room, 'host');
    const hasty = await startApp({ livekit, sessions: { connectTimeoutMs: 5 } });
    const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    try {
      const result = await request(hasty.url, StartSession, { roomName: room });
      expect(result.errors?.[0]?.extensions?.code).toBe('ROOM_CONNECT_FAILED');
      // The connect goes on inside rtc-node and lands a moment later; it must leave at once.
      await sleep(5_000);
      const participants = await rooms.listParticipants(room);
      expect(participants.map((p) => p.identity)).toEqual(['host']);
    } finally {
      await hasty.close();
      await guest.disconnect();
    }
  });

  it('waits for a finalizing recording before deleting it, without crashing', async () => {
    const room = 'delete-room';
    const guest = await publisher(room, 'speaker');
    await guest.publishVideo({ width: 320, height: 180, fps: 15 });
    await guest.publishAudio();
    await query(app.url, StartSession, { roomName: room });
    const [recording] = (await query(app.url, Record, { roomName: room })).startRecording;
    await sleep(3_000);
    // Stopping the session finalizes in the background; the delete comes while that runs.
    const stopped = query(app.url, StopSession, { roomName: room });
    await sleep(20);
    const deleted = await request(app.url, Delete, { id: recording.id });
    await stopped;
    expect(deleted.errors).toBeUndefined();
    await sleep(2_000);
    const left = (await query(app.url, Recordings, { roomName: room })).recordings.edges;
    expect(left).toEqual([]);
    await guest.disconnect();
  });

  it('keeps a session, its subscriptions and its recording through a 3 s media outage and a signalling reset', { timeout: 150_000 }, async () => {
    const room = 'outage-room';
    const guest = await publisher(room, 'steady');
    await guest.publishVideo({ width: 320, height: 180, fps: 30 });
    await guest.publishAudio();
    await query(app.url, StartSession, { roomName: room });
    const events = await app.subscribed(() => subscribe(client, SessionEvents, { roomName: room }));
    const video = subscribe(client, FrameChunks, { roomName: room, options: { format: 'I420', maxWidth: 160 } });
    const sound = subscribe(client, Audio, { roomName: room });
    await video.waitFor(() => true, 20_000, 'a video frame');
    await sound.waitFor(() => true, 20_000, 'an audio chunk');
    const recordingStarted = Date.now();
    await query(app.url, Record, { roomName: room });

    /** Each outage: when the address went, when it came back, when the first picture after it came (s from the recording's start). */
    const outages: { cut: number; restored: number; pictureBack: number }[] = [];
    const sinceRecording = () => (Date.now() - recordingStarted) / 1000;
    const outage = async (resetSignalling: boolean) => {
      await sleep(2_000);
      const videoBefore = video.values.length;
      const soundBefore = sound.values.length;
      ip('addr', 'del', '10.77.0.1/24', 'dev', 'hv0');
      const cut = sinceRecording();
      let restored = cut;
      try {
        if (resetSignalling) expect(resetOwnConnections(livekit.port)).toBeGreaterThan(0);
        await sleep(3_000);
      } finally {
        ip('addr', 'add', '10.77.0.1/24', 'dev', 'hv0');
        restored = sinceRecording();
      }
      const framesAtRestore = video.values.length;
      await video.waitFor(() => true, 30_000, 'the first picture after the outage', framesAtRestore);
      outages.push({ cut, restored, pictureBack: sinceRecording() });
      await until(async () => (await query(app.url, SessionQuery, { roomName: room })).session?.state === 'CONNECTED', 'the session CONNECTED', 30_000);
      await video.waitFor(() => video.values.length > videoBefore + 30, 30_000, 'video frames after the outage');
      await sound.waitFor(() => sound.values.length > soundBefore + 50, 30_000, 'audio after the outage');
      expect(video.completed || sound.completed).toBe(false);
      expect([...video.errors, ...sound.errors]).toEqual([]);
    };
    await outage(false);
    await outage(true);
    expect(events.values.map((e) => e.sessionEvents.__typename)).not.toContain('ParticipantLeft');

    // seq and timestampUs go on across both outages.
    const pictures = reassemble(video.values.map((v) => v.videoFrames));
    for (let i = 1; i < pictures.length; i++) {
      expect(pictures[i].seq).toBeGreaterThan(pictures[i - 1].seq);
      expect(pictures[i].timestampUs).toBeGreaterThan(pictures[i - 1].timestampUs);
    }
    const chunks = sound.values.map((v) => v.audioFrames);
    for (let i = 1; i < chunks.length; i++) expect(Number(chunks[i].timestampUs)).toBeGreaterThan(Number(chunks[i - 1].timestampUs));

    await sleep(2_000);
    const stoppedAt = Date.now();
    const [recording] = (await query(app.url, StopRecord, { roomName: room })).stopRecording;
    const window = (stoppedAt - recordingStarted) / 1000;
    expect(recording.state).toBe('COMPLETE');
    for (const kind of ['VIDEO', 'AUDIO'] as const) {
      const file = recording.files.find((f) => f.kind === kind);
      // The files keep wall time across the outages: no part of the window is missing.
      expect(file?.durationSec, `${kind} of a ${window} s window`).toBeGreaterThan(window - 1.5);
      expect(file?.durationSec).toBeLessThan(window + 0.5);
    }
    // Both outages are listed as gaps of both tracks, from the cut (±0.3 s) to when media came back:
    // packets for audio (between the restore and the first picture), the first picture for video.
    const gaps = recording.gaps;
    const described = JSON.stringify({ outages, gaps });
    outages.forEach(({ cut, restored, pictureBack }, i) => {
      for (const kind of ['VIDEO', 'AUDIO'] as const) {
        const gap = gaps.find((g) => g.kind === kind && Math.abs(g.start - cut) <= 0.3 && g.reason !== 'DROPPED');
        expect(gap, `${kind} gap of outage ${i + 1}: ${described}`).toBeDefined();
        expect(gap!.end, described).toBeGreaterThanOrEqual(restored - 0.3);
        expect(gap!.end, described).toBeLessThanOrEqual(pictureBack + 0.3);
        if (kind === 'VIDEO') expect(gap!.end, described).toBeGreaterThanOrEqual(pictureBack - 0.3);
        // The second outage reset the signalling connection too: the session was reconnecting.
        expect(i === 0 ? ['NO_MEDIA', 'RECONNECTING'] : ['RECONNECTING'], described).toContain(gap!.reason);
      }
    });
    // manifest.json beside the files says the same, with each track's clock corrections.
    const manifest = (await (await fetch(`${app.url}${recording.manifestDownloadPath}`)).json()) as {
      startedAt: string;
      gaps: { startSec: number; endSec: number; kind: string; reason: string }[];
      tracks: { sid: string; kind: string; source: string; codec: string; gaps: unknown[]; sync: { receiveDelayMs: number } | null }[];
    };
    expect(manifest.gaps.map((g) => [g.kind, g.startSec, g.endSec, g.reason])).toEqual(gaps.map((g) => [g.kind, g.start, g.end, g.reason]));
    expect(new Date(manifest.startedAt).getTime()).toBe(new Date(recording.startedAt).getTime());
    expect(manifest.tracks.map((t) => t.kind).sort()).toEqual(['AUDIO', 'VIDEO']);
    for (const track of manifest.tracks) {
      expect(track.codec).toMatch(/^(audio|video)\//);
      expect(track.gaps.length).toBeGreaterThanOrEqual(2);
      expect(track.sync?.receiveDelayMs).toBeGreaterThan(0);
    }
    video.unsubscribe();
    sound.unsubscribe();
    events.unsubscribe();
    await query(app.url, StopSession, { roomName: room });
    await guest.disconnect();
  });

  it('survives its database on a full disk: typed errors, no crash, consistent rows once space returns', async () => {
    const small = join(app.dir, 'small-db');
    const unmount = mountSmallDisk(small, '2m');
    const room = 'full-db-room';
    const other = 'full-db-other';
    const guest = await publisher(room, 'talker');
    await guest.publishAudio();
    const cramped = await startApp({ livekit, databasePath: join(small, 'haven.db') });
    const filler = join(small, 'filler');
    try {
      await query(cramped.url, StartSession, { roomName: room });
      // Media flows before the recording starts, so that the recording has some.
      const crampedClient = wsClient(cramped.url);
      const sound = subscribe(crampedClient, Audio, { roomName: room });
      await sound.waitFor(() => true, 20_000, 'audio');
      await query(cramped.url, Record, { roomName: room });
      await sleep(2_000);
      sound.unsubscribe();
      await crampedClient.dispose();
      // Fill the disk: every write from now on fails.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
      } catch {
        // dd stops with ENOSPC, as intended.
      }
      const refused = await request(cramped.url, StartSession, { roomName: other });
      expect(refused.errors?.[0]?.extensions?.code).toBe('STORAGE_FAILED');
      expect((await query(cramped.url, SessionQuery, { roomName: other })).session).toBeNull();
      // Work in progress goes on: the recording stops, the session stops.
      await request(cramped.url, StopRecord, { roomName: room });
      await request(cramped.url, StopSession, { roomName: room });
      expect((await query(cramped.url, SessionQuery, { roomName: room })).session?.state).toBe('ENDED');
      rmSync(filler);
      // Space is back: what was held back is written, and new sessions work.
      const stored = () => {
        const db = new Database(join(small, 'haven.db'), { readonly: true });
        try {
          return {
            sessions: db.prepare('select room_name, state from sessions order by seq').all(),
            recordings: db.prepare('select room_name, state from recordings').all(),
          };
        } finally {
          db.close();
        }
      };
      // What the server said meanwhile is what the file says now: nothing phantom, nothing lost.
      const caughtUp = () =>
        JSON.stringify(stored()) ===
        JSON.stringify({ sessions: [{ room_name: room, state: 'ENDED' }], recordings: [{ room_name: room, state: 'COMPLETE' }] });
      await until(caughtUp, 'the rows to catch up', 20_000).catch((error) => {
        throw new Error(`${(error as Error).message}; stored: ${JSON.stringify(stored())}`);
      });
      await query(cramped.url, StartSession, { roomName: other });
      await query(cramped.url, StopSession, { roomName: other });
    } finally {
      await cramped.close();
      await guest.disconnect();
      if (existsSync(filler)) rmSync(filler);
      unmount();
    }
  });

  it('comes back, or ends with a reason, when livekit-server is killed and restarted on the same port: never stuck', { timeout: 120_000 }, async () => {
    const doomed = await startLiveKit();
    const own = await startApp({ livekit: doomed });
    const ownClient = wsClient(own.url);
    const room = 'restart-room';
    const guest = await startPublisher({ url: doomed.url, apiKey: doomed.apiKey, apiSecret: doomed.apiSecret, room, identity: 'survivor' });
    let restarted: LiveKitServer | undefined;
    try {
      await guest.publishAudio();
      await query(own.url, StartSession, { roomName: room });
      const sound = subscribe(ownClient, Audio, { roomName: room });
      await sound.waitFor(() => true, 20_000, 'audio before the restart');
      doomed.kill('SIGKILL');
      await sleep(1_000);
      restarted = await startLiveKit({ again: doomed.again });
      const before = sound.values.length;
      // rtc-node rejoins the restarted server (a full reconnect, which makes the room anew), or,
      // when its retries run out first (a slow restart), the session ends with LiveKit's reason.
      const state = async () => (await query(own.url, SessionQuery, { roomName: room })).session;
      await until(
        async () => sound.values.length > before + 50 || sound.completed || sound.errors.length > 0 || (await state())?.state === 'ENDED',
        'audio again, the track gone, or the session ended',
        60_000,
      );
      const session = await state();
      if (session?.state !== 'ENDED' && (sound.completed || sound.errors.length > 0) && sound.values.length <= before + 50) {
        // The publisher took longer to rejoin than the session waits after its own reconnect: its
        // track was reported gone (the subscription completed, as documented) and comes back as a
        // new track, which a new subscription gets.
        expect(sound.errors).toEqual([]);
        await until(
          async () => (await state())?.participants.some((p) => p.identity === 'survivor' && p.tracks.some((t) => t.kind === 'AUDIO')) ?? false,
          'the publisher and its track back',
          30_000,
        );
        const again = subscribe(ownClient, Audio, { roomName: room });
        await again.waitFor(() => true, 20_000, 'audio from the track published again');
        again.unsubscribe();
        expect((await state())?.state).toBe('CONNECTED');
        console.log('livekit-server restart: the session came back; the publisher rejoined later with a new track');
      } else if (session?.state === 'ENDED') {
        expect(session.endReason).toBeTruthy();
        await until(() => sound.errors.length > 0 || sound.completed, 'the subscription to end');
        expect(JSON.stringify(sound.errors)).toContain('SESSION_ENDED');
        const again = await query(own.url, StartSession, { roomName: room });
        expect(again.startSession.state).toBe('CONNECTED');
        console.log(`livekit-server restart: the session ended (${session.endReason}); a new one connected`);
      } else {
        expect(session?.state).toBe('CONNECTED');
        expect(session?.participants.map((p) => p.identity)).toEqual(['survivor']);
        expect(sound.completed).toBe(false);
        expect(sound.errors).toEqual([]);
        console.log('livekit-server restart: the session came back and the subscription went on');
      }
      sound.unsubscribe();
      await query(own.url, StopSession, { roomName: room });
    } finally {
      guest.kill();
      await ownClient.dispose();
      await own.close();
      await restarted?.stop();
      await doomed.stop();
    }
  });
});
