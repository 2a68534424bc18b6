/** A span in which a recording was paused, µs on the session clock (`endUs` undefined while it lasts). */
export interface PauseSpan {
  startUs: number;
  endUs: number | undefined;
}

/**
 * A recording's pauses, and the time line of its files: session-clock time with the paused spans
 * cut out, so that each file goes on after a resume as one file, the picture and the tone running
 * on from where they stopped. Pure: the writers ask it whether media is to be written and where.
 */
export class RecordingPauses {
  readonly spans: PauseSpan[] = [];

  constructor(
    /** Session-clock time recording started at, µs. */
    readonly startUs: number,
  ) {}

  get paused(): boolean {
    return this.spans.at(-1)?.endUs === undefined && this.spans.length > 0;
  }

  /** Pauses at `atUs`; false when already paused. */
  pause(atUs: number): boolean {
    if (this.paused) return false;
    this.spans.push({ startUs: Math.max(atUs, this.startUs), endUs: undefined });
    return true;
  }

  /** Resumes at `atUs`; false when not paused. */
  resume(atUs: number): boolean {
    const open = this.spans.at(-1);
    if (!open || open.endUs !== undefined) return false;
    open.endUs = Math.max(atUs, open.startUs);
    return true;
  }

  /** Whether media stamped `us` falls in a pause (and is left out of the files). */
  inPause(us: number): boolean {
    return this.spans.some((span) => us >= span.startUs && (span.endUs === undefined || us < span.endUs));
  }

  /**
   * A session-clock time on the files' time line: paused time before it cut out. A time inside a
   * pause is where the pause began.
   */
  toFileUs(us: number): number {
    let cut = 0;
    for (const span of this.spans) {
      if (us <= span.startUs) break;
      const end = span.endUs ?? Number.POSITIVE_INFINITY;
      cut += Math.min(us, end) - span.startUs;
    }
    return us - cut;
  }

  /** A time on the files' time line back on the session clock (the first instant it stands for). */
  fromFileUs(fileUs: number): number {
    let us = fileUs;
    for (const span of this.spans) {
      if (us < span.startUs) break;
      if (span.endUs === undefined) return span.startUs;
      us += span.endUs - span.startUs;
    }
    return us;
  }

  /** Paused time up to `us`, µs. */
  pausedUs(us: number): number {
    return us - this.toFileUs(us);
  }
}
