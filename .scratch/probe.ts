import pg from 'pg';
import { startLiveKit } from '../test/harness/livekit.js';
import { startPostgres } from '../test/harness/postgres.js';
import { startServerProcess } from '../test/harness/server-process.js';
import { graphqlRequest } from '../bench/server-handle.js';
const postgres = await startPostgres();
const livekit = await startLiveKit();
const url = await postgres.createDatabase('probe');
const s = await startServerProcess({ DATABASE_URL: url, HAVEN_INSTANCE_ID: 'x', HAVEN_LEASE_SEC: '10', LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret, HAVEN_RECORDING_DIR: '/tmp/probe-rec' }, { group: true });
await graphqlRequest(s.url, `mutation { startSession(input: { roomName: "p" }) { id } }`);
const c = new pg.Client(url); await c.connect();
for (let i = 0; i < 16; i++) {
  const r = await c.query('select expires_at from room_leases');
  console.log(new Date().toISOString().slice(14, 23), r.rows.map((x) => new Date(x.expires_at).toISOString().slice(14, 23)));
  await new Promise((r) => setTimeout(r, 700));
}
await c.end();
process.kill(-s.process.pid!, 'SIGKILL');
await livekit.stop(); await postgres.stop();
