import { describe, expect, it } from 'vitest';
import type { ReceiveStats } from '../src/livekit.js';
import { ReceiveMonitor, TrackClock, type SilentSpan } from '../src/services/track-clock.js';

/** 10 ms audio frames: position advances by 10 ms, arrival by 10 ms plus `late(i)` of event-loop delay. */
function run(clock: TrackClock, frames: number, arrival: (i: number) => number, position: (i: number) => number = (i) => i * 10_000): number[] {
  const stamps: number[] = [];
  for (let i = 0; i < frames; i++) stamps.push(clock.stamp(position(i), arrival(i)));
  return stamps;
}

describe('TrackClock', () => {
  it('stamps by media position, anchored on the earliest arrivals minus the receive delay', () => {
    const clock = new TrackClock();
    clock.delayUs = 40_000;
    // Arrivals 1 s after the session began, each up to 30 ms late from a busy event loop.
    const stamps = run(clock, 300, (i) => 1_000_000 + i * 10_000 + ((i * 7919) % 4 === 0 ? 0 : 30_000));
    // After the first window: capture time = earliest arrival - 40 ms, and the steps are exact.
    expect(stamps[200]).toBe(1_000_000 + 200 * 10_000 - 40_000);
    expect(stamps[201] - stamps[200]).toBe(10_000);
    expect(clock.corrections).toBe(0);
  });

  it('re-anchors once the media position slips from real time by more than the bound, and only then', () => {
    const clock = new TrackClock();
    // A stall: from frame 300 on, media arrives 300 ms later than its position says (samples lost).
    const arrival = (i: number) => i * 10_000 + (i >= 300 ? 300_000 : 0);
    const stamps = run(clock, 600, arrival);
    expect(stamps[250]).toBe(250 * 10_000);
    expect(stamps[599]).toBe(599 * 10_000 + 300_000);
    expect(clock.corrections).toBe(1);
    expect(clock.correctedUs).toBe(300_000);
    // A slow drift of 10 ms per second is corrected in steps no larger than ~the bound.
    const drifting = new TrackClock();
    const driftStamps = run(drifting, 3000, (i) => i * 10_000 + i * 100);
    const errors = driftStamps.map((stamp, i) => i * 10_000 + i * 100 - stamp).slice(200);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(32_000);
    expect(drifting.corrections).toBeGreaterThan(5);
  });

  it('moves what follows by the media the jitter buffer skipped or stretched, and by concealment only just after a stall', () => {
    const clock = new TrackClock();
    run(clock, 100, (i) => i * 10_000);
    // The jitter buffer sped up and skipped 7.5 ms of media: the next frame holds media 7.5 ms later.
    clock.playout(7_500, 0, 1_000_000);
    expect(clock.stamp(100 * 10_000, 1_000_000)).toBe(1_007_500);
    // Concealment while the stream flows (a lost packet, a muted track) is time that passed.
    clock.playout(0, 20_000, 1_010_000);
    expect(clock.stamp(101 * 10_000, 1_010_000)).toBe(1_017_500);
    // A 300 ms stall of the process: the jitter buffer is asked for it at once and fills 250 ms
    // with concealment (positions 1.02-1.27 s), then plays the packets that waited: that
    // concealment was no media time, and the media after it follows the media before the stall.
    for (let i = 102; i < 127; i++) clock.stamp(i * 10_000, 1_320_000);
    clock.playout(0, 250_000, 1_325_000);
    expect(clock.stamp(127 * 10_000, 1_330_000)).toBe(1_027_500);
    expect(clock.playoutShiftUs).toBe(7_500 - 250_000);
    // The packets that waited make the jitter buffer's delay ~300 ms, as its statistics say; a
    // second later, frames flowing, concealment is time that passed again.
    clock.delayUs = 302_500;
    for (let i = 128; i <= 235; i++) clock.stamp(i * 10_000, 1_330_000 + (i - 127) * 10_000);
    clock.playout(0, 20_000, 2_400_000);
    expect(clock.playoutShiftUs).toBe(7_500 - 250_000);
    expect(clock.corrections).toBe(0);
    // Statistics that come while no frame has come out since a stall began count it as one.
    const stalled = new TrackClock();
    run(stalled, 100, (i) => i * 10_000);
    stalled.playout(0, 250_000, 1_300_000);
    expect(stalled.playoutShiftUs).toBe(-250_000);
  });

  it('settles afresh after a stall, correcting a slip the bound would let stand', () => {
    // 15 ms of media position lost in a stall: less than the bound, so only a stall corrects it.
    const lost = (i: number) => i * 10_000 + (i >= 300 ? 15_000 : 0);
    const flowing = new TrackClock();
    const kept = run(flowing, 600, lost);
    expect(kept[599]).toBe(599 * 10_000);
    expect(flowing.corrections).toBe(0);
    const stalled = new TrackClock();
    const stamps = run(stalled, 600, (i) => lost(i) + (i >= 300 ? 300_000 : 0), (i) => (i >= 300 ? i * 10_000 + 300_000 : i * 10_000));
    // Judged from 1 s after the stall on: the media after it is stamped where it was captured.
    expect(stamps[599]).toBe(599 * 10_000 + 315_000);
    expect(stalled.corrections).toBe(1);
    expect(stalled.correctedUs).toBe(15_000);
  });

  it('settles afresh once the jitter buffer has drained what waited during a stall', () => {
    const clock = new TrackClock();
    let shift = 0;
    const stamps: number[] = [];
    for (let i = 0; i < 600; i++) {
      // A 300 ms stall before frame 100; the buffer drains 8 ms per statistics from 2.5 s on, for
      // 1 s, and 3 ms of position are off from there (what it skipped is counted in whole packets).
      const arrival = i * 10_000 + (i >= 100 ? 300_000 : 0);
      if (i >= 250 && i < 350 && i % 20 === 0) {
        clock.playout(8_000, 0, arrival);
        shift += 8_000;
      }
      stamps.push(clock.stamp(arrival - shift - (i >= 250 ? 3_000 : 0), arrival));
    }
    expect(clock.corrections).toBe(1);
    expect(clock.correctedUs).toBe(3_000);
    expect(stamps[599]).toBe(599 * 10_000 + 300_000);
  });

  it('does not judge arrivals while the jitter buffer drains, when its delay statistics lag behind', () => {
    const clock = new TrackClock();
    clock.delayUs = 340_000;
    // A drain of 8 ms per 200 ms of statistics, for 2 s; the statistics say 25 ms more than is true.
    let delay = 340_000;
    let skipped = 0;
    const stamps: number[] = [];
    const captured: number[] = [];
    for (let i = 0; i < 500; i++) {
      const arrival = i * 10_000;
      if (i >= 100 && i < 300 && i % 20 === 0) {
        delay -= 8_000;
        skipped += 8_000;
        clock.playout(8_000, 0, arrival);
        clock.delayUs = delay + 25_000;
      }
      if (i === 300) clock.delayUs = delay;
      captured.push(arrival - delay);
      stamps.push(clock.stamp(arrival - delay - skipped, arrival));
    }
    expect(clock.corrections).toBe(0);
    expect(stamps.slice(100)).toEqual(captured.slice(100));
  });

  it('corrects a slip far beyond the bound within 200 ms of arrivals, also while the jitter buffer drains', () => {
    const clock = new TrackClock();
    clock.delayUs = 40_000;
    run(clock, 100, (i) => i * 10_000 + 40_000);
    // A 300 ms stall; then the buffer drains 8 ms per statistics for 3 s, while 135 ms of
    // concealment went uncounted: the sample position runs 135 ms ahead of the media.
    let skipped = 0;
    const errors: number[] = [];
    for (let k = 100; k < 500; k++) {
      const arrival = k * 10_000 + 340_000;
      if (k % 20 === 0 && k < 400) {
        skipped += 8_000;
        clock.playout(8_000, 0, arrival);
        clock.delayUs = 340_000 - skipped;
      }
      errors.push(clock.stamp(k * 10_000 + 135_000, arrival) - (k * 10_000 + skipped));
    }
    // Nothing is judged for 0.5 s after the stall; 150 ms of arrivals later the slip is gone.
    expect(errors.slice(0, 50).every((e) => e === 135_000)).toBe(true);
    expect(errors.slice(80).every((e) => Math.abs(e) <= 1)).toBe(true);
    expect(clock.corrections).toBe(1);
    expect(clock.correctedUs).toBe(-135_000);
    // A busy event loop that delays every arrival of 200 ms by 45 ms, just as a new receive delay
    // started a window afresh, moves nothing.
    const busy = new TrackClock();
    run(busy, 150, (i) => i * 10_000);
    busy.delayUs = 40_000;
    const stamps = run(busy, 150, (i) => (150 + i) * 10_000 + 40_000 + (i < 20 ? 45_000 : 0), (i) => (150 + i) * 10_000);
    expect(busy.corrections).toBe(0);
    expect(stamps[149]).toBe(299 * 10_000);
  });

  it('does not re-anchor on arrivals while the receive delay moves, but judges them once it holds', () => {
    const clock = new TrackClock();
    clock.delayUs = 40_000;
    run(clock, 100, (i) => i * 10_000);
    // The jitter buffer drains: each interval the delay drops by 30 ms while the accounting of
    // skipped media keeps positions right, but the interval means lag the true delay.
    const stamps: number[] = [];
    let skipped = 0;
    for (let i = 100; i < 200; i++) {
      if (i % 20 === 0) {
        clock.delayUs = 340_000 - (i - 100) * 1_500;
        clock.playout(30_000, 0, i * 10_000);
        skipped += 30_000;
      }
      stamps.push(clock.stamp(i * 10_000 - skipped, i * 10_000 + 300_000 - (i - 100) * 1_500 + ((i % 20) - 10) * 1_500));
    }
    expect(clock.corrections).toBe(0);
    // Held: a slip beyond the bound is corrected again.
    clock.delayUs = 150_000;
    const held = run(clock, 150, (i) => (200 + i) * 10_000 + 150_000 - 40_000 - 30_000, (i) => (200 + i) * 10_000 - skipped);
    expect(clock.corrections).toBe(1);
    expect(held.at(-1)).toBe((200 + 149) * 10_000 - 40_000 - 30_000);
  });
});

