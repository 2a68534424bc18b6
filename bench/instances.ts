/**
 * `npm run bench:instances`: what sharing one PostgreSQL costs, on a real server (Debian's
 * postgresql, started by the test harness in a temporary folder). Two instances' services on the
 * same database, without LiveKit:
 * - room leases: one instance holds ROOMS leases and renews them as it does while running (every
 *   third of the lease); the time one renewal round takes, and its statements per second;
 * - events across instances: one instance stores EVENTS session events as fast as they come, the
 *   other reads them for its subscribers (when told by NOTIFY, and every 500 ms); events per second
 *   end to end, and the delay from stored to handed to a subscriber on the other instance, for a
 *   burst and at 50 events a second.
 * Prints a markdown table and writes bench/results/instances.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { openStorage } from '../src/db/client.js';
import { Broadcast } from '../src/broadcast.js';
import { EventJournal } from '../src/services/event-journal.js';
import type { SessionEvent } from '../src/services/events.js';
import { InstanceService } from '../src/services/instances.js';
import { LeaseStore } from '../src/services/lease-store.js';
import { startPostgres } from '../test/harness/postgres.js';
import { machine, machineLine } from './procfs.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 100);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const LEASE_SEC = 10;
const RESULTS = fileURLToPath(new URL('./results/instances.json', import.meta.url));
const quiet = pino({ level: 'silent' });
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

const server = await startPostgres();
try {
  const url = await server.createDatabase('haven_bench');
  const [one, two] = [openStorage(url), openStorage(url)];
  await one.migrate();

  // Leases: ROOMS rooms held by one instance, renewed round after round.
  const leases = new LeaseStore(one);
  const rounds: number[] = [];
  const now = Date.now();
  for (let i = 0; i < ROOMS; i++) await leases.acquire(`room-${i}`, 'first', `session-${i}`, new Date(now), new Date(now + LEASE_SEC * 1000));
  for (let r = 0; r < 30; r++) {
    const started = performance.now();
    for (let i = 0; i < ROOMS; i++) await leases.renew(`room-${i}`, 1, new Date(Date.now() + LEASE_SEC * 1000));
    rounds.push(performance.now() - started);
  }
  const roundMs = percentile(rounds, 50);
  const statementsPerSec = (ROOMS + 1) / (LEASE_SEC / 3);

  // Events: stored by the first instance, read by the second for its subscriber.
  const sources = (id: string, other: string) => ({ id, others: async () => [other] });
  const firstInstance = new InstanceService(one, quiet, { id: 'first', maxSessions: 16 });
  const secondInstance = new InstanceService(two, quiet, { id: 'second', maxSessions: 16 });
  await firstInstance.start(() => undefined);
  await secondInstance.start(() => undefined);
  const writer = new EventJournal(one, sources('first', 'second'), quiet);
  const reader = new EventJournal(two, sources('second', 'first'), quiet);
  const bus = new Broadcast<SessionEvent>();
  await writer.start(bus);
  await reader.start(new Broadcast<SessionEvent>());
  const subscription = reader.subscribe('bench-room', undefined, EVENTS + 10);
  const delays: number[] = [];
  let received = 0;
  const done = (async () => {
    for await (const event of subscription) {
      delays.push(Date.now() - event.at.getTime());
      if (++received === EVENTS) break;
    }
  })();
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    bus.publish({ type: 'ActiveSpeakersChanged', identities: [`speaker-${i % 7}`], sessionId: 'bench-session', roomName: 'bench-room', at: new Date() });
    // Events come from LiveKit a few at a time: let the writer run between them.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
  const seconds = (performance.now() - started) / 1000;

  // At a room's usual pace: 50 events a second for 5 s, each timed from its publication to the other instance's subscriber.
  const paced = reader.subscribe('paced-room', undefined, 1_000);
  const pacedDelays: number[] = [];
  const pacedDone = (async () => {
    for await (const event of paced) {
      pacedDelays.push(Date.now() - event.at.getTime());
      if (pacedDelays.length === 250) break;
    }
  })();
  for (let i = 0; i < 250; i++) {
    bus.publish({ type: 'ActiveSpeakersChanged', identities: [`speaker-${i % 7}`], sessionId: 'paced-session', roomName: 'paced-room', at: new Date() });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await pacedDone;
  firstInstance.stop();
  secondInstance.stop();
  await writer.stop();
  await reader.stop();
  await Promise.all([one.close(), two.close()]);

  const results = {
    machine: machineLine(machine([])),
    leases: { rooms: ROOMS, leaseSec: LEASE_SEC, renewalRoundMs: round(roundMs), renewalRoundP95Ms: round(percentile(rounds, 95)), statementsPerSec: round(statementsPerSec, 1) },
    events: { events: EVENTS, perSecond: Math.round(EVENTS / seconds), delayP50Ms: percentile(delays, 50), delayP99Ms: percentile(delays, 99) },
    pacedEvents: { perSecond: 50, delayP50Ms: percentile(pacedDelays, 50), delayP99Ms: percentile(pacedDelays, 99) },
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`| measure | value |\n| --- | --- |`);
  console.log(`| renewing ${ROOMS} room leases, one round (every ${round(LEASE_SEC / 3, 1)} s) | ${results.leases.renewalRoundMs} ms (p95 ${results.leases.renewalRoundP95Ms} ms), ${results.leases.statementsPerSec} statements/s |`);
  console.log(`| session events from one instance to another's subscriber | ${results.events.perSecond} events/s, delay p50 ${results.events.delayP50Ms} ms, p99 ${results.events.delayP99Ms} ms |`);
  console.log(`| session events at 50/s, from one instance to another's subscriber | delay p50 ${results.pacedEvents.delayP50Ms} ms, p99 ${results.pacedEvents.delayP99Ms} ms |`);
  console.log(results.machine);
} finally {
  await server.stop();
}
