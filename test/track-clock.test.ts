import { describe, expect, it } from 'vitest';
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
});

describe('ReceiveMonitor', () => {
  const stats = (packets: number, lastMs: number, delaySec = 0, emitted = 0) => ({
    packetsReceived: packets,
    lastPacketReceivedMs: lastMs,
    jitterBufferDelaySec: delaySec,
    jitterBufferEmitted: emitted,
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

  it('does not call a short pause between packets a gap', () => {
    const spans: SilentSpan[] = [];
    const monitor = new ReceiveMonitor(5, (span) => spans.push(span));
    monitor.update(stats(10, 1000), 1000);
    monitor.update(stats(10, 1000), 1200);
    monitor.update(stats(12, 1390), 1400);
    expect(spans).toEqual([]);
  });
});
