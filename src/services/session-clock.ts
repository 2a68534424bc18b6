/**
 * A session's media clock: microseconds since the session started, from the wall clock at µs
 * resolution. One per session, handed to every feed and writer of it, so that all of its media
 * and all of its gaps are on the same time line.
 */
export class SessionClock {
  constructor(readonly startedAtMs: number) {}

  /** Now, in µs since the session started. */
  nowUs(): number {
    return (performance.timeOrigin + performance.now() - this.startedAtMs) * 1000;
  }

  /** A wall-clock time (ms since the epoch) on this clock, in µs, never before the start. */
  fromEpochMs(epochMs: number): number {
    return Math.max(0, Math.round((epochMs - this.startedAtMs) * 1000));
  }

  /** A time on this clock (µs) as a wall-clock time, ms since the epoch. */
  toEpochMs(us: number): number {
    return this.startedAtMs + us / 1000;
  }
}
