import { describe, expect, it } from 'vitest';
import { dropBelongsToGap, GapCauses, MUTE_LEAD_US, type TrackGap } from '../src/services/gap-reasons.js';

const gap = (startUs: number, endUs: number, extra: Partial<TrackGap> = {}): TrackGap => ({ kind: 'AUDIO', trackSid: 'TR_mic', startUs, endUs, reason: undefined, ...extra });

describe('gap reasons', () => {
  it('names a gap during a mute MUTED and starts it with the mute', () => {
    const causes = new GapCauses();
    causes.mute('TR_mic', 2_000_000);
    causes.unmute('TR_mic', 7_000_000);
    // The microphone sent silence for 0.5 s after the mute: the gap is noticed late.
    expect(causes.explain(gap(2_500_000, 7_100_000))).toMatchObject({ reason: 'MUTED', startUs: 2_000_000, endUs: 7_100_000 });
    // Another track's gap at the same time is not this mute's.
    expect(causes.explain(gap(2_500_000, 7_100_000, { trackSid: 'TR_cam', kind: 'VIDEO' })).reason).toBe('NO_MEDIA');
  });

  it('keeps a gap that begins long after the mute where it began', () => {
    const causes = new GapCauses();
    causes.mute('TR_mic', 1_000_000);
    const explained = causes.explain(gap(1_000_000 + MUTE_LEAD_US + 500_000, 9_000_000));
    expect(explained.reason).toBe('MUTED');
    expect(explained.startUs).toBe(1_000_000 + MUTE_LEAD_US + 500_000);
  });

  it('names a gap during or just after a reconnect RECONNECTING, and one far from it NO_MEDIA', () => {
    const causes = new GapCauses();
    causes.connection(true, 5_000_000);
    causes.connection(true, 5_500_000); // still the same reconnect
    causes.connection(false, 8_000_000);
    expect(causes.reason(gap(4_800_000, 8_500_000))).toBe('RECONNECTING');
    expect(causes.reason(gap(8_900_000, 9_500_000))).toBe('RECONNECTING');
    expect(causes.reason(gap(9_500_000, 10_000_000))).toBe('NO_MEDIA');
    expect(causes.reason(gap(1_000_000, 2_000_000))).toBe('NO_MEDIA');
  });

  it('prefers a mute over a reconnect, and keeps what the recorder knew', () => {
    const causes = new GapCauses();
    causes.connection(true, 1_000_000);
    causes.mute('TR_mic', 1_000_000);
    expect(causes.reason(gap(1_200_000, 2_000_000))).toBe('MUTED');
    expect(causes.reason(gap(1_200_000, 2_000_000, { reason: 'UNPUBLISHED' }))).toBe('UNPUBLISHED');
  });

  it('counts a clock step beside a gap of the same kind as part of it', () => {
    const listed = [gap(5_000_000, 8_000_000)];
    expect(dropBelongsToGap(gap(8_300_000, 8_320_000, { reason: 'DROPPED' }), listed, [])).toBe(true);
    expect(dropBelongsToGap(gap(9_000_000, 9_020_000, { reason: 'DROPPED' }), listed, [])).toBe(false);
    expect(dropBelongsToGap(gap(8_300_000, 8_320_000, { reason: 'DROPPED', kind: 'VIDEO' }), listed, [])).toBe(false);
    expect(dropBelongsToGap(gap(20_000_000, 20_020_000, { reason: 'DROPPED' }), [], [gap(19_000_000, 19_000_000)])).toBe(true);
  });
});
