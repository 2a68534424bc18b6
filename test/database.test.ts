import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PendingWrites } from '../src/db/pending-writes.js';
import { readProcessSettings } from '../src/env.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../src/db/client.js';
import { LeaseStore } from '../src/services/lease-store.js';
import { NotTaken, RoomCommands } from '../src/services/room-commands.js';
import { HavenError } from '../src/errors.js';
import { SessionStore } from '../src/services/session-store.js';
import { freeTcpPort } from './harness/ports.js';
import { testDatabaseUrl } from './harness/postgres.js';
import { startServerProcess } from './harness/server-process.js';

type Values = Record<string, unknown>;

/** A table of rows behind a write that can be made to refuse, and that answers when told to. */
function fakeTable() {
  const rows = new Map<string, Values>();
  const waiting: (() => void)[] = [];
  const state = { refuse: false, hold: false, calls: 0 };
  const write = (key: string) => (values: Values) => {
    state.calls += 1;
    const land = () => {
      if (state.refuse) throw new Error('SQLITE_FULL: database or disk is full');
      rows.set(key, { ...rows.get(key), ...values });
    };
    if (!state.hold) return Promise.resolve().then(land);
    return new Promise<void>((resolve, reject) =>
      waiting.push(() => {
        try {
          land();
          resolve();
        } catch (error) {
          reject(error as Error);
        }
      }),
    );
  };
  const release = async () => {
    state.hold = false;
    while (waiting.length > 0) waiting.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { rows, state, write, release };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('held writes of a row', () => {
  it('writes one row one write at a time, merging what came meanwhile, and reads show it before it lands', async () => {
    const table = fakeTable();
    const writes = new PendingWrites(pino({ level: 'silent' }));
    table.state.hold = true;
    writes.update('a', { state: 'RECORDING' }, table.write('a'));
    writes.update('a', { state: 'FINALIZING', endedAt: 1 }, table.write('a'));
    writes.update('a', { state: 'COMPLETE' }, table.write('a'));
    // One write under way; the two later ones wait for it and go as one.
    expect(table.state.calls).toBe(1);
    expect(await writes.read(async () => [{ id: 'a', state: 'NEW', files: '[]' }], (row) => row.id)).toEqual([{ id: 'a', state: 'COMPLETE', endedAt: 1, files: '[]' }]);
    await table.release();
    await writes.flush();
    expect(table.state.calls).toBe(2);
    expect(table.rows.get('a')).toEqual({ state: 'COMPLETE', endedAt: 1 });
    expect(writes.size).toBe(0);
  });

  it('keeps a change that lands while a read runs, when the read returns the row from before it', async () => {
    const table = fakeTable();
    const writes = new PendingWrites(pino({ level: 'silent' }));
    // The query's snapshot is taken, then the change is written and lands, then the query answers.
    const rows = await writes.read(async () => {
      const before = [{ id: 'a', files: '["video UPLOADING"]' }];
      writes.update('a', { files: '["video STORED"]' }, table.write('a'));
      await writes.flush();
      expect(writes.size).toBe(0);
      return before;
    }, (row) => row.id);
    expect(rows).toEqual([{ id: 'a', files: '["video STORED"]' }]);
  });

  it('updates a row only once its insert has landed, and an insert refused is thrown to its caller', async () => {
    const table = fakeTable();
    const writes = new PendingWrites(pino({ level: 'silent' }));
    const order: string[] = [];
    let insertDone!: () => void;
    const inserted = writes.first('a', () => new Promise<void>((resolve) => (insertDone = resolve)).then(() => void order.push('insert')));
    writes.update('a', { state: 'PAUSED' }, (values) => table.write('a')(values).then(() => void order.push('update')));
    await settle();
    expect(order).toEqual([]);
    insertDone();
    await inserted;
    await writes.flush();
    expect(order).toEqual(['insert', 'update']);
    await expect(writes.first('b', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  });

  it('keeps a refused write and writes it again, with later changes, once the database takes writes', async () => {
    const table = fakeTable();
    const writes = new PendingWrites(pino({ level: 'silent' }), 20);
    table.state.refuse = true;
    writes.update('a', { state: 'FINALIZING' }, table.write('a'));
    await settle();
    expect(writes.size).toBe(1);
    writes.update('a', { state: 'COMPLETE' }, table.write('a'));
    writes.update('b', { state: 'ENDED' }, table.write('b'));
    expect(await writes.read(async () => [{ id: 'a', state: 'RECORDING' }], (row) => row.id)).toEqual([{ id: 'a', state: 'COMPLETE' }]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(table.rows.size).toBe(0);
    table.state.refuse = false;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(Object.fromEntries(table.rows)).toEqual({ a: { state: 'COMPLETE' }, b: { state: 'ENDED' } });
    expect(writes.size).toBe(0);
  });
});

describe('DATABASE_URL', () => {
  it('takes a postgres:// URL and refuses anything else with a message saying what it takes', () => {
    expect(readProcessSettings({}).databaseUrl).toBeUndefined();
    expect(readProcessSettings({ DATABASE_URL: 'postgres://haven:pw@db.internal:5432/haven' }).databaseUrl).toBe('postgres://haven:pw@db.internal:5432/haven');
    expect(readProcessSettings({ DATABASE_URL: 'postgresql://db/haven' }).databaseUrl).toBe('postgresql://db/haven');
    for (const bad of ['mysql://db/haven', '/var/lib/haven.db', 'file:haven.db']) {
      expect(() => readProcessSettings({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    }
  });
});

describe('a PostgreSQL server that cannot be reached', () => {
  it('stops npm start at once with a message saying so, rather than listening without a database', async () => {
    const port = await freeTcpPort();
    const started = startServerProcess({ DATABASE_URL: `postgres://haven@127.0.0.1:${port}/haven` });
    await expect(started).rejects.toThrow(/haven-live could not start: the PostgreSQL database at DATABASE_URL cannot be used \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
  });
});

describe('room leases', () => {
  it('gives a room to one instance at a time; a stale token can neither renew, give up nor write the session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-leases-'));
    const path = join(dir, 'haven.db');
    // SQLite, or in a PostgreSQL run a database of its own there.
    const storage = openStorage((await testDatabaseUrl(path)) ?? path);
    try {
      await storage.migrate();
      const leases = new LeaseStore(storage);
      const t0 = Date.now();
      const at = (sec: number) => new Date(t0 + sec * 1000);
      expect(await leases.acquire('room', 'first', 's1', at(0), at(10))).toMatchObject({ instanceId: 'first', sessionId: 's1', token: 1 });
      // Held: the other instance is told who holds it.
      expect(await leases.acquire('room', 'second', 's2', at(5), at(15))).toMatchObject({ instanceId: 'first', sessionId: 's1', token: 1 });
      expect(await leases.renew('room', 1, at(20))).toBe(true);
      expect(await leases.acquire('room', 'second', 's2', at(19), at(29))).toMatchObject({ instanceId: 'first', token: 1 });
      // Run out (first paused past 20 s): the other instance takes it with a higher token.
      expect(await leases.acquire('room', 'second', 's2', at(21), at(31))).toMatchObject({ instanceId: 'second', sessionId: 's2', token: 2 });
      expect(await leases.renew('room', 1, at(40))).toBe(false);

      // The paused owner wakes up and writes its session: the write carries token 1 and changes nothing.
      const sessions = new SessionStore(storage, pino({ level: 'silent' }));
      await sessions.insert({ id: 's1', roomName: 'room', state: 'CONNECTED', startedAt: at(0), instanceId: 'first' });
      sessions.save('s1', { state: 'ENDED', endReason: 'STOPPED' }, leases.fence('room', 1));
      await sessions.settled('s1');
      expect((await sessions.page({ limit: 5, inverted: false })).map((row) => [row.id, row.state])).toEqual([['s1', 'CONNECTED']]);
      sessions.save('s1', { state: 'ENDED', endReason: 'INTERRUPTED' }, leases.fence('room', 2));
      await sessions.settled('s1');
      expect((await sessions.page({ limit: 5, inverted: false }))[0]).toMatchObject({ state: 'ENDED', endReason: 'INTERRUPTED' });

      // Nor can it give the lease up; its holder can, and the next instance gets it at once.
      await leases.release('room', 1, at(22));
      expect((await leases.held(at(22))).map((lease) => lease.instanceId)).toEqual(['second']);
      await leases.release('room', 2, at(23));
      expect(await leases.held(at(23))).toEqual([]);
      expect(await leases.acquire('room', 'first', 's3', at(24), at(34))).toMatchObject({ instanceId: 'first', token: 3 });
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists as rooms to take over only the leases of other instances that ran out while their session still runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-orphans-'));
    const path = join(dir, 'haven.db');
    const storage = openStorage((await testDatabaseUrl(path)) ?? path);
    try {
      await storage.migrate();
      const leases = new LeaseStore(storage);
      const sessions = new SessionStore(storage, pino({ level: 'silent' }));
      const t0 = Date.now();
      const at = (sec: number) => new Date(t0 + sec * 1000);
      // dead: its instance stopped renewing; ended: its session ended and gave it up; live: renewed; mine: the asker's own.
      for (const [room, instanceId] of [['dead', 'a'], ['ended', 'a'], ['live', 'b'], ['mine', 'me']]) {
        await sessions.insert({ id: `s-${room}`, roomName: room, state: 'CONNECTED', startedAt: at(0), instanceId });
        await leases.acquire(room, instanceId, `s-${room}`, at(0), at(10));
      }
      sessions.save('s-ended', { state: 'ENDED', endedAt: at(5), endReason: 'STOPPED' }, leases.fence('ended', 1));
      await sessions.settled('s-ended');
      await leases.release('ended', 1, at(5));
      expect(await leases.renew('live', 1, at(30))).toBe(true);
      expect(await leases.orphans('me', at(9))).toEqual([]);
      expect((await leases.orphans('me', at(11))).map((lease) => [lease.roomName, lease.instanceId, lease.sessionId])).toEqual([['dead', 'a', 's-dead']]);
      // Once taken (a higher token, another session), it is no longer one; to another instance, the asker's own is.
      expect(await leases.acquire('dead', 'me', 's-new', at(11), at(21))).toMatchObject({ instanceId: 'me', token: 2 });
      expect((await leases.orphans('b', at(11))).map((lease) => lease.roomName)).toEqual(['mine']);
      // A second instance racing for it gets the holder back, not the room.
      expect(await leases.acquire('dead', 'b', 's-other', at(11), at(21))).toMatchObject({ instanceId: 'me', sessionId: 's-new' });
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('commands between instances', () => {
  it('runs a command on the instance named and hands back its result or its typed error; one nobody takes is withdrawn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-commands-'));
    const path = join(dir, 'haven.db');
    const storage = openStorage((await testDatabaseUrl(path)) ?? path);
    const quiet = pino({ level: 'silent' });
    const asker = new RoomCommands(storage, 'asker', quiet, { pollMs: 20, takeMs: 500 });
    const owner = new RoomCommands(storage, 'owner', quiet, { pollMs: 20, takeMs: 500 });
    try {
      await storage.migrate();
      const seen: unknown[] = [];
      owner.start(async (action, roomName, args) => {
        seen.push([action, roomName, args]);
        if (action === 'stopSession') throw new HavenError('SESSION_NOT_FOUND', `No active session in room ${JSON.stringify(roomName)}`, { roomName });
        // A name a participant chose that reads like a date stays a string; the view's dates come back as dates.
        return { roomName, startedAt: new Date('2026-12-05T10:00:00.000Z'), participants: [{ identity: '2026-01-01T00:00:00.000Z', joinedAt: new Date(0) }] };
      });
      const answer = await asker.send<{ startedAt: Date; participants: { identity: string; joinedAt: Date }[] }>('owner', 'room', 'startSession', { record: true });
      expect(answer.startedAt).toEqual(new Date('2026-12-05T10:00:00.000Z'));
      expect(answer.participants).toEqual([{ identity: '2026-01-01T00:00:00.000Z', joinedAt: new Date(0) }]);
      const refused = await asker.send('owner', 'gone-room', 'stopSession').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(HavenError);
      expect(refused).toMatchObject({ code: 'SESSION_NOT_FOUND', message: 'No active session in room "gone-room"', details: { roomName: 'gone-room' } });
      expect(seen).toEqual([
        ['startSession', 'room', { record: true }],
        ['stopSession', 'gone-room', {}],
      ]);
      // Nobody polls for 'nobody': the command is withdrawn, not run later.
      await expect(asker.send('nobody', 'room', 'stopSession')).rejects.toBeInstanceOf(NotTaken);
      expect(await storedCommands(storage)).toBe(0);
    } finally {
      await owner.stop();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function storedCommands(storage: ReturnType<typeof openStorage>): Promise<number> {
  return (await storage.db.select().from(storage.tables.roomCommands)).length;
}
