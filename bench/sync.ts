/**
 * A/V sync benchmark: a metronome (white flash and beep on the same instant every second, audio
 * published 3 s after video) recorded and watched live for 60 s, idle, with both cores busy-looped
 * by other processes, and with the server stopped twice for 300 ms. Reports the audio-minus-video
 * offset in the combined file and in live timestampUs: worst, mean, and slope over the last 50 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wsClient } from '../test/harness/graphql.js';
import { killAllPublishers } from '../test/harness/publisher-client.js';
import { startServerWithLiveKit } from '../test/harness/server-process.js';
import { busyLoops, measureAvSync, settled, SETTLING_FLASHES, stallTwice, summarize, type Measured } from '../test/harness/sync-measure.js';
import { machine, machineLine } from './procfs.js';

const SECONDS = process.env.BENCH_QUICK === '1' ? 20 : 60;
const RESULTS = fileURLToPath(new URL('./results/sync.json', import.meta.url));
const log = (message: string) => process.stderr.write(`[bench sync ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const stack = await startServerWithLiveKit('bench-sync');
  const client = wsClient(stack.server.url);
  const runs: Record<string, Measured> = {};
  try {
    const run = (room: string, condition?: Parameters<typeof measureAvSync>[0]['condition']) =>
      measureAvSync({ url: stack.server.url, client, livekit: stack.livekit, room, seconds: SECONDS, condition });
    log(`idle, ${SECONDS} s`);
    runs.idle = await run('bench-idle');
    log(`both cores busy-looped, ${SECONDS} s`);
    let stop = () => undefined as void;
    runs.loaded = await run('bench-loaded', async () => {
      stop = busyLoops(2);
    });
    stop();
    log(`two 300 ms stalls of the server, ${SECONDS} s`);
    runs.stalled = await run('bench-stalled', stallTwice(stack.server.process.pid!));
  } finally {
    await client.dispose();
    killAllPublishers();
    await stack.close();
  }
  const goals: Record<string, number> = { idle: 40, loaded: 60, stalled: 60 };
  const rows = Object.entries(runs).flatMap(([condition, measured]) =>
    (['recorded', 'live'] as const).map((where) => {
      // As the tests judge: the flashes while the audio track's clock settles are reported apart.
      const s = summarize(settled(measured[where]));
      const settlingMs = measured[where].slice(0, SETTLING_FLASHES).map((p) => p.offsetMs);
      const met = s.worstMs <= goals[condition] && Math.abs(s.slopeMsPerMin) <= 5;
      return { condition, where, ...s, settlingMs, goalWorstMs: goals[condition], met };
    }),
  );
  const table = [
    '| condition | where | flashes | worst | mean | slope (last 50 s) | drift (medians) | goal | met | first two flashes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.condition} | ${r.where === 'recorded' ? 'combined.mp4' : 'live timestampUs'} | ${r.flashes} | ${round(r.worstMs)} ms | ${round(r.meanMs)} ms | ${round(r.slopeMsPerMin)} ms/min | ${round(r.driftMs)} ms | ≤ ${r.goalWorstMs} ms, ≤ 5 ms/min | ${r.met ? 'yes' : 'no'} | ${r.settlingMs.map((ms) => `${round(ms)}`).join(', ')} ms |`,
    ),
  ].join('\n');
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), machine: machine([]), seconds: SECONDS, rows, runs }, null, 2)}\n`);
  process.stdout.write(`\n### A/V sync\n\n${machineLine(machine([]))}\n\n${table}\n\nJSON: bench/results/sync.json\n`);
}

const hardLimit = setTimeout(() => {
  log('hard time limit reached');
  process.exit(1);
}, 600_000);
main()
  .then(() => {
    clearTimeout(hardLimit);
    process.exit(0);
  })
  .catch((error) => {
    log(String(error?.stack ?? error));
    process.exit(1);
  });
