import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { query, subscribe, wsClient } from './harness/graphql.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { decodes } from './harness/media-probe.js';
import { SessionEvents } from './harness/operations.js';
import { startPostgres, type PostgresServer } from './harness/postgres.js';
import { startPublisher, type Publisher } from './harness/publisher-client.js';
import { startServerProcess, type ServerProcess } from './harness/server-process.js';

const FailoverStart = graphql(`
  mutation FailoverStart($roomName: String!) {
    startSession(input: { roomName: $roomName, record: true }) {
      id
      ownerInstanceId
      recordings {
        id
        state
      }
    }
  }
`);

const FailoverSession = graphql(`
  query FailoverSession($roomName: String!) {
    session(roomName: $roomName) {
      id
      state
      ownerInstanceId
      recordings {
        id
        state
      }
    }
  }
`);

const FailoverStop = graphql(`
  mutation FailoverStop($roomName: String!) {
    stopSession(roomName: $roomName) {
      id
    }
  }
`);

const FailoverRecording = graphql(`
  query FailoverRecording($id: ID!) {
    recording(id: $id) {
      id
      state
      stopReason
      gaps {
        kind
        start
        end
        reason
      }
      parts {
        id
        instanceId
        state
        startedAt
        endedAt
        files {
          kind
          path
          durationSec
        }
      }
    }
  }
`);

const SharedRule = graphql(`
  mutation SharedRule($roomPattern: String!) {
    createWatchRule(input: { roomPattern: $roomPattern, enabled: false }) {
      id
    }
  }
`);

const SharedRules = graphql(`
  query SharedRules {
    watchRules {
      id
      roomPattern
    }
    config {
      recordingDirectory
      sources {
        recordingDirectory
      }
    }
  }
`);

const SharedConfig = graphql(`
  mutation SharedConfig($recordingDirectory: String!) {
    updateConfig(input: { recordingDirectory: $recordingDirectory }) {
      recordingDirectory
    }
  }
`);

const LEASE_SEC = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three instances (separate processes started as README says, each with a recording directory of
 * its own, as on three machines) on one PostgreSQL server and one LiveKit server. The owner of two
 * recording rooms is SIGKILLed; the other two take them over and go on with their recordings.
 */
