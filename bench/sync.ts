/**
 * A/V sync benchmark: a metronome (white flash and beep on the same instant every second, audio
 * published 3 s after video) recorded and watched live for 60 s, idle, with both cores busy-looped
 * by other processes, and with the server stopped twice for 300 ms; by the project's own publisher
 * (audio kept ahead) and by an independent one (audio pushed in real time into a 50 ms queue).
 * Reports the audio-minus-video offset in the combined file and in live timestampUs: mean (partly
 * the publisher's), band within the run, shift across stalls, and slope over the last 50 s. Each
 * recording mode in turn (BENCH_SYNC_MODES, default "PASSTHROUGH,TRANSCODE"); in PASSTHROUGH the
 * stalls stop haven-live and its media tap together; and, in PASSTHROUGH, a Chromium publisher
 * (livekit-client, a canvas and Web Audio) in the same three conditions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wsClient } from '../test/harness/graphql.js';
import { killAllPublishers } from '../test/harness/publisher-client.js';
import { startServerWithLiveKit } from '../test/harness/server-process.js';
import { tapPids } from '../test/harness/tap.js';
import { busyLoops, measureAvSync, settled, SETTLING_FLASHES, shiftAcrossStalls, stallTwice, summarize, type Measured } from '../test/harness/sync-measure.js';
import { machine, machineLine } from './procfs.js';

const SECONDS = process.env.BENCH_QUICK === '1' ? 20 : 60;
const MODES = (process.env.BENCH_SYNC_MODES ?? 'PASSTHROUGH,TRANSCODE').split(',').map((mode) => mode.trim().toUpperCase()) as ('PASSTHROUGH' | 'TRANSCODE')[];
const RESULTS = fileURLToPath(new URL('./results/sync.json', import.meta.url));
const log = (message: string) => process.stderr.write(`[bench sync ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const stack = await startServerWithLiveKit('bench-sync');
  const client = wsClient(stack.server.url);
  const runs: Record<string, Measured> = {};
  const stalls: Record<string, number[]> = {};
  try {
    for (const mode of MODES)
      // A web application's publisher too in PASSTHROUGH: livekit-client in Chromium, a canvas and Web Audio.
      for (const publisher of mode === 'PASSTHROUGH' ? (['own', 'independent', 'chromium'] as const) : (['own', 'independent'] as const)) {
        const run = (room: string, condition?: Parameters<typeof measureAvSync>[0]['condition']) =>
          measureAvSync({ url: stack.server.url, client, livekit: stack.livekit, room: `${room}-${mode.toLowerCase()}`, seconds: SECONDS, condition, publisher, mode });
        log(`${mode}, ${publisher} publisher: idle, ${SECONDS} s`);
        runs[`idle/${publisher}/${mode}`] = await run(`bench-idle-${publisher}`);
        log(`${mode}, ${publisher} publisher: both cores busy-looped, ${SECONDS} s`);
        let stop = () => undefined as void;
        runs[`loaded/${publisher}/${mode}`] = await run(`bench-loaded-${publisher}`, async () => {
          stop = busyLoops(2);
        });
        stop();
        log(`${mode}, ${publisher} publisher: two 300 ms stalls of the server${mode === 'PASSTHROUGH' ? ' and its tap' : ''}, ${SECONDS} s`);
        const at: number[] = [];
        const stalled = () => [stack.server.process.pid!, ...(mode === 'PASSTHROUGH' ? tapPids() : [])];
        const measured = await run(`bench-stalled-${publisher}`, stallTwice(stalled, at));
        runs[`stalled/${publisher}/${mode}`] = measured;
        stalls[`stalled/${publisher}/${mode}`] = at.map((ms) => (ms - measured.startedAtMs) / 1000);
      }
  } finally {
    await client.dispose();
    killAllPublishers();
    await stack.close();
  }
  const rows = Object.entries(runs).flatMap(([key, measured]) =>
    (['recorded', 'live'] as const).map((where) => {
      const [condition, publisher, mode] = key.split('/');
      // As the tests judge: the flashes while the audio track's clock settles are reported apart.
      const judged = settled(measured[where]);
      const s = summarize(judged);
      const settlingMs = measured[where].slice(0, SETTLING_FLASHES).map((p) => p.offsetMs);
      const shiftMs = shiftAcrossStalls(judged, stalls[key] ?? []);
      // Goals: within a run the offset stays in a 20 ms band (idle, loaded); across stalls within
      // 60 ms of where it was from 1 s after each; slope at most 5 ms/min. The mean is partly the publisher's.
      const met = (condition === 'stalled' ? shiftMs <= 60 : s.bandMs <= 20) && Math.abs(s.slopeMsPerMin) <= 5;
      return { condition, publisher, mode, where, ...s, shiftMs, settlingMs, met, missingBeeps: measured.missingBeeps[where] };
    }),
  );
  const table = [
    '| condition | publisher | where | flashes | beeps missing | mean | band (max − min) | worst | shift across stalls | slope (last 50 s) | drift (medians) | met | first two flashes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.condition} | ${r.publisher} | ${r.where === 'recorded' ? (r.mode === 'PASSTHROUGH' ? 'combined.webm (PASSTHROUGH)' : 'combined.mp4 (TRANSCODE)') : `live timestampUs (${r.mode} run)`} | ${r.flashes} | ${r.missingBeeps.length ? r.missingBeeps.map((t) => `${round(t)} s`).join(', ') : 'none'} | ${round(r.meanMs)} ms | ${round(r.bandMs)} ms | ${round(r.worstMs)} ms | ${r.condition === 'stalled' ? `${round(r.shiftMs)} ms` : '–'} | ${round(r.slopeMsPerMin)} ms/min | ${round(r.driftMs)} ms | ${r.met ? 'yes' : 'no'} | ${r.settlingMs.map((ms) => `${round(ms)}`).join(', ')} ms |`,
    ),
  ].join('\n');
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), machine: machine([]), seconds: SECONDS, rows, runs, stalls }, null, 2)}\n`);
  process.stdout.write(`\n### A/V sync\n\n${machineLine(machine([]))}\n\n${table}\n\nJSON: bench/results/sync.json\n`);
}

const hardLimit = setTimeout(() => {
  log('hard time limit reached');
  process.exit(1);
}, 1_200_000);
main()
  .then(() => {
    clearTimeout(hardLimit);
    process.exit(0);
  })
  .catch((error) => {
    log(String(error?.stack ?? error));
    process.exit(1);
  });
