import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient } from './harness/graphql.js';
import { killAllPublishers } from './harness/publisher-client.js';
import { startServerWithLiveKit, type ServerWithLiveKit } from './harness/server-process.js';
import { busyLoops, measureAvSync, stallTwice, summarize, type Measured, type SyncRun } from './harness/sync-measure.js';

const RECORD_S = 60;

describe('one clock for audio and video, recorded and live (flash/beep publisher, audio published 3 s late, 60 s)', () => {
  let stack: ServerWithLiveKit;
  let client: Client;

  beforeAll(async () => {
    stack = await startServerWithLiveKit('sync', process.env.SYNC_DEBUG ? { LOG_LEVEL: 'debug' } : {});
    client = wsClient(stack.server.url);
  });

  afterAll(async () => {
    await client?.dispose();
    killAllPublishers();
    await stack?.close();
  });

  const measure = (room: string, condition?: SyncRun['condition']) =>
    measureAvSync({ url: stack.server.url, client, livekit: stack.livekit, room, seconds: RECORD_S, condition });

  function expectInSync(measured: Measured, boundMs: number): void {
    const lines = (['recorded', 'live'] as const).map((name) => {
      const s = summarize(measured[name]);
      return `${name}: worst ${s.worstMs.toFixed(1)} ms, mean ${s.meanMs.toFixed(1)} ms, slope ${s.slopeMsPerMin.toFixed(1)} ms/min over ${s.flashes} flashes; offsets ${measured[name].map((p) => p.offsetMs.toFixed(0)).join(' ')}`;
    });
    console.log(lines.join('\n'));
    if (process.env.SYNC_DEBUG) console.log(stack.server.output().split('\n').filter((line) => line.includes('re-anchored')).join('\n'));
    (['recorded', 'live'] as const).forEach((name, i) => {
      // The first flash after the audio track starts falls in the second its clock settles in.
      const s = summarize(measured[name].slice(1));
      // Audio starts 3 s into 60 s: at least 50 flashes with their beeps.
      expect(s.flashes, lines[i]).toBeGreaterThanOrEqual(50);
      expect(s.worstMs, lines[i]).toBeLessThanOrEqual(boundMs);
      // The goal is 5 ms/min (the bench reports it). One 10-20 ms step (a re-anchor, or the file's
      // 5 ms audio windows and 33 ms frame slots) tilts a 50 s fit by up to 25 ms/min; real drift
      // (the old clock's 13 ms/s, 780 ms/min) is far beyond 30.
      expect(Math.abs(s.slopeMsPerMin), lines[i]).toBeLessThanOrEqual(30);
    });
  }

  it('idle: worst |audio - video| at most 40 ms once the track clock settled, no drift', { timeout: 180_000 }, async () => {
    expectInSync(await measure('sync-idle'), 40);
  });

  it('both cores busy-looped by other processes: at most 60 ms', { timeout: 180_000 }, async () => {
    let stop = () => undefined as void;
    try {
      const measured = await measure('sync-loaded', async () => {
        stop = busyLoops(2);
      });
      stop();
      expectInSync(measured, 60);
    } finally {
      stop();
    }
  });

  // The goal is 60 ms throughout. Measured here: a stall throws the next seconds off by up to ~150 ms
  // while libwebrtc drains the audio it held (README, A/V sync), and a flash captured just before it
  // is played out after it; what holds is that the offset is back within 60 ms 8 s after each stall
  // and stays there, and does not drift once settled.
  it('the server stopped twice for 300 ms (SIGSTOP/SIGCONT): within 60 ms up to 1 s before and from 8 s after each stall', { timeout: 180_000 }, async () => {
    const stalls: number[] = [];
    const measured = await measure('sync-stalled', stallTwice(stack.server.process.pid!, stalls));
    const stallSec = stalls.map((at) => (at - measured.startedAtMs) / 1000);
    expect(stallSec).toHaveLength(2);
    // A flash captured just before a stall is played out after it: the second before counts as the stall's.
    const settled = (pairs: Measured['live']) => pairs.filter((p) => stallSec.every((s) => p.atSec < s - 1 || p.atSec >= s + 8));
    const lines = (['recorded', 'live'] as const).map((name) => {
      const s = summarize(measured[name]);
      return `${name}: stalls at ${stallSec.map((t) => t.toFixed(1)).join(', ')} s; worst ${s.worstMs.toFixed(1)} ms; offsets ${measured[name].map((p) => `${p.atSec.toFixed(0)}:${p.offsetMs.toFixed(0)}`).join(' ')}`;
    });
    console.log(lines.join('\n'));
    (['recorded', 'live'] as const).forEach((name, i) => {
      const pairs = settled(measured[name]);
      expect(pairs.length, lines[i]).toBeGreaterThanOrEqual(30);
      expect(Math.max(...pairs.map((p) => Math.abs(p.offsetMs))), lines[i]).toBeLessThanOrEqual(60);
      // Once settled after both stalls (12 s on, about the last 15 s): no drift.
      const last = measured[name].filter((p) => p.atSec >= stallSec[1] + 12);
      expect(last.length, lines[i]).toBeGreaterThanOrEqual(12);
      expect(Math.abs(summarize(last).slopeMsPerMin), lines[i]).toBeLessThanOrEqual(30);
    });
  });
});
