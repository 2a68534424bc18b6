import { describe, expect, it } from 'vitest';
import { firstPacketSenderTimeMs, noteSenderReport, SENDER_REPORTS_KEPT, type SenderReport } from '../src/services/passthrough-recorder.js';

const T0 = 1_796_000_000_000; // Unix ms
const VIDEO_RATE = 90_000;

/** A report every second from `from` for `count` s, RTP at `rate` ticks per sender second, each `jitter(i)` ms off. */
function reports(count: number, rate: number, rtpAtT0: number, jitter: (i: number) => number = () => 0): SenderReport[] {
  return Array.from({ length: count }, (_, i) => ({ ntpMs: T0 + i * 1000 + jitter(i), rtpTimestamp: (rtpAtT0 + Math.round(i * rate)) >>> 0 }));
}

describe('placing a file by its sender reports', () => {
  it('says when an RTP timestamp was sent, across the 32-bit wrap', () => {
    const near = 2 ** 32 - 45_000; // half a second before the wrap
    const placed = firstPacketSenderTimeMs(near, VIDEO_RATE, reports(5, VIDEO_RATE, near))!;
    expect(placed.ntpMs).toBeCloseTo(T0, 2);
    expect(placed.spreadMs).toBeCloseTo(0, 2);
  });

  it('takes the mean of what the reports say, so that the jitter of one report moves it little', () => {
    // Ten reports, one of them 8 ms late (the sender was busy when it made it).
    const list = reports(10, VIDEO_RATE, 1_000, (i) => (i === 9 ? 8 : 0));
    const placed = firstPacketSenderTimeMs(1_000, VIDEO_RATE, list)!;
    expect(placed.ntpMs - T0).toBeCloseTo(0.8, 2);
    expect(placed.spreadMs).toBeCloseTo(8, 2);
    // The last report alone would have put it 8 ms off.
    expect(firstPacketSenderTimeMs(1_000, VIDEO_RATE, list.slice(-1))!.ntpMs - T0).toBeCloseTo(8, 2);
  });

  it('splits a drift of the RTP clock of a sender against its NTP clock between start and end', () => {
    // An audio clock 0.1 % slow: 60 ms behind after a minute.
    const list = reports(61, 48_000 * 0.999, 0);
    const placed = firstPacketSenderTimeMs(0, 48_000, list)!;
    expect(placed.spreadMs).toBeCloseTo(60, 0);
    expect(placed.ntpMs - T0).toBeCloseTo(30, 0);
  });

  it('keeps each report once, in order, and thins a long list to every other', () => {
    const list: SenderReport[] = [];
    noteSenderReport(list, { ntpMs: T0, rtpTimestamp: 1 });
    noteSenderReport(list, { ntpMs: T0, rtpTimestamp: 1 }); // the same report, in the next stats
    noteSenderReport(list, { ntpMs: T0 + 1000, rtpTimestamp: 90_001 });
    expect(list).toEqual([
      { ntpMs: T0, rtpTimestamp: 1 },
      { ntpMs: T0 + 1000, rtpTimestamp: 90_001 },
    ]);
    for (let i = 2; i <= SENDER_REPORTS_KEPT; i++) noteSenderReport(list, { ntpMs: T0 + i * 1000, rtpTimestamp: 1 + i * 90_000 });
    expect(list.length).toBeLessThanOrEqual(SENDER_REPORTS_KEPT);
    expect(list.length).toBeGreaterThan(SENDER_REPORTS_KEPT / 2 - 1);
    expect(list[0]).toEqual({ ntpMs: T0, rtpTimestamp: 1 });
    for (let i = 1; i < list.length; i++) expect(list[i]!.ntpMs).toBeGreaterThan(list[i - 1]!.ntpMs);
  });

  it('says nothing without reports or a clock rate', () => {
    expect(firstPacketSenderTimeMs(0, VIDEO_RATE, [])).toBeUndefined();
    expect(firstPacketSenderTimeMs(0, 0, reports(2, VIDEO_RATE, 0))).toBeUndefined();
  });
});
