import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient } from './harness/graphql.js';
import { killAllPublishers } from './harness/publisher-client.js';
import { startServerWithLiveKit, type ServerWithLiveKit } from './harness/server-process.js';
import { tapBin, tapPids } from './harness/tap.js';
import { busyLoops, measureAvSync, shiftAcrossStalls, settled, stallTwice, summarize, type Measured, type SyncPair, type SyncRun } from './harness/sync-measure.js';

/** 45 s a run: four runs (the independent publisher's among them) take what three of 60 s took. */
const RECORD_S = 45;
/** In the seconds around a stall, and for the one flash a loaded recorder may put late. */
const STALL_BOUND_MS = 200;
/** From the run's median offset, for a publisher whose own send delay sets the mean. */
const INDEPENDENT_BOUND_MS = 40;
/** PASSTHROUGH: the band of the offset from the third flash on (every flash), and its drift (ms). */
const PASSTHROUGH_BOUND_MS = 20;
/** Where the publisher's sender reports put audio against video, with a margin for a loaded publisher. */
const PASSTHROUGH_MEAN_MS = 40;
const PASSTHROUGH_DRIFT_MS = 5;
/** Median offset of the last 10 flashes against the first 10 judged. */
const DRIFT_BOUND_MS = 50;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

describe('one clock for audio and video, recorded and live (flash/beep publisher, audio published 3 s late, 45 s)', () => {
  let stack: ServerWithLiveKit;
  let client: Client;

  beforeAll(async () => {
    // The runs above judge the TRANSCODE recorder; the PASSTHROUGH runs name their mode.
    stack = await startServerWithLiveKit('sync', { HAVEN_RECORDING_MODE: 'TRANSCODE', ...(process.env.SYNC_DEBUG ? { LOG_LEVEL: 'debug' } : {}) });
    client = wsClient(stack.server.url);
  });

  afterAll(async () => {
    await client?.dispose();
    killAllPublishers();
    await stack?.close();
  });

  const measure = (room: string, condition?: SyncRun['condition'], publisher: SyncRun['publisher'] = 'own', mode?: SyncRun['mode']) =>
    measureAvSync({ url: stack.server.url, client, livekit: stack.livekit, room, seconds: RECORD_S, condition, publisher, mode });

  /**
   * Judges the flashes after the clock settled (see SETTLING_FLASHES) against `boundMs`, all but
   * one. Around each stall, from 1 s before (a flash captured then is played out after it) to 3 s
   * after, the bound is STALL_BOUND_MS: libwebrtc's audio jitter buffer then plays out what waited.
   */
  function expectInSync(measured: Measured, boundMs: number, stallSec: number[] = [], options: { aroundMedian?: boolean } = {}): void {
    const lines = (['recorded', 'live'] as const).map((name) => {
      const s = summarize(measured[name]);
      return `${name}: worst ${s.worstMs.toFixed(1)} ms, mean ${s.meanMs.toFixed(1)} ms, slope ${s.slopeMsPerMin.toFixed(1)} ms/min, drift ${s.driftMs.toFixed(1)} ms over ${s.flashes} flashes; offsets ${measured[name].map((p) => p.offsetMs.toFixed(0)).join(' ')}`;
    });
    console.log(lines.join('\n'));
    if (process.env.SYNC_DEBUG) console.log(stack.server.output().split('\n').filter((line) => line.includes('re-anchored')).join('\n'));
    (['recorded', 'live'] as const).forEach((name, i) => {
      const judged = settled(measured[name]);
      const nearStall = (p: SyncPair) => stallSec.some((s) => p.atSec >= s - 1 && p.atSec < s + 3);
      // Every flash has its beep in the file. Live, a beep may be missing only in the seconds after
      // a stall, one a stall at most: live chunks already sent cannot be taken back, so media that
      // comes late (after what libwebrtc concealed in its place was sent) is dropped.
      const missing = measured.missingBeeps[name];
      const missingNote = `${lines[i]}; flashes without a beep at ${missing.map((t) => t.toFixed(1)).join(', ')} s`;
      if (name === 'recorded') expect(missing, missingNote).toEqual([]);
      else {
        expect(missing.filter((t) => !nearStall({ atSec: t, offsetMs: 0 })), missingNote).toEqual([]);
        expect(missing.length, missingNote).toBeLessThanOrEqual(stallSec.length);
      }
      // Audio starts 3 s into 45 s: at least 35 flashes with their beeps.
      expect(judged.length, lines[i]).toBeGreaterThanOrEqual(35);
      // All but one: on a loaded machine one flash in the file was once 167 ms late while the live
      // offsets held within 8 ms (most likely frames the recorder dropped while ffmpeg was behind).
      // An independent publisher's own send delay is part of the mean: its offsets are judged from the run's median.
      const centre = options.aroundMedian ? median(judged.map((p) => p.offsetMs)) : 0;
      const offsets = judged.filter((p) => !nearStall(p)).map((p) => Math.abs(p.offsetMs - centre)).sort((a, b) => b - a);
      expect(offsets[1], lines[i]).toBeLessThanOrEqual(boundMs);
      expect(summarize(judged).worstMs, lines[i]).toBeLessThanOrEqual(STALL_BOUND_MS);
      // The goal is 5 ms/min of slope (the bench reports it), which one 10-30 ms step (a re-anchor,
      // a video frame slot) tilts by up to 50 ms/min. Drift as the old clock's (13 ms/s) moves the
      // median offset by hundreds of ms; a step moves it by its size.
      expect(Math.abs(summarize(judged).driftMs), lines[i]).toBeLessThanOrEqual(DRIFT_BOUND_MS);
    });
  }

  it('idle: worst |audio - video| at most 40 ms once the track clock settled, no drift', { timeout: 180_000 }, async () => {
    expectInSync(await measure('sync-idle'), 40);
  });

  it('idle, an independent publisher (audio pushed in real time into a 50 ms queue): within INDEPENDENT_BOUND_MS of the run\'s median, no drift', { timeout: 180_000 }, async () => {
    expectInSync(await measure('sync-independent', undefined, 'independent'), INDEPENDENT_BOUND_MS, [], { aroundMedian: true });
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

  it('the server stopped twice for 300 ms (SIGSTOP/SIGCONT): at most 60 ms outside the seconds after each stall, no drift', { timeout: 180_000 }, async () => {
    const stalls: number[] = [];
    const measured = await measure('sync-stalled', stallTwice(stack.server.process.pid!, stalls));
    expect(stalls).toHaveLength(2);
    const stallSec = stalls.map((at) => (at - measured.startedAtMs) / 1000);
    console.log(`stalls at ${stallSec.map((t) => t.toFixed(1)).join(', ')} s`);
    expectInSync(measured, 60, stallSec);
    // Flashes in the seconds after each stall, when libwebrtc plays out the audio that waited.
    for (const name of ['recorded', 'live'] as const) {
      const after = measured[name].filter((p) => stallSec.some((s) => p.atSec >= s - 0.5 && p.atSec < s + 6));
      expect(after.length, name).toBeGreaterThanOrEqual(8);
    }
  });

  /**
   * PASSTHROUGH: the media tap writes packets with their RTP times and the combined file lines video
   * up with audio by the publisher's sender reports, once: loaded cores and stalls of the tap itself
   * cannot move a packet's time. Judged in the file (the live streams stay on rtc-node, judged above).
   */
  function expectPassthroughInSync(measured: Measured, stallSec: number[] = [], publisher: SyncRun['publisher'] = 'own'): void {
    const s = summarize(settled(measured.recorded));
    // Live media stays on rtc-node: judged by the runs above; printed here for comparison.
    const live = summarize(settled(measured.live));
    console.log(`live (rtc-node) in the same run: band ${live.bandMs.toFixed(1)} ms, drift ${live.driftMs.toFixed(1)} ms, shift across stalls ${shiftAcrossStalls(settled(measured.live), stallSec).toFixed(1)} ms; offsets ${measured.live.map((p) => p.offsetMs.toFixed(0)).join(' ')}`);
    console.log(`alignment: ${JSON.stringify(measured.alignment)}`);
    const line = `passthrough, ${publisher} publisher: worst ${s.worstMs.toFixed(1)} ms, mean ${s.meanMs.toFixed(1)} ms, slope ${s.slopeMsPerMin.toFixed(1)} ms/min, band ${s.bandMs.toFixed(1)} ms over ${s.flashes} flashes; offsets ${measured.recorded.map((p) => p.offsetMs.toFixed(0)).join(' ')}`;
    console.log(line + (stallSec.length ? `; tap stalled at ${stallSec.map((t) => t.toFixed(1)).join(', ')} s` : ''));
    expect(measured.missingBeeps.recorded, line).toEqual([]);
    expect(s.flashes, line).toBeGreaterThanOrEqual(35);
    // Packets keep their RTP times: within a run the offset does not move (band), whatever the load.
    // Its mean is where the publisher's sender reports put audio against video (7-22 ms for the
    // project's publisher in runs here, varying with the publisher's own load); an independent
    // publisher adds its own send delay, and Chromium (livekit-client, a canvas and Web Audio) its
    // own capture paths.
    // An independent publisher's audio source that runs dry under load sends the rest of its audio
    // one 10 ms tick later, and its live stream shows the same step: two such steps in one loaded
    // run (seen in a CI run: 20, 30, 41 ms in the file, 17, 27, 42 ms live) are its own.
    const band = publisher === 'independent' ? PASSTHROUGH_BOUND_MS + 10 : PASSTHROUGH_BOUND_MS;
    expect(s.bandMs, line).toBeLessThanOrEqual(band);
    expect(Math.abs(s.meanMs), line).toBeLessThanOrEqual(publisher === 'own' ? PASSTHROUGH_MEAN_MS : PASSTHROUGH_MEAN_MS + 20);
    // No drift: offsets are whole ms, so one 1 ms step tilts a 45 s run's slope by 2 ms/min; the bench
    // measures the slope over minutes. An independent publisher whose audio source runs dry under load
    // sends the rest of its audio one 10 ms tick later on its RTP clock: a step within the band.
    expect(Math.abs(s.driftMs), line).toBeLessThanOrEqual(publisher === 'own' ? PASSTHROUGH_DRIFT_MS : band);
  }

  it('PASSTHROUGH, idle: the offset in the file stays in a band of PASSTHROUGH_BOUND_MS from the third flash, no drift', { timeout: 180_000 }, async () => {
    expectPassthroughInSync(await measure('sync-passthrough', undefined, 'own', 'PASSTHROUGH'));
  });

  it('PASSTHROUGH, an independent publisher (audio pushed in real time), idle: a band of PASSTHROUGH_BOUND_MS, no drift', { timeout: 180_000 }, async () => {
    expectPassthroughInSync(await measure('sync-passthrough-independent', undefined, 'independent', 'PASSTHROUGH'), [], 'independent');
  });

  it.each(['own', 'independent', 'chromium'] as const)('PASSTHROUGH, %s publisher, both cores busy-looped, haven-live and its tap stopped twice for 300 ms: the same band, no drift', { timeout: 180_000 }, async (publisher) => {
    const bin = tapBin();
    const stalls: number[] = [];
    const stallTap = stallTwice(() => {
      const [pid] = tapPids(bin);
      if (!pid) throw new Error('no media tap is running');
      return [stack.server.process.pid!, pid];
    }, stalls);
    let stop = () => undefined as void;
    try {
      const measured = await measure(
        `sync-passthrough-loaded-${publisher}`,
        async (since) => {
          stop = busyLoops(2);
          await stallTap(since);
        },
        publisher,
        'PASSTHROUGH',
      );
      stop();
      expect(stalls).toHaveLength(2);
      expectPassthroughInSync(
        measured,
        stalls.map((at) => (at - measured.startedAtMs) / 1000),
        publisher,
      );
    } finally {
      stop();
    }
  });
});

