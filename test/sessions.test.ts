import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { print } from 'graphql';
import { query, request, subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { History, SessionEvents, SessionQuery, SetLiveKit, StartSession, StopSession } from './harness/operations.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { freeTcpPort } from './harness/ports.js';

describe('live sessions against a real LiveKit server', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let client: Client;
  const publishers: Publisher[] = [];
  /** Every raw response body of this suite, to check that the secret never appears. */
  const seen: unknown[] = [];

  const publisher = async (room: string, identity: string, name?: string) => {
    const started = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity, name });
    publishers.push(started);
    return started;
  };

  beforeAll(async () => {
    livekit = await startLiveKit();
    app = await startApp({ livekit });
    client = wsClient(app.url);
  });

  afterAll(async () => {
    await client?.dispose();
    await app?.close();
    killAllPublishers();
    await livekit?.stop();
    expect(JSON.stringify(seen)).not.toContain(livekit.apiSecret);
  });

  it('shows a publisher that was in the room before haven-live joined, with its tracks', async () => {
    const early = await publisher('early-room', 'early-bird', 'Early Bird');
    const videoSid = await early.publishVideo({ width: 320, height: 180, fps: 15 });
    const audioSid = await early.publishAudio();

    const started = await request(app.url, StartSession, { roomName: 'early-room' });
    seen.push(started);
    expect(started.errors).toBeUndefined();
    const session = started.data!.startSession;
    expect(session.state).toBe('CONNECTED');
    expect(session.roomName).toBe('early-room');
    expect(session.participants).toHaveLength(1);
    const [participant] = session.participants;
    expect(participant).toMatchObject({ identity: 'early-bird', name: 'Early Bird' });
    expect(participant.sid).toMatch(/^PA_/);
    expect(participant.joinedAt).not.toBeNull();
    const tracks = Object.fromEntries(participant.tracks.map((track) => [track.sid, track]));
    expect(tracks[videoSid]).toMatchObject({ kind: 'VIDEO', source: 'CAMERA', muted: false, width: 320, height: 180 });
    expect(tracks[audioSid]).toMatchObject({ kind: 'AUDIO', source: 'MICROPHONE', muted: false });

    const stopped = await query(app.url, StopSession, { roomName: 'early-room' });
    expect(stopped.stopSession).toMatchObject({ state: 'ENDED', endReason: 'STOPPED' });
    await early.disconnect();
  });

  it('returns the active session instead of opening a second connection', async () => {
    const [first, second] = await Promise.all([
      query(app.url, StartSession, { roomName: 'idempotent' }),
      query(app.url, StartSession, { roomName: 'idempotent' }),
    ]);
    const third = await query(app.url, StartSession, { roomName: 'idempotent' });
    expect(second.startSession.id).toBe(first.startSession.id);
    expect(third.startSession.id).toBe(first.startSession.id);
    const { activeSessions } = await query(app.url, SessionQuery, { roomName: 'idempotent' });
    expect(activeSessions.filter((session) => session.roomName === 'idempotent')).toHaveLength(1);
    const history = await query(app.url, History, { first: 50 });
    expect(history.sessions.edges.filter((edge) => edge.node.roomName === 'idempotent')).toHaveLength(1);
    await query(app.url, StopSession, { roomName: 'idempotent' });
  });

  it('streams what a publisher does in the room as events, with identities, kinds and sources', async () => {
    const room = 'events-room';
    const events = await app.subscribed(() => subscribe(client, SessionEvents, { roomName: room }));
    const { startSession } = await query(app.url, StartSession, { roomName: room });
    await events.waitFor((e) => e.sessionEvents.__typename === 'ConnectionStateChanged', 10_000, 'CONNECTED');

    const alice = await publisher(room, 'alice', 'Alice');
    const joined = await events.waitFor((e) => e.sessionEvents.__typename === 'ParticipantJoined', 20_000, 'ParticipantJoined');
    expect(joined.sessionEvents).toMatchObject({ sessionId: startSession.id, roomName: room, participant: { identity: 'alice', name: 'Alice' } });

    const videoSid = await alice.publishVideo({ width: 320, height: 180, fps: 15 });
    const audioSid = await alice.publishAudio();
    const published = (sid: string) => (e: (typeof events.values)[number]) =>
      e.sessionEvents.__typename === 'TrackPublished' && e.sessionEvents.track.sid === sid;
    const video = await events.waitFor(published(videoSid), 20_000, 'video TrackPublished');
    const audio = await events.waitFor(published(audioSid), 20_000, 'audio TrackPublished');
    expect(video.sessionEvents).toMatchObject({ participant: { identity: 'alice' }, track: { kind: 'VIDEO', source: 'CAMERA', muted: false } });
    expect(audio.sessionEvents).toMatchObject({ participant: { identity: 'alice' }, track: { kind: 'AUDIO', source: 'MICROPHONE' } });

    const during = await query(app.url, SessionQuery, { roomName: room });
    expect(during.session!.participants.map((p) => p.identity)).toEqual(['alice']);
    expect(during.session!.participants[0].tracks.map((t) => t.sid).sort()).toEqual([videoSid, audioSid].sort());

    await alice.mute(audioSid);
    const muted = await events.waitFor((e) => e.sessionEvents.__typename === 'TrackMuted', 20_000, 'TrackMuted');
    expect(muted.sessionEvents).toMatchObject({ participant: { identity: 'alice' }, track: { sid: audioSid, kind: 'AUDIO', muted: true } });
    await alice.unmute(audioSid);
    const unmuted = await events.waitFor((e) => e.sessionEvents.__typename === 'TrackUnmuted', 20_000, 'TrackUnmuted');
    expect(unmuted.sessionEvents).toMatchObject({ track: { sid: audioSid, muted: false } });

    await alice.unpublish(videoSid);
    const unpublished = await events.waitFor((e) => e.sessionEvents.__typename === 'TrackUnpublished', 20_000, 'TrackUnpublished');
    expect(unpublished.sessionEvents).toMatchObject({ participant: { identity: 'alice' }, track: { sid: videoSid, kind: 'VIDEO' } });

    await alice.disconnect();
    const left = await events.waitFor((e) => e.sessionEvents.__typename === 'ParticipantLeft', 20_000, 'ParticipantLeft');
    expect(left.sessionEvents).toMatchObject({ participant: { identity: 'alice' } });
    const after = await query(app.url, SessionQuery, { roomName: room });
    expect(after.session!.participants).toEqual([]);

    const stopped = await query(app.url, StopSession, { roomName: room });
    expect(stopped.stopSession).toMatchObject({ id: startSession.id, state: 'ENDED', endReason: 'STOPPED' });
    expect(stopped.stopSession.endedAt).not.toBeNull();
    const ended = await events.waitFor((e) => e.sessionEvents.__typename === 'SessionEnded', 10_000, 'SessionEnded');
    expect(ended.sessionEvents).toMatchObject({ sessionId: startSession.id, reason: 'STOPPED' });
    events.unsubscribe();
    seen.push(events.values);

    const history = await query(app.url, History, { first: 1 });
    expect(history.sessions.edges[0].node).toMatchObject({ id: startSession.id, roomName: room, state: 'ENDED', endReason: 'STOPPED' });
    expect(history.sessions.pageInfo.hasNextPage).toBe(true);
    const next = await query(app.url, History, { first: 1, after: history.sessions.pageInfo.endCursor });
    expect(next.sessions.edges[0].node.id).not.toBe(startSession.id);

    const gone = await request(app.url, StopSession, { roomName: room });
    expect(gone.errors![0].extensions).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });

  it('resumes sessionEvents after a cursor, also on a restarted server: what was missed, in order, none twice', async () => {
    const room = 'resume-room';
    const own = await startApp({ livekit });
    const ownClient = wsClient(own.url);
    const cursors = (list: { sessionEvents: { cursor: string; __typename: string } }[]) => list.map((e) => `${e.sessionEvents.cursor} ${e.sessionEvents.__typename}`);
    try {
      const first = await own.subscribed(() => subscribe(ownClient, SessionEvents, { roomName: room }));
      await query(own.url, StartSession, { roomName: room });
      const connected = await first.waitFor((e) => e.sessionEvents.__typename === 'ConnectionStateChanged', 10_000, 'CONNECTED');
      const bob = await publisher(room, 'bob');
      const audioSid = await bob.publishAudio();
      await first.waitFor((e) => e.sessionEvents.__typename === 'TrackPublished', 20_000, 'TrackPublished');

      // A second subscriber that comes back with the cursor of CONNECTED gets everything after it, then what happens.
      const resumed = await own.subscribed(() => subscribe(ownClient, SessionEvents, { roomName: room, after: connected.sessionEvents.cursor }));
      await bob.mute(audioSid);
      const firstMuted = await first.waitFor((e) => e.sessionEvents.__typename === 'TrackMuted', 20_000, 'TrackMuted');
      const muted = await resumed.waitFor((e) => e.sessionEvents.__typename === 'TrackMuted', 20_000, 'TrackMuted, resumed');
      // Both up to TrackMuted (an ActiveSpeakersChanged may have reached one of them after it already).
      const upTo = <T,>(list: T[], last: T) => list.slice(0, list.indexOf(last) + 1);
      expect(cursors(upTo(resumed.values, muted))).toEqual(cursors(upTo(first.values, firstMuted).slice(first.values.indexOf(connected) + 1)));
      const numbers = first.values.map((e) => Number(e.sessionEvents.cursor));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      resumed.unsubscribe();

      // The server stops (the session ends SHUTDOWN) and starts again on the same database: a client
      // that missed all of it resumes from its last cursor.
      await bob.unmute(audioSid);
      await first.waitFor((e) => e.sessionEvents.__typename === 'TrackUnmuted', 20_000, 'TrackUnmuted');
      await own.stop();
      const again = await startApp({ livekit, dir: own.dir, databasePath: own.databasePath });
      const againClient = wsClient(again.url);
      try {
        const late = await again.subscribed(() => subscribe(againClient, SessionEvents, { roomName: room, after: muted.sessionEvents.cursor }));
        await late.waitFor((e) => e.sessionEvents.__typename === 'SessionEnded', 10_000, 'SessionEnded, after the restart');
        // The first subscriber saw them live (SessionEnded too, unless the shutdown closed its socket first).
        const missed = first.values.slice(first.values.findIndex((e) => e.sessionEvents.cursor === muted.sessionEvents.cursor) + 1);
        expect(missed.length).toBeGreaterThan(0);
        expect(cursors(late.values).slice(0, missed.length)).toEqual(cursors(missed));
        const ended = late.values.at(-1)!;
        expect(ended.sessionEvents).toMatchObject({ __typename: 'SessionEnded', reason: 'SHUTDOWN' });
        expect(late.values.length - missed.length).toBeLessThanOrEqual(1);
        // What happens now follows, with later cursors.
        await query(again.url, StartSession, { roomName: room });
        const reconnected = await late.waitFor((e) => e.sessionEvents.__typename === 'ConnectionStateChanged' && e.sessionEvents.state === 'CONNECTED', 20_000, 'CONNECTED again');
        expect(Number(reconnected.sessionEvents.cursor)).toBeGreaterThan(Number(ended.sessionEvents.cursor));
        late.unsubscribe();

        // A cursor that is not one is refused, and nothing is subscribed.
        const bad = subscribe(againClient, SessionEvents, { roomName: room, after: '../../etc' });
        await expect.poll(() => bad.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(JSON.stringify(bad.errors)).toContain('VALIDATION_FAILED');
        await query(again.url, StopSession, { roomName: room });
      } finally {
        await againClient.dispose();
        await again.close();
      }
      await bob.disconnect();
    } finally {
      await ownClient.dispose();
      await own.close();
    }
  });

  it('serves the same events over server-sent events', async () => {
    const room = 'sse-room';
    const controller = new AbortController();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(SessionEvents), variables: { roomName: room } }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 20_000;
      while (!text.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no ${needle} in SSE stream: ${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`SSE stream ended: ${text}`);
        text += new TextDecoder().decode(value);
      }
    };
    await query(app.url, StartSession, { roomName: room });
    const bob = await publisher(room, 'bob');
    await readUntil('ParticipantJoined');
    expect(text).toContain('"identity":"bob"');
    controller.abort();
    await bob.disconnect();
    await query(app.url, StopSession, { roomName: room });
  });

  it('rejects bad room names with VALIDATION_FAILED', async () => {
    for (const roomName of ['', 'x'.repeat(129), 'bad\nname', 'nul\u0000']) {
      const result = await request(app.url, StartSession, { roomName });
      expect(result.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'roomName' });
    }
    const { activeSessions } = await query(app.url, SessionQuery, { roomName: 'none' });
    expect(activeSessions).toEqual([]);
  });

  it('fails with ROOM_CONNECT_FAILED for a wrong secret and for a dead URL, and records the failure', async () => {
    const wrongSecret = await startApp({
      environmentConfig: { livekitUrl: livekit.url, livekitApiKey: livekit.apiKey, livekitApiSecret: 'not-the-secret-of-this-server-0123456789' },
    });
    const deadUrl = await startApp({
      environmentConfig: { livekitUrl: `ws://127.0.0.1:${await freeTcpPort()}`, livekitApiKey: livekit.apiKey, livekitApiSecret: livekit.apiSecret },
      sessions: { connectTimeoutMs: 15_000 },
    });
    try {
      for (const [target, reason] of [
        [wrongSecret, 'unauthorized'],
        [deadUrl, 'unreachable'],
      ] as const) {
        const result = await request(target.url, StartSession, { roomName: 'unreachable' });
        seen.push(result);
        expect(result.data).toBeNull();
        expect(result.errors![0].extensions).toEqual({ code: 'ROOM_CONNECT_FAILED', reason });
        expect(result.errors![0].message).toBe(`Could not join room "unreachable": ${reason}`);
        const history = await query(target.url, History, { first: 5 });
        expect(history.sessions.edges[0].node).toMatchObject({ state: 'FAILED', endReason: 'CONNECT_FAILED', endMessage: reason });
        const { activeSessions } = await query(target.url, SessionQuery, { roomName: 'unreachable' });
        expect(activeSessions).toEqual([]);
      }
    } finally {
      await wrongSecret.close();
      await deadUrl.close();
    }
  });

  it('never echoes what another server at livekitUrl answered, in the error or in the session history', async () => {
    const MARKER = 'UPSTREAM-SECRET-BODY';
    let requests = 0;
    const upstream = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`${MARKER}: internal data of some other service`);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const target = await startApp({ livekit });
    try {
      const { port } = upstream.address() as AddressInfo;
      await query(target.url, SetLiveKit, { input: { livekitUrl: `http://127.0.0.1:${port}` } });
      const result = await request(target.url, StartSession, { roomName: 'echo-room' });
      seen.push(result);
      // The request did reach the upstream server: its body was there to leak.
      expect(requests).toBeGreaterThan(0);
      expect(result.data).toBeNull();
      expect(result.errors![0].extensions).toEqual({ code: 'ROOM_CONNECT_FAILED', reason: 'connection failed' });
      expect(result.errors![0].message).toBe('Could not join room "echo-room": connection failed');
      expect(JSON.stringify(result)).not.toContain(MARKER);
      const history = await request(target.url, History, { first: 5 });
      expect(history.data!.sessions.edges[0].node).toMatchObject({ roomName: 'echo-room', state: 'FAILED', endMessage: 'connection failed' });
      expect(JSON.stringify(history)).not.toContain(MARKER);
    } finally {
      await target.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('answers NOT_CONFIGURED naming the missing settings', async () => {
    const bare = await startApp({ environmentConfig: { livekitUrl: livekit.url } });
    try {
      const result = await request(bare.url, StartSession, { roomName: 'any' });
      expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_CONFIGURED', missing: ['livekitApiKey', 'livekitApiSecret'] });
      expect(result.errors![0].message).toContain('LIVEKIT_API_SECRET');
    } finally {
      await bare.close();
    }
  });
});
