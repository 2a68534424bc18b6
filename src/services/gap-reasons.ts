import type { GapReason } from './recording-model.js';

/** An interval on the session clock (µs); `endUs` undefined while it lasts. */
export interface Interval {
  startUs: number;
  endUs: number | undefined;
}

/** A span (session clock, µs) in which one track had no media in the files; `reason` undefined until explained. */
export interface TrackGap {
  kind: 'VIDEO' | 'AUDIO';
  trackSid: string;
  startUs: number;
  endUs: number;
  reason: GapReason | undefined;
}

/** A mute or a reconnect explains a gap that begins up to this long (µs) after it ended: media stops being noticed late. */
export const EXPLAINS_AFTER_US = 1_000_000;
/** A muted microphone may send silence for this long (µs) after the mute: its gap starts with the mute. */
export const MUTE_LEAD_US = 2_000_000;
/** A step of the clock (a DROPPED span) this close (µs) to a gap of the same kind is part of that gap. */
export const DROP_NEAR_GAP_US = 500_000;

/**
 * What a session went through that explains a track's missing media: each track's mutes and the
 * session's reconnects, on the session clock. Fed from session events; pure otherwise.
 */
export class GapCauses {
  private readonly muted = new Map<string, Interval[]>();
  private readonly reconnecting: Interval[] = [];

  /** A track muted at `atUs` (or before the recording, at 0). */
  mute(trackSid: string, atUs: number): void {
    const intervals = this.muted.get(trackSid) ?? [];
    if (!intervals.some((interval) => interval.endUs === undefined)) intervals.push({ startUs: atUs, endUs: undefined });
    this.muted.set(trackSid, intervals);
  }

  unmute(trackSid: string, atUs: number): void {
    for (const interval of this.muted.get(trackSid) ?? []) interval.endUs ??= atUs;
  }

  /** The session's connection state changed at `atUs`. */
  connection(reconnecting: boolean, atUs: number): void {
    if (reconnecting && !this.reconnecting.some((interval) => interval.endUs === undefined)) this.reconnecting.push({ startUs: atUs, endUs: undefined });
    else if (!reconnecting) for (const interval of this.reconnecting) interval.endUs ??= atUs;
  }

  /** Why a track had no media: what the recorder knew, else a mute, else a reconnect, else no media came. */
  reason(gap: TrackGap): GapReason {
    if (gap.reason) return gap.reason;
    const near = (interval: Interval) => interval.startUs <= gap.endUs && (interval.endUs ?? Infinity) >= gap.startUs - EXPLAINS_AFTER_US;
    if ((this.muted.get(gap.trackSid) ?? []).some(near)) return 'MUTED';
    if (this.reconnecting.some(near)) return 'RECONNECTING';
    return 'NO_MEDIA';
  }

  /** The gap explained, starting with the mute when a muted track went on sending silence for a moment. */
  explain(gap: TrackGap): TrackGap & { reason: GapReason } {
    const reason = this.reason(gap);
    if (reason !== 'MUTED') return { ...gap, reason };
    const mute = (this.muted.get(gap.trackSid) ?? []).find((interval) => interval.startUs <= gap.startUs && gap.startUs - interval.startUs <= MUTE_LEAD_US);
    return { ...gap, reason, startUs: mute ? mute.startUs : gap.startUs };
  }
}

/** Whether a DROPPED span is part of a gap already known (a reconnect, a new track, a silence going on). */
export function dropBelongsToGap(drop: TrackGap, gaps: TrackGap[], openSilences: TrackGap[]): boolean {
  const near = (other: TrackGap) => other.kind === drop.kind && other.startUs <= drop.endUs + DROP_NEAR_GAP_US && other.endUs >= drop.startUs - DROP_NEAR_GAP_US;
  return gaps.some(near) || openSilences.some((open) => open.kind === drop.kind);
}