describe('failover between instances on PostgreSQL', () => {
  let postgres: PostgresServer;
  let livekit: LiveKitServer;
  let databaseUrl: string;
  let dir: string;
  const servers: ServerProcess[] = [];
  const publishers: Publisher[] = [];

  beforeAll(async () => {
    [postgres, livekit] = await Promise.all([startPostgres(), startLiveKit()]);
    databaseUrl = await postgres.createDatabase('failover');
    dir = mkdtempSync(join(tmpdir(), 'haven-failover-'));
  });

  afterAll(async () => {
    for (const server of servers) {
      try {
        process.kill(-server.process.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await Promise.all(publishers.map((publisher) => publisher.disconnect().catch(() => undefined)));
    await livekit?.stop();
    await postgres?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const instance = async (id: string) => {
    const server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      HAVEN_INSTANCE_ID: id,
      HAVEN_LEASE_SEC: String(LEASE_SEC),
      HAVEN_RECORDING_MODE: 'TRANSCODE',
      HAVEN_RECORDING_DIR: join(dir, id),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    }, { npm: true, group: true });
    servers.push(server);
    return server;
  };

  it('takes over the rooms of a SIGKILLed owner within 15 s on the other two instances, each room joined once, goes on with their recordings as a second part, and the owner restarted finishes its own', async () => {
    const rooms = ['failover-1', 'failover-2'];
    for (const room of rooms) {
      const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: `guest-${room}` });
      publishers.push(publisher);
      await publisher.publishVideo({ width: 320, height: 180, fps: 15 });
      await publisher.publishAudio();
    }
    // Both rooms on the first instance: alone yet (with another running, the second room would go to it).
    const owner = await instance('owner');
    const firstIds: string[] = [];
    for (const roomName of rooms) {
      const { startSession } = await query(owner.url, FailoverStart, { roomName });
      expect(startSession.ownerInstanceId).toBe('owner');
      let recordings = startSession.recordings;
      for (let i = 0; i < 100 && !recordings.some((r) => r.state === 'RECORDING'); i++) {
        await sleep(100);
        recordings = (await query(owner.url, FailoverSession, { roomName })).session?.recordings ?? [];
      }
      const recording = recordings.find((r) => r.state === 'RECORDING');
      expect(recording, `${roomName} records on its owner`).toBeDefined();
      firstIds.push(recording!.id);
    }

    // Two more instances: either may take each room; the session query of either answers for both.
    const survivor = await instance('survivor');
    const third = await instance('third');
    const survivors = new Set(['survivor', 'third']);
    // A checker looks at LiveKit's participant lists all along: never two sessions of haven-live in a room.
    const rooms2 = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    let checking = true;
    const mostSessions = new Map<string, number>();
    // The killed owner's participants: LiveKit lists them until it notices they are gone (its departure timeout).
    const killed = new Set<string>();
    const sessionsIn = async (roomName: string) =>
      (await rooms2.listParticipants(roomName).catch(() => [])).filter((p) => /^haven-live-(?!tap-|viewer-)/.test(p.identity) && !killed.has(p.identity));
    const checker = (async () => {
      while (checking) {
        for (const roomName of rooms) {
          const sessions = (await sessionsIn(roomName)).length;
          mostSessions.set(roomName, Math.max(mostSessions.get(roomName) ?? 0, sessions));
        }
        await sleep(200);
      }
    })();
    // A subscriber of a surviving instance sees the takeover among the room's events, in order.
    const client = wsClient(survivor.url);
    try {
      const events = subscribe(client, SessionEvents, { roomName: rooms[0] });
      await sleep(4_000);
      for (const roomName of rooms) for (const participant of await sessionsIn(roomName)) killed.add(participant.identity);
      expect(killed.size).toBe(2);
      const killedAt = Date.now();
      // Its whole process group (npm, node), and the ffmpegs it started in groups of their own: its machine went down.
      process.kill(-owner.process.pid!, 'SIGKILL');
      await owner.exited;
      try {
        execFileSync('pkill', ['-KILL', '-f', `${join(dir, 'owner')}/`], { stdio: 'ignore' });
      } catch {
        // They were gone with it.
      }

      const takenAt: number[] = [];
      for (const roomName of rooms) {
        for (;;) {
          const { session } = await query(survivor.url, FailoverSession, { roomName });
          if (survivors.has(session?.ownerInstanceId ?? '') && session!.state === 'CONNECTED' && session!.recordings.some((r) => r.state === 'RECORDING')) break;
          if (Date.now() - killedAt > 20_000) {
            throw new Error(`${roomName} was not taken over 20 s after the kill: ${JSON.stringify(session)}\n${survivor.output().slice(-8000)}`);
          }
          await sleep(200);
        }
        takenAt.push((Date.now() - killedAt) / 1000);
      }
      console.log(`failover: rooms recording again on a surviving instance ${takenAt.map((s) => s.toFixed(1)).join(' s, ')} s after the SIGKILL (lease ${LEASE_SEC} s)`);
      for (const seconds of takenAt) expect(seconds).toBeLessThan(15);

      const ended = await events.waitFor(
        (e) => e.sessionEvents.__typename === 'SessionEnded' && e.sessionEvents.reason === 'FAILOVER',
        10_000,
        'SessionEnded FAILOVER on the survivor',
      );
      const connected = await events.waitFor(
        (e) => e.sessionEvents.__typename === 'ConnectionStateChanged' && e.sessionEvents.sessionId !== ended.sessionEvents.sessionId,
        10_000,
        "the survivor's session CONNECTED",
      );
      expect(events.values.indexOf(connected)).toBeGreaterThan(events.values.indexOf(ended));
      const cursors = events.values.map((e) => Number(e.sessionEvents.cursor));
      expect(cursors, 'cursors in order, none twice').toEqual([...new Set(cursors)].sort((a, b) => a - b));
      events.unsubscribe();
    } finally {
      checking = false;
      await checker;
      await client.dispose();
    }
    expect(Object.fromEntries(mostSessions)).toEqual(Object.fromEntries(rooms.map((roomName) => [roomName, 1])));

    await sleep(4_000);
    // Stopped through one instance, whichever owns them now.
    for (const roomName of rooms) await query(third.url, FailoverStop, { roomName });

    // The killed instance, started again, finishes the part it had on its disk.
    const restarted = await instance('owner');
    for (const id of firstIds) {
      let recording = (await query(restarted.url, FailoverRecording, { id })).recording;
      for (let i = 0; i < 100 && !(recording.parts.length === 2 && recording.parts.every((part) => part.files.length > 0 && part.state !== 'FINALIZING')); i++) {
        await sleep(200);
        recording = (await query(restarted.url, FailoverRecording, { id })).recording;
      }
      const described = JSON.stringify(recording);
      console.log(`failover recording: ${JSON.stringify({ parts: recording.parts.map((part) => [part.instanceId, part.state, part.files.map((file) => [file.kind, file.durationSec])]), gaps: recording.gaps })}`);
      expect(recording.parts.map((part) => [survivors.has(part.instanceId!) ? 'a survivor' : part.instanceId, part.state]), described).toEqual([
        ['owner', 'INTERRUPTED'],
        ['a survivor', 'COMPLETE'],
      ]);
      expect(recording.stopReason, described).toBe('FAILOVER');
      for (const part of recording.parts) {
        for (const file of part.files) {
          // The killed ffmpeg's last fragment (up to 2 s of video) is lost with it.
          expect(file.durationSec, described).toBeGreaterThan(1);
          decodes(file.path);
        }
      }
      // The missing span: from the owner's last renewal to the second part's start, for both tracks.
      const [first, second] = recording.parts;
      const secondStart = (Date.parse(second.startedAt) - Date.parse(first.startedAt)) / 1000;
      const failover = recording.gaps.filter((gap) => gap.reason === 'FAILOVER');
      expect(failover.map((gap) => gap.kind).sort(), described).toEqual(['AUDIO', 'VIDEO']);
      for (const gap of failover) {
        expect(Math.abs(gap.end - secondStart), described).toBeLessThan(0.5);
        expect(gap.end - gap.start, described).toBeGreaterThan(LEASE_SEC - 1);
        expect(gap.end - gap.start, described).toBeLessThan(15);
        // The first part's files end about where the gap begins (it was written up to the kill).
        const video = first.files.find((file) => file.kind === 'VIDEO')!;
        expect(gap.start - video.durationSec!, described).toBeGreaterThan(-2);
        expect(gap.start - video.durationSec!, described).toBeLessThan(LEASE_SEC / 3 + 2);
      }
    }
    for (const server of [restarted, survivor, third]) process.kill(-server.process.pid!, 'SIGTERM');
    await Promise.all([restarted.exited, survivor.exited, third.exited]);
  });

  it('shares watch rules and settings: a change made through one instance is in force on the others at once', async () => {
    const [one, other] = [await instance('settings-one'), await instance('settings-other')];
    const { createWatchRule } = await query(one.url, SharedRule, { roomPattern: 'shared-*' });
    const directory = join(dir, 'shared-recordings');
    await query(one.url, SharedConfig, { recordingDirectory: directory });
    const seen = await (async () => {
      for (const deadline = Date.now() + 5_000; ; ) {
        const answer = await query(other.url, SharedRules, {});
        if ((answer.watchRules.length > 0 && answer.config.recordingDirectory === directory) || Date.now() > deadline) return answer;
        await sleep(100);
      }
    })();
    expect(seen.watchRules).toEqual([{ id: createWatchRule.id, roomPattern: 'shared-*' }]);
    expect(seen.config).toEqual({ recordingDirectory: directory, sources: { recordingDirectory: 'DATABASE' } });
    for (const server of [one, other]) process.kill(-server.process.pid!, 'SIGTERM');
    await Promise.all([one.exited, other.exited]);
  });
});
