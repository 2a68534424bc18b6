import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { query, subscribe, wsClient } from './harness/graphql.js';
import { startApp, storedRows } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { History, SessionEvents, StartSession } from './harness/operations.js';
import { killAllPublishers, startPublisher } from './harness/publisher-client.js';
import { testDatabaseUrl } from './harness/postgres.js';
import { startServerProcess, type ServerProcess } from './harness/server-process.js';

/** The sessions as the database of a server started with HAVEN_DB=`databasePath` has them (SQLite or, in a PostgreSQL run, its database). */
async function sessionRows(databasePath: string) {
  const rows = await storedRows({ databasePath, databaseUrl: await testDatabaseUrl(databasePath) }, 'select id, room_name, state, end_reason, ended_at from sessions order by seq');
  return rows as { id: string; room_name: string; state: string; end_reason: string | null; ended_at: unknown }[];
}

describe('session lifecycle', () => {
  let livekit: LiveKitServer;
  let dir: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    livekit = await startLiveKit();
    dir = mkdtempSync(join(tmpdir(), 'haven-lifecycle-'));
  });
  afterEach(() => {
    for (const server of servers.splice(0)) server.process.kill('SIGKILL');
  });
  afterAll(async () => {
    killAllPublishers();
    await livekit?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const serverEnv = (databasePath: string) => ({
    HAVEN_DB: databasePath,
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    HAVEN_RECORDING_DIR: join(dir, 'recordings'),
  });

  it('ends every session with reason SHUTDOWN and exits on SIGTERM', async () => {
    const databasePath = join(dir, 'sigterm.db');
    const server = await startServerProcess(serverEnv(databasePath));
    servers.push(server);
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: 'term-a', identity: 'pub' });
    await publisher.publishVideo({ width: 320, height: 180, fps: 10 });
    await query(server.url, StartSession, { roomName: 'term-a' });
    await query(server.url, StartSession, { roomName: 'term-b' });

    const client = wsClient(server.url);
    const events = subscribe(client, SessionEvents, { roomName: 'term-a' });
    // An event that reaches the subscriber proves the subscription is registered; the publisher
    // toggles mute until one does, since the first may come before the server has registered it.
    const audioSid = await publisher.publishAudio();
    for (let attempt = 0; events.values.length === 0; attempt++) {
      if (attempt === 20) throw new Error('no session event reached the subscriber within 20 mute toggles');
      await (attempt % 2 ? publisher.unmute(audioSid) : publisher.mute(audioSid));
      await events.waitFor(() => true, 1_000).catch(() => undefined);
    }

    server.process.kill('SIGTERM');
    const exit = await Promise.race([
      server.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within 10 s:\n${server.output()}`)), 10_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    const rows = await sessionRows(databasePath);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ state: 'ENDED', end_reason: 'SHUTDOWN' });
    expect(rows.every((row) => row.ended_at !== null)).toBe(true);
    await events.waitFor((e) => e.sessionEvents.__typename === 'SessionEnded', 1_000, 'SessionEnded before exit');
    await client.dispose();
    await publisher.disconnect();
  });

  it('marks a session that a SIGKILL left active as INTERRUPTED on the next start', async () => {
    const databasePath = join(dir, 'sigkill.db');
    const first = await startServerProcess(serverEnv(databasePath));
    servers.push(first);
    const { startSession } = await query(first.url, StartSession, { roomName: 'killed' });
    expect((await sessionRows(databasePath))[0]).toMatchObject({ id: startSession.id, state: 'CONNECTED' });
    first.process.kill('SIGKILL');
    await first.exited;

    const second = await startServerProcess(serverEnv(databasePath));
    servers.push(second);
    const history = await query(second.url, History, { first: 5 });
    expect(history.sessions.edges[0].node).toMatchObject({ id: startSession.id, state: 'ENDED', endReason: 'INTERRUPTED' });
    expect(history.sessions.edges[0].node.endedAt).not.toBeNull();
    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('ends the session with an event when LiveKit goes away for good', async () => {
    // Its own livekit-server, so that killing it spares the others.
    const doomed = await startLiveKit();
    const app = await startApp({ livekit: doomed });
    const client = wsClient(app.url);
    try {
      const events = await app.subscribed(() => subscribe(client, SessionEvents, { roomName: 'doomed' }));
      const { startSession } = await query(app.url, StartSession, { roomName: 'doomed' });
      doomed.kill('SIGKILL');
      const ended = await events.waitFor((e) => e.sessionEvents.__typename === 'SessionEnded', 90_000, 'SessionEnded');
      expect(ended.sessionEvents.sessionId).toBe(startSession.id);
      const states = events.values
        .map((e) => e.sessionEvents)
        .filter((e) => e.__typename === 'ConnectionStateChanged')
        .map((e) => (e as { state: string }).state);
      expect(states[0]).toBe('CONNECTED');
      expect(states).toContain('RECONNECTING');
      expect(states.at(-1)).toBe('ENDED');
      const history = await query(app.url, History, { first: 1 });
      expect(history.sessions.edges[0].node).toMatchObject({ id: startSession.id, state: 'ENDED' });
      expect(history.sessions.edges[0].node.endReason).not.toBe('STOPPED');
    } finally {
      await client.dispose();
      await app.close();
      await doomed.stop();
    }
  }, 120_000);
});