describe('ReceiveMonitor', () => {
  const stats = (packets: number, lastMs: number, delaySec = 0, emitted = 0, counters: Partial<ReceiveStats> = {}): ReceiveStats => ({
    packetsReceived: packets,
    packetsLost: 0,
    lastPacketReceivedMs: lastMs,
    jitterBufferDelaySec: delaySec,
    jitterBufferEmitted: emitted,
    samplesOut: emitted,
    samplesOutSec: emitted / 48_000,
    concealedSamples: 0,
    insertedSamples: 0,
    removedSamples: 0,
    ...counters,
  });

  it('tells what the jitter buffer skipped, stretched and concealed since the last statistics', () => {
    const monitor = new ReceiveMonitor(20, () => undefined);
    expect(monitor.update(stats(100, 990, 4.8, 96_000), 1000)).toEqual({ skippedUs: 0, concealedUs: 0, lateUs: 0 });
    const change = monitor.update(stats(110, 1190, 484.8, 105_600, { removedSamples: 720, insertedSamples: 240, concealedSamples: 480 }), 1200);
    expect(change.skippedUs).toBeCloseTo(10_000, 0);
    expect(change.concealedUs).toBeCloseTo(10_000, 0);
    // The interval's own mean delay, unsmoothed: 480 s summed over 9600 samples.
    expect(monitor.delayUs).toBeCloseTo(50_000, -2);
  });

  it('tells concealment that packets of the same interval made up for (late) from lost packets and a muted track', () => {
    // 200 ms: 9,600 samples played, 720 (15 ms) of them concealment.
    const played = (packets: number, lost: number, concealed = 720) => {
      const monitor = new ReceiveMonitor(20, () => undefined);
      monitor.update(stats(100, 990, 0, 96_000), 1000);
      return monitor.update(stats(100 + packets, 1190, 0, 105_600, { packetsLost: lost, concealedSamples: concealed }), 1200);
    };
    // Ten 20 ms packets came: more than the 185 ms of media played, so the 15 ms came late.
    expect(played(10, 0).lateUs).toBeCloseTo(15_000, 0);
    // One packet was given up on: the concealment stood for it, and its time passed.
    expect(played(10, 1).lateUs).toBe(0);
    // Muted: no packet came, 200 ms concealed.
    expect(played(0, 0, 9_600).lateUs).toBe(0);
    // The clock counts late concealment as media that came late, as after a stall.
    const clock = new TrackClock();
    run(clock, 100, (i) => i * 10_000);
    clock.playout(0, 15_000, 1_000_000, 15_000);
    expect(clock.stamp(100 * 10_000, 1_000_000)).toBe(1_000_000 - 15_000);
  });

  it('reports a span without packets from the last packet to the first after it, and the jitter-buffer delay', () => {
    const spans: SilentSpan[] = [];
    const monitor = new ReceiveMonitor(20, (span) => spans.push(span));
    monitor.update(stats(100, 990, 0, 0), 1000);
    monitor.update(stats(110, 1190, 4800, 96_000), 1200);
    expect(monitor.delayUs).toBeCloseTo(50_000, -2);
    monitor.update(stats(112, 1230, 9600, 192_000), 1400);
    monitor.update(stats(112, 1230, 9600, 192_000), 1700);
    expect(spans).toEqual([{ startMs: 1230, endMs: undefined }]);
    monitor.update(stats(112, 1230, 9600, 192_000), 3000);
    // Five packets of 20 ms by 3190: the first came at 3110.
    monitor.update(stats(117, 3190, 9600, 192_000), 3200);
    expect(spans).toEqual([
      { startMs: 1230, endMs: undefined },
      { startMs: 1230, endMs: 3110 },
    ]);
  });

  it('dates a gap by the statistics that last counted packets when the last-packet time is missing or off', () => {
    const spans: SilentSpan[] = [];
    const monitor = new ReceiveMonitor(5, (span) => spans.push(span));
    monitor.update(stats(10, 1000), 1000);
    monitor.update(stats(20, 1190), 1200);
    // The network goes at 1250; statistics go unanswered until 5000 and then carry no last-packet time.
    monitor.update(stats(20, 0, 0, 0, { lastPacketReceivedMs: undefined }), 5000);
    expect(spans).toEqual([{ startMs: 1200, endMs: undefined }]);
    const other: SilentSpan[] = [];
    const skewed = new ReceiveMonitor(5, (span) => other.push(span));
    skewed.update(stats(10, 1000), 1000);
    skewed.update(stats(20, 1190), 1200);
    // A last-packet time on another clock (far after the statistics that counted it).
    skewed.update(stats(20, 4990), 5000);
    expect(other).toEqual([{ startMs: 1200, endMs: undefined }]);
  });

  it('does not call a short pause between packets a gap', () => {
    const spans: SilentSpan[] = [];
    const monitor = new ReceiveMonitor(5, (span) => spans.push(span));
    monitor.update(stats(10, 1000), 1000);
    monitor.update(stats(10, 1000), 1200);
    monitor.update(stats(12, 1390), 1400);
    expect(spans).toEqual([]);
  });
});
