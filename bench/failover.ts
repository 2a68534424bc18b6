/**
 * `npm run bench:failover`: how long the rooms of an instance that dies are without a recording.
 * Each trial starts two instances (their own processes) on one PostgreSQL server (the test
 * harness's, in a temporary folder) with the default HAVEN_LEASE_SEC, records two rooms with a
 * publisher each on the first, SIGKILLs its process group, and times until the second records both
 * rooms again; the FAILOVER gap each recording lists is read after. Prints a markdown table and
 * writes bench/results/failover.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../test/harness/livekit.js';
import { startPostgres } from '../test/harness/postgres.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { startServerProcess, type ServerProcess } from '../test/harness/server-process.js';
import { machine, machineLine } from './procfs.js';
import { graphqlRequest } from './server-handle.js';

const TRIALS = process.env.BENCH_QUICK === '1' ? 1 : 3;
const LEASE_SEC = Number(process.env.HAVEN_LEASE_SEC ?? 10);
const RESULTS = fileURLToPath(new URL('./results/failover.json', import.meta.url));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench failover ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

type Session = { ownerInstanceId: string; state: string; recordings: { id: string; state: string }[] } | null;
const SESSION = `query($roomName: String!) { session(roomName: $roomName) { ownerInstanceId state recordings { id state } } }`;

const postgres = await startPostgres();
const livekit = await startLiveKit();
const dir = mkdtempSync(join(tmpdir(), 'haven-bench-failover-'));
const trials: { takeoverSec: number[]; gapSec: number[] }[] = [];
try {
  const databaseUrl = await postgres.createDatabase('failover_bench');
  const instance = (id: string) =>
    startServerProcess(
      {
        DATABASE_URL: databaseUrl,
        HAVEN_INSTANCE_ID: id,
        HAVEN_LEASE_SEC: String(LEASE_SEC),
        HAVEN_RECORDING_MODE: 'TRANSCODE',
        HAVEN_RECORDING_DIR: join(dir, id),
        LIVEKIT_URL: livekit.url,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
      },
      { group: true },
    );
  for (let trial = 0; trial < TRIALS; trial++) {
    const rooms = [`failover-${trial}-a`, `failover-${trial}-b`];
    const publishers = await Promise.all(
      rooms.map((room) => startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'guest' })),
    );
    for (const publisher of publishers) await Promise.all([publisher.publishVideo({ width: 640, height: 360, fps: 30 }), publisher.publishAudio()]);
    const servers: ServerProcess[] = [];
    try {
      const owner = await instance(`owner-${trial}`);
      servers.push(owner);
      // Both rooms on the first instance (alone yet: with the second running, the second room would go to it).
      for (const roomName of rooms) {
        await graphqlRequest(owner.url, `mutation($roomName: String!) { startSession(input: { roomName: $roomName, record: true }) { id } }`, { roomName });
      }
      const survivor = await instance(`survivor-${trial}`);
      servers.push(survivor);
      await sleep(5_000 + Math.random() * LEASE_SEC * 1000);
      const killedAt = Date.now();
      process.kill(-owner.process.pid!, 'SIGKILL');
      const takeoverSec: number[] = [];
      for (const roomName of rooms) {
        for (;;) {
          const { session } = await graphqlRequest<{ session: Session }>(survivor.url, SESSION, { roomName });
          if (session?.ownerInstanceId === `survivor-${trial}` && session.recordings.some((r) => r.state === 'RECORDING')) break;
          if (Date.now() - killedAt > 60_000) throw new Error(`${roomName} not taken over within 60 s: ${JSON.stringify(session)}\n${survivor.output().slice(-6000)}`);
          await sleep(100);
        }
        takeoverSec.push((Date.now() - killedAt) / 1000);
      }
      await sleep(2_000);
      const gapSec: number[] = [];
      for (const roomName of rooms) {
        const { stopSession } = await graphqlRequest<{ stopSession: { recordings: { parts: { id: string }[]; gaps: { reason: string; start: number; end: number }[] }[] } }>(
          survivor.url,
          `mutation($roomName: String!) { stopSession(roomName: $roomName) { recordings { parts { id } gaps { reason start end } } } }`,
          { roomName },
        );
        // The second part's row lists the parts; the first part holds the FAILOVER gap.
        const firstId = stopSession.recordings[0].parts[0].id;
        const { recording } = await graphqlRequest<{ recording: { gaps: { reason: string; start: number; end: number }[] } }>(
          survivor.url,
          `query($id: ID!) { recording(id: $id) { gaps { reason start end } } }`,
          { id: firstId },
        );
        const gap = recording.gaps.find((g) => g.reason === 'FAILOVER');
        if (gap) gapSec.push(Math.round((gap.end - gap.start) * 10) / 10);
      }
      trials.push({ takeoverSec, gapSec });
      log(`trial ${trial + 1}: recording again ${takeoverSec.map((s) => s.toFixed(1)).join(' s, ')} s after the kill; FAILOVER gaps ${gapSec.join(' s, ')} s`);
    } finally {
      for (const server of servers) {
        try {
          process.kill(-server.process.pid!, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      await Promise.all(publishers.map((publisher) => publisher.disconnect().catch(() => undefined)));
    }
  }
} finally {
  killAllPublishers();
  await livekit.stop();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

const all = trials.flatMap((t) => t.takeoverSec);
const gaps = trials.flatMap((t) => t.gapSec);
const results = {
  machine: machineLine(machine([])),
  leaseSec: LEASE_SEC,
  trials,
  takeoverSec: { min: Math.min(...all), max: Math.max(...all) },
  failoverGapSec: { min: Math.min(...gaps), max: Math.max(...gaps) },
};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(`| measure (HAVEN_LEASE_SEC=${LEASE_SEC}, ${trials.length} SIGKILLs of an owner of 2 recording rooms) | value |\n| --- | --- |`);
console.log(`| from the SIGKILL to both rooms recording again on the other instance | ${results.takeoverSec.min.toFixed(1)}–${results.takeoverSec.max.toFixed(1)} s |`);
console.log(`| FAILOVER gap listed in the recordings | ${results.failoverGapSec.min}–${results.failoverGapSec.max} s |`);
console.log(results.machine);
