import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { query, subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { FrameChunks, SessionEvents, SessionQuery, StartSession, StopSession } from './harness/operations.js';
import { startPublisher } from './harness/publisher-client.js';

const Instances = graphql(`
  query Instances {
    instances {
      id
      startedAt
      lastSeenAt
      sessions
      maxSessions
    }
  }
`);

const InstancesRecord = graphql(`
  mutation InstancesRecord($roomName: String!) {
    startRecording(roomName: $roomName) {
      id
      state
      participantIdentity
    }
  }
`);

const InstancesStopRecording = graphql(`
  mutation InstancesStopRecording($roomName: String!) {
    stopRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

const Owner = graphql(`
  query SessionOwner($roomName: String!) {
    session(roomName: $roomName) {
      id
      ownerInstanceId
    }
  }
`);

describe('instances sharing one database', () => {
  let livekit: LiveKitServer;
  let first: TestApp;
  let second: TestApp;
  let rooms: RoomServiceClient;

  beforeAll(async () => {
    livekit = await startLiveKit();
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    const control = { viewerIdleMs: 1_000, viewerCheckMs: 500 };
    first = await startApp({ livekit, instance: { id: 'first', leaseSec: 3 }, control });
    second = await startApp({ livekit, dir: first.dir, databasePath: first.databasePath, instance: { id: 'second', leaseSec: 3 }, control });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await livekit?.stop();
  });

  /** haven-live's sessions in a room, as LiveKit lists them (not a PASSTHROUGH recording's media tap, nor a viewer for live media). */
  const viewers = async (room: string) =>
    (await rooms.listParticipants(room)).filter((p) => /^haven-live-(?!tap-|viewer-)/.test(p.identity)).length;

  it('joins a room once whichever instance is asked, answers with the owner, and hands the room over once it is given up', async () => {
    const room = 'shared-room';
    const { startSession } = await query(first.url, StartSession, { roomName: room });
    expect(startSession).toMatchObject({ state: 'CONNECTED', ownerInstanceId: 'first' });
    // The other instance answers with the same session: the room is not joined twice.
    const again = await query(second.url, StartSession, { roomName: room });
    expect(again.startSession).toMatchObject({ id: startSession.id, ownerInstanceId: 'first', state: 'CONNECTED' });
    expect(await viewers(room)).toBe(1);
    const { instances } = await query(second.url, Instances, {});
    expect(instances.map((i) => [i.id, i.sessions, i.maxSessions])).toEqual([
      ['first', 1, 16],
      ['second', 0, 16],
    ]);
    expect((await query(first.url, Owner, { roomName: room })).session?.ownerInstanceId).toBe('first');

    // Given up by its owner, the room goes to the next instance asked, at once (not when the lease would have run out).
    await query(first.url, StopSession, { roomName: room });
    const taken = await query(second.url, StartSession, { roomName: room });
    expect(taken.startSession).toMatchObject({ state: 'CONNECTED', ownerInstanceId: 'second' });
    expect(taken.startSession.id).not.toBe(startSession.id);
    await expect.poll(() => viewers(room), { timeout: 10_000 }).toBe(1);
    await query(second.url, StopSession, { roomName: room });
  });

  it('tells a sessionEvents subscriber of either instance what happens in a room the other owns, in order, with the same cursors', async () => {
    const room = 'events-across';
    const firstClient = wsClient(first.url);
    const secondClient = wsClient(second.url);
    try {
      const onFirst = await first.subscribed(() => subscribe(firstClient, SessionEvents, { roomName: room }));
      const onSecond = await second.subscribed(() => subscribe(secondClient, SessionEvents, { roomName: room }));
      const { startSession } = await query(first.url, StartSession, { roomName: room });
      expect(startSession.ownerInstanceId).toBe('first');
      const guest = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'guest' });
      const audioSid = await guest.publishAudio();
      // Each change once the owner has told the one before it (a mute sent before the track reached the viewer is no event).
      await onFirst.waitFor((e) => e.sessionEvents.__typename === 'TrackPublished', 20_000, 'TrackPublished on the owner');
      await guest.mute(audioSid);
      await onFirst.waitFor((e) => e.sessionEvents.__typename === 'TrackMuted', 20_000, 'TrackMuted on the owner');
      await guest.unmute(audioSid);
      const unmuted = (e: (typeof onFirst.values)[number]) => e.sessionEvents.__typename === 'TrackUnmuted';
      const lastOnFirst = await onFirst.waitFor(unmuted, 20_000, 'TrackUnmuted on the owner');
      const lastOnSecond = await onSecond.waitFor(unmuted, 20_000, 'TrackUnmuted on the other instance');
      const upTo = <T,>(list: T[], last: T) => list.slice(0, list.indexOf(last) + 1).map((e) => JSON.stringify(e));
      expect(upTo(onSecond.values, lastOnSecond)).toEqual(upTo(onFirst.values, lastOnFirst));
      expect(onSecond.values.map((e) => e.sessionEvents.__typename)).toEqual(expect.arrayContaining(['ConnectionStateChanged', 'ParticipantJoined', 'TrackPublished', 'TrackMuted']));
      onFirst.unsubscribe();
      onSecond.unsubscribe();
      await guest.disconnect();
      await query(first.url, StopSession, { roomName: room });
    } finally {
      await firstClient.dispose();
      await secondClient.dispose();
    }
  });

  it("streams a room's live frames from an instance that does not own it, through a viewer of its own that leaves once unused", async () => {
    const room = 'media-elsewhere';
    const guest = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'guest' });
    const client = wsClient(second.url);
    try {
      await guest.publishVideo({ width: 320, height: 180, fps: 15 });
      expect((await query(first.url, StartSession, { roomName: room })).startSession.ownerInstanceId).toBe('first');
      const viewersOf = async (prefix: string) => (await rooms.listParticipants(room)).filter((p) => p.identity.startsWith(prefix)).length;
      const live = subscribe(client, FrameChunks, { roomName: room, options: { format: 'I420' } });
      await live.waitFor(() => live.values.length >= 10, 20_000, 'ten live frames from the other instance');
      expect(live.values[0].videoFrames).toMatchObject({ width: 320, height: 180 });
      // The session is still the first instance's, joined once; the second views the room for its frames.
      expect(await viewers(room)).toBe(1);
      expect(await viewersOf('haven-live-viewer-')).toBe(1);
      expect((await query(second.url, Owner, { roomName: room })).session?.ownerInstanceId).toBe('first');
      live.unsubscribe();
      await expect.poll(() => viewersOf('haven-live-viewer-'), { timeout: 15_000 }).toBe(0);
      expect(await viewers(room)).toBe(1);
      await query(second.url, StopSession, { roomName: room });
    } finally {
      await client.dispose();
      await guest.disconnect();
    }
  });

  it('resumes a sessionEvents client on another instance from its cursor: none missed, none twice', async () => {
    const room = 'events-resume';
    const firstClient = wsClient(first.url);
    const secondClient = wsClient(second.url);
    const guest = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'guest' });
    try {
      const onFirst = await first.subscribed(() => subscribe(firstClient, SessionEvents, { roomName: room }));
      await query(first.url, StartSession, { roomName: room });
      const audioSid = await guest.publishAudio();
      await onFirst.waitFor((e) => e.sessionEvents.__typename === 'TrackPublished', 20_000, 'TrackPublished');
      // The client loses its connection to the first instance here, and comes back through the second.
      onFirst.unsubscribe();
      const cursor = onFirst.values.at(-1)!.sessionEvents.cursor;
      await guest.mute(audioSid);
      await guest.unmute(audioSid);
      const onSecond = await second.subscribed(() => subscribe(secondClient, SessionEvents, { roomName: room, after: cursor }));
      await onSecond.waitFor((e) => e.sessionEvents.__typename === 'TrackUnmuted', 20_000, 'TrackUnmuted on the second instance');
      await guest.disconnect();
      await onSecond.waitFor((e) => e.sessionEvents.__typename === 'ParticipantLeft', 20_000, 'ParticipantLeft on the second instance');
      const types = onSecond.values.map((e) => e.sessionEvents.__typename);
      expect(types.filter((type) => ['TrackMuted', 'TrackUnmuted', 'ParticipantLeft'].includes(type))).toEqual(['TrackMuted', 'TrackUnmuted', 'ParticipantLeft']);
      const cursors = [cursor, ...onSecond.values.map((e) => e.sessionEvents.cursor)].map(Number);
      expect(cursors).toEqual([...new Set(cursors)].sort((a, b) => a - b));
      // What it got is what the room's journal holds after the cursor, as the first instance replays it.
      const replay = await first.subscribed(() => subscribe(firstClient, SessionEvents, { roomName: room, after: cursor }));
      await replay.waitFor((e) => e.sessionEvents.cursor === onSecond.values.at(-1)!.sessionEvents.cursor, 20_000, 'the replay up to the last event');
      expect(onSecond.values.map((e) => JSON.stringify(e))).toEqual(replay.values.map((e) => JSON.stringify(e)));
      replay.unsubscribe();
      onSecond.unsubscribe();
      await query(first.url, StopSession, { roomName: room });
    } finally {
      await guest.disconnect().catch(() => undefined);
      await firstClient.dispose();
      await secondClient.dispose();
    }
  });

  it('gives each of six rooms asked of both instances at once exactly one owner, for as long as they run', async () => {
    const names = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((n) => `race-${n}`);
    // Each room asked of both at once, half of them first of the one, half of the other.
    const answers = await Promise.all(
      names.flatMap((roomName, i) => (i % 2 ? [second, first] : [first, second]).map((app) => query(app.url, StartSession, { roomName }))),
    );
    for (const [i, roomName] of names.entries()) {
      const [a, b] = [answers[2 * i].startSession, answers[2 * i + 1].startSession];
      expect([roomName, b.id, b.ownerInstanceId]).toEqual([roomName, a.id, a.ownerInstanceId]);
    }
    // Leases are renewed every second (3 s leases): after three lease periods nothing has moved.
    for (let look = 0; look < 3; look++) {
      for (const roomName of names) expect([roomName, await viewers(roomName)]).toEqual([roomName, 1]);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    const { instances } = await query(first.url, Instances, {});
    expect(instances.reduce((sum, i) => sum + i.sessions, 0)).toBe(names.length);
    for (const [i, roomName] of names.entries()) {
      const owner = answers[2 * i].startSession.ownerInstanceId === 'first' ? first : second;
      await query(owner.url, StopSession, { roomName });
    }
  });

  it('spreads six rooms started through one instance over three, each joined once, and any instance controls any room', async () => {
    const third = await startApp({ livekit, dir: first.dir, databasePath: first.databasePath, instance: { id: 'third', leaseSec: 3 } });
    const names = ['s1', 's2', 's3', 's4', 's5', 's6'].map((n) => `spread-${n}`);
    // A checker looks at LiveKit's participant lists all along: never two viewers of haven-live in a room.
    let checking = true;
    const seen: Record<string, number> = {};
    const checker = (async () => {
      while (checking) {
        for (const roomName of names) seen[roomName] = Math.max(seen[roomName] ?? 0, await viewers(roomName).catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const guest = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: names[4], identity: 'guest' });
    try {
      await guest.publishAudio();
      const owners: string[] = [];
      for (const roomName of names) owners.push((await query(first.url, StartSession, { roomName })).startSession.ownerInstanceId!);
      expect(owners.toSorted()).toEqual(['first', 'first', 'second', 'second', 'third', 'third']);
      const { instances } = await query(first.url, Instances, {});
      expect(instances.map((i) => [i.id, i.sessions])).toEqual([
        ['first', 2],
        ['second', 2],
        ['third', 2],
      ]);

      // Asked of any instance, a room's session is its owner's, with its participants.
      const recorded = names[4];
      const owner = owners[4];
      const others = [first, second, third].filter((app) => app.services.instances.id !== owner);
      const { session } = await query(others[0].url, SessionQuery, { roomName: recorded });
      expect(session).toMatchObject({ ownerInstanceId: owner, state: 'CONNECTED' });
      await expect
        .poll(async () => (await query(others[1].url, SessionQuery, { roomName: recorded })).session?.participants.map((p) => p.identity), { timeout: 10_000 })
        .toEqual(['guest']);
      // Recorded through one instance that does not own it, stopped through the other.
      const { startRecording } = await query(others[0].url, InstancesRecord, { roomName: recorded });
      expect(startRecording.map((r) => [r.participantIdentity, r.state])).toEqual([['guest', 'RECORDING']]);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const { stopRecording } = await query(others[1].url, InstancesStopRecording, { roomName: recorded });
      expect(stopRecording.map((r) => r.id)).toEqual(startRecording.map((r) => r.id));

      // Stopped through the first instance, whichever owns them.
      for (const roomName of names) expect((await query(first.url, StopSession, { roomName })).stopSession.state).toBe('ENDED');
      expect((await query(third.url, Instances, {})).instances.reduce((sum, i) => sum + i.sessions, 0)).toBe(0);
    } finally {
      checking = false;
      await checker;
      await guest.disconnect();
      await third.close();
    }
    expect(names.map((roomName) => [roomName, seen[roomName]])).toEqual(names.map((roomName) => [roomName, 1]));
  });
});
