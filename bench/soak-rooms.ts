/**
 * `npm run bench:soak-rooms`: haven-live running by itself for a long time, as it is left to run.
 * A watch rule records every room `soak-*` (emptyRoomSec 2); cycle after cycle two publishers
 * (640x360 15 fps and a tone) join a new room, one of them with haven.record=off; haven-live
 * finds the room by reconciliation (every 2 s), records it, the recording is paused and resumed,
 * the publishers leave, the session ends with EMPTY_ROOM and the recording is uploaded to object
 * storage (versitygw on this machine). Samples the server's RSS and heap every 10 s. At the end
 * every recording must be COMPLETE with every file STORED, the unwilling participant never
 * recorded, no session, ffmpeg or upload left, and RSS flat. SOAK_MINUTES sets the length
 * (default 10). Writes bench/results/soak-rooms.json; exits non-zero when a check fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../test/harness/livekit.js';
import { killAllPublishers, startPublisher } from '../test/harness/publisher-client.js';
import { startS3 } from '../test/harness/s3.js';
import { childrenOf, machine, machineLine } from './procfs.js';
import { rssBytes } from '../test/harness/processes.js';
import type { ServerSample } from './server.js';
import { graphqlRequest, ServerHandle } from './server-handle.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SAMPLE_MS = 10_000;
const MB = 1024 * 1024;
const RESULTS = fileURLToPath(new URL('./results/soak-rooms.json', import.meta.url));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[soak-rooms ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

type Rec = { id: string; roomName: string; participantIdentity: string; state: string; stopReason: string | null; pauses: { end: string | null }[]; files: { storage: string }[] };

async function main(): Promise<void> {
  if (!Number.isFinite(MINUTES) || MINUTES <= 0) throw new Error('SOAK_MINUTES must be a positive number');
  setTimeout(() => {
    log('soak overran its time; exiting');
    process.exit(1);
  }, MINUTES * 60_000 + 300_000).unref();
  const livekit = await startLiveKit();
  const s3 = await startS3();
  const server = await ServerHandle.start({
    livekitUrl: livekit.url,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    reconcileSec: 2,
    storage: { url: `s3://${s3.bucket}/soak`, endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } },
  });
  const gql = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(server.url, query, variables);
  const sample = async () => {
    const s = await server.request<ServerSample>({ cmd: 'sample' });
    const taps = childrenOf(server.pid).filter((child) => child.comm === 'haven-tap');
    return {
      rssMb: s.memory.rss / MB,
      heapUsedMb: s.memory.heapUsed / MB,
      ffmpeg: childrenOf(server.pid).filter((child) => child.comm === 'ffmpeg').length,
      taps: taps.length,
      tapRssMb: taps.reduce((sum, tap) => sum + rssBytes(tap.pid), 0) / MB,
    };
  };
  const failures: string[] = [];
  try {
    await gql(`mutation { createWatchRule(input: { roomPattern: "soak-*", record: true, emptyRoomSec: 2 }) { id } }`);
    const startedAt = Date.now();
    const points: ({ atS: number } & Awaited<ReturnType<typeof sample>>)[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        points.push({ atS: Math.round((Date.now() - startedAt) / 1000), ...(await sample()) });
        await sleep(SAMPLE_MS);
      }
    })();
    let cycles = 0;
    while (Date.now() - startedAt < MINUTES * 60_000) {
      const room = `soak-${cycles}`;
      const willing = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'willing' });
      const unwilling = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'unwilling', attributes: { 'haven.record': 'off' } });
      await Promise.all([willing.publishVideo({ width: 640, height: 360, fps: 15 }), willing.publishAudio(), unwilling.publishAudio()]);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { session } = await gql<{ session: { recordings: Rec[] } | null }>(`query($r: String!) { session(roomName: $r) { recordings { id state } } }`, { r: room });
        if (session?.recordings.some((r) => r.state === 'RECORDING')) break;
        if (Date.now() > deadline) {
          failures.push(`${room}: not recorded within 30 s of the join`);
          break;
        }
        await sleep(200);
      }
      await sleep(4_000);
      await gql(`mutation($r: String!) { pauseRecording(roomName: $r) { id } }`, { r: room }).catch((error) => failures.push(`${room}: pause: ${error}`));
      await sleep(2_000);
      await gql(`mutation($r: String!) { resumeRecording(roomName: $r) { id } }`, { r: room }).catch((error) => failures.push(`${room}: resume: ${error}`));
      await sleep(4_000);
      await Promise.all([willing.disconnect(), unwilling.disconnect()]);
      cycles++;
      if (cycles % 5 === 0) log(`${cycles} rooms; RSS ${points.at(-1)?.rssMb.toFixed(0)} MB`);
    }
    // The last rooms empty, end and upload.
    let pending: Rec[] = [];
    let sessionsLeft = 0;
    const settle = Date.now() + 60_000;
    do {
      await sleep(1_000);
      const list = await gql<{ recordings: { edges: { node: Rec }[] } }>(`{ recordings(first: 100) { edges { node { id roomName participantIdentity state stopReason pauses { end } files { storage } } } } }`);
      pending = list.recordings.edges.map((e) => e.node).filter((r) => r.state !== 'COMPLETE' || r.files.some((f) => f.storage !== 'STORED'));
      sessionsLeft = (await gql<{ activeSessions: unknown[] }>(`{ activeSessions { id } }`)).activeSessions.length;
    } while ((pending.length > 0 || sessionsLeft > 0) && Date.now() < settle);
    sampling = false;
    await sampler;
    const all = await gql<{ recordings: { edges: { node: Rec }[] } }>(`{ recordings(first: 100) { edges { node { id roomName participantIdentity state stopReason pauses { end } files { storage } } } } }`);
    const recordings = all.recordings.edges.map((e) => e.node);
    const active = await gql<{ activeSessions: { roomName: string }[] }>(`{ activeSessions { roomName } }`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const uploadedMb = Number(/^haven_upload_bytes_total (\d+)/m.exec(metrics)?.[1] ?? 0) / 1e6;
    const uploadsPending = Number(/^haven_uploads_pending (\d+)/m.exec(metrics)?.[1] ?? -1);
    const after = await sample();
    if (recordings.length < Math.min(cycles, 100)) failures.push(`${recordings.length} recordings for ${cycles} rooms`);
    if (pending.length) failures.push(`not complete and stored: ${JSON.stringify(pending.slice(0, 3))}`);
    if (recordings.some((r) => r.participantIdentity === 'unwilling')) failures.push('the participant with haven.record=off was recorded');
    if (recordings.some((r) => r.pauses.length !== 1)) failures.push('a recording without its one pause');
    if (active.activeSessions.length) {
      const left = await gql<{ activeSessions: { roomName: string; state: string; participants: { identity: string }[] }[] }>(`{ activeSessions { roomName state participants { identity } } }`);
      failures.push(`sessions left: ${JSON.stringify(left.activeSessions)}`);
    }
    if (after.ffmpeg !== 0) failures.push(`${after.ffmpeg} ffmpeg left`);
    if (after.taps !== 0) failures.push(`${after.taps} media taps left`);
    const modes = (await gql<{ recordings: { edges: { node: { mode: string } }[] } }>(`{ recordings(first: 100) { edges { node { mode } } } }`)).recordings.edges.map((e) => e.node.mode);
    if (uploadsPending !== 0) failures.push(`${uploadsPending} uploads pending`);
    const average = (list: typeof points, key: 'rssMb' | 'heapUsedMb') => list.reduce((sum, p) => sum + p[key], 0) / Math.max(1, list.length);
    const last = points.at(-1)!;
    const firstMinutes = points.filter((p) => p.atS >= 60 && p.atS <= 120);
    const lastMinute = points.filter((p) => p.atS >= last.atS - 60);
    const result = {
      minutes: MINUTES,
      machine: machineLine(machine(loadavg())),
      rooms: cycles,
      modes: [...new Set(modes)],
      tapRssMbPeak: Math.round(Math.max(...points.map((p) => p.tapRssMb))),
      recordings: recordings.length,
      stopReasons: [...new Set(recordings.map((r) => r.stopReason))],
      uploadedMb: Math.round(uploadedMb * 10) / 10,
      rssMb: { second: Math.round(average(firstMinutes, 'rssMb')), end: Math.round(average(lastMinute, 'rssMb')), peak: Math.round(Math.max(...points.map((p) => p.rssMb))) },
      rssGrowthMb: Math.round(average(lastMinute, 'rssMb') - average(firstMinutes, 'rssMb')),
      heapGrowthMb: Math.round(average(lastMinute, 'heapUsedMb') - average(firstMinutes, 'heapUsedMb')),
      failures,
      points,
    };
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      [
        '',
        '### Rooms soak',
        '',
        result.machine,
        '',
        '| what | value |',
        '|---|---|',
        `| run | ${MINUTES} min, ${cycles} rooms found by reconciliation, recorded, paused and resumed, ended by EMPTY_ROOM |`,
        `| recordings | ${recordings.length} (${result.modes.join(', ')}; stop reasons: ${result.stopReasons.join(', ')}), ${result.uploadedMb} MB uploaded |`,
        `| media taps | peak RSS ${result.tapRssMbPeak} MB (one per recorded room), ${after.taps === 0 ? 'none' : after.taps} left at the end |`,
        `| RSS (average of minute 2, of the last minute, peak) | ${result.rssMb.second} MB, ${result.rssMb.end} MB, ${result.rssMb.peak} MB: growth ${result.rssGrowthMb} MB |`,
        `| heap growth | ${result.heapGrowthMb} MB |`,
        `| checks | ${failures.length ? failures.join('; ') : 'every recording COMPLETE and STORED, none of haven.record=off, no session, ffmpeg, media tap or upload left'} |`,
        '',
        'JSON: bench/results/soak-rooms.json',
        '',
      ].join('\n'),
    );
  } finally {
    await server.stop().catch(() => undefined);
    killAllPublishers();
    await s3.stop();
    await livekit.stop();
  }
  if (failures.length) process.exit(1);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    killAllPublishers();
    process.exit(1);
  },
);
