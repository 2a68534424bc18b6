/**
 * How far behind the session clock a still picture is held in real time (µs): a frame stamped
 * later than this after its capture finds its slot already written and shows one slot later.
 */
export const HOLD_LAG_US = 1_000_000;

/** What to write for one frame: `held` slots of the picture before it, then `newest` (0 or 1) of the frame itself. */
export interface VideoPlacement {
  held: number;
  newest: number;
}

/**
 * Places pictures on a recording's constant-rate frame grid, from the moment recording started:
 * each slot holds the newest picture at its time, a gap holds the last picture, and a still source
 * (a slide shared as a screen, a paused camera) that sends no new frame is held in real time, so
 * that the file lasts the recorded window. Pure: the caller writes the slots and says how many
 * it wrote.
 */
export class VideoTimeline {
  /**
   * Where the grid sits against the recording's start (0 to one slot, µs): on the first frame, so
   * that a camera's frames fall in the middle of their slots, not on an edge where the slightest
   * jitter moves them a whole slot. The combined file starts the video this late.
   */
  phaseUs: number | undefined;
  /** Slots written to the file so far. */
  written = 0;

  constructor(
    /** Session-clock time recording started at, µs. */
    readonly startUs: number,
    readonly fps: number,
  ) {}

  get slotUs(): number {
    return 1e6 / this.fps;
  }

  /** The slot nearest to a time: a frame is shown at most half a slot from when it was taken. */
  slotAt(timestampUs: number): number {
    return Math.max(0, Math.round(((timestampUs - this.startUs - (this.phaseUs ?? 0)) * this.fps) / 1e6));
  }

  /** Slots to write for a frame stamped `timestampUs`: the held picture up to its slot, the frame in it. */
  frame(timestampUs: number): VideoPlacement {
    if (this.phaseUs === undefined) {
      const slotUs = this.slotUs;
      this.phaseUs = (((timestampUs - this.startUs) % slotUs) + slotUs) % slotUs;
    }
    const until = this.slotAt(timestampUs) + 1;
    // A frame whose slot is written already (it came late, or the picture was held past it) shows next.
    if (until <= this.written) return { held: 0, newest: 0 };
    return { held: until - 1 - this.written, newest: 1 };
  }

  /** Slots of the held picture due by `nowUs` when no frame came (a still picture), lagging HOLD_LAG_US. */
  hold(nowUs: number): number {
    if (this.phaseUs === undefined) return 0;
    return Math.max(0, this.slotAt(nowUs - HOLD_LAG_US) - this.written);
  }

  /** Slots of the held picture that carry the file to `stopUs`. */
  fillTo(stopUs: number): number {
    if (this.phaseUs === undefined) return 0;
    return Math.max(0, this.slotAt(stopUs) - this.written);
  }
}

/**
 * LiveKit's SDKs publish a black picture (luma 0, neutral chroma) ten times a second from a video
 * source until it captures its first frame: a camera that never delivers sends only these. A real
 * picture, even a dark one, is not all at luma 0 to 2 (limited-range black is 16). Sampled.
 */
export function isPlaceholderPicture(data: Uint8Array, width: number, height: number): boolean {
  const lumaBytes = width * height;
  for (let i = 0; i < lumaBytes; i += 7) if (data[i] > 2) return false;
  for (let i = lumaBytes; i < data.length; i += 7) if (data[i] < 126 || data[i] > 130) return false;
  return true;
}
