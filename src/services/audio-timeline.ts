/** Audio timestamps further than this from where the file is are a step of the clock: silence fills it, or samples are dropped. */
export const AUDIO_STEP_US = 2_000;
/** How far back (µs) a backward step of the audio clock overwrites what the file holds. */
export const REWRITE_MAX_US = 1_000_000;

/** What to do with one frame of audio to keep the file on the session clock. */
export interface AudioPlacement {
  /** Samples (per channel) of silence to append before anything else. */
  silence: number;
  /** Samples to take back from the end of the file first (they were placed late). */
  rewind: number;
  /** Samples at the frame's start to leave out (they overlap what the file holds). */
  skip: number;
  /** Samples of the frame to append after the skip (0: drop the whole frame). */
  write: number;
  /** Media missing from the file because the clock stepped (listed as a DROPPED gap), µs on the session clock. */
  dropped?: { startUs: number; endUs: number };
}

/**
 * Places audio frames on the session clock, from the moment recording started: by sample count,
 * with silence where media is missing and a rewind where the clock stepped back. Pure: the caller
 * applies each placement to its file.
 */
export class AudioTimeline {
  /** Where the file ends on the session clock; undefined until the first frame. */
  private endUs: number | undefined;
  /** Samples per channel in the file. */
  private samples = 0;
  /** The next frame is a track's first: a step before it is not a gap of the recorder's making. */
  private trackStarting = false;

  constructor(
    /** Session-clock time recording started at, µs. */
    readonly startUs: number,
    readonly sampleRate: number,
  ) {}

  /** Where the file ends now, on the session clock (µs). */
  get fileEndUs(): number {
    return this.endUs ?? this.startUs;
  }

  get started(): boolean {
    return this.endUs !== undefined;
  }

  /** A new track's media follows: a step before its first frame is where it began, not a drop. */
  newTrack(): void {
    this.trackStarting = true;
  }

  place(timestampUs: number, samplesPerChannel: number): AudioPlacement {
    const rate = this.sampleRate;
    const toSamples = (us: number) => Math.round((us * rate) / 1e6);
    const toUs = (samples: number) => (samples * 1e6) / rate;
    const expected = this.fileEndUs;
    const stepUs = timestampUs - expected;
    const listStep = this.endUs !== undefined && !this.trackStarting;
    this.trackStarting = false;
    const placement: AudioPlacement = { silence: 0, rewind: 0, skip: 0, write: samplesPerChannel };
    // Where the file ends, on the session clock: written on from there, small steps cannot add up.
    let fileEndUs = expected;
    if (stepUs > (this.endUs === undefined ? 0 : AUDIO_STEP_US)) {
      // A late start, or the track's clock stepped ahead: silence keeps audio on the session clock.
      placement.silence = toSamples(stepUs);
      fileEndUs += toUs(placement.silence);
      if (listStep) placement.dropped = { startUs: expected, endUs: timestampUs };
    } else if (stepUs < -AUDIO_STEP_US) {
      // The clock stepped back: the audio written since that time was placed late (after a stall,
      // it is concealment libwebrtc filled in before the media that waited). Within the last
      // second it is overwritten, and the file holds media there; further back (or before the
      // recording began) what overlaps is dropped.
      const rewindUs = Math.min(-stepUs, REWRITE_MAX_US, expected - this.startUs);
      const rewind = Math.min(Math.max(0, toSamples(rewindUs)), this.samples);
      const skip = Math.max(0, Math.round(((fileEndUs - toUs(rewind) - timestampUs) * rate) / 1e6));
      if (skip >= samplesPerChannel) {
        // All of the frame lies further back than a rewind reaches: it is dropped, and the file
        // stays as it is (rewinding for nothing would shorten it frame after frame).
        if (listStep) placement.dropped = { startUs: timestampUs, endUs: timestampUs + toUs(samplesPerChannel) };
        placement.write = 0;
        return placement;
      }
      placement.rewind = rewind;
      fileEndUs -= toUs(rewind);
      if (listStep && fileEndUs - timestampUs > AUDIO_STEP_US) placement.dropped = { startUs: timestampUs, endUs: fileEndUs };
      placement.skip = skip;
      placement.write = samplesPerChannel - skip;
    }
    this.samples += placement.silence - placement.rewind + placement.write;
    this.endUs = fileEndUs + toUs(placement.write);
    return placement;
  }

  /** Samples of silence that carry the file to `stopUs`. */
  fillTo(stopUs: number): number {
    if (this.endUs === undefined) return 0;
    const missing = Math.max(0, Math.round(((stopUs - this.endUs) * this.sampleRate) / 1e6));
    this.samples += missing;
    this.endUs += (missing * 1e6) / this.sampleRate;
    return missing;
  }
}
