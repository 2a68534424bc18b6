import { join } from 'node:path';
import type { TrackGap } from './gap-reasons.js';
import { AudioFileWriter, VideoFileWriter, type RecordedTrack, type WriterContext } from './track-writers.js';

export type { RecordedTrack } from './track-writers.js';

/** What RecordingService asks of one participant's recorder of one family, in either mode. */
export interface FamilyRecorder {
  /** Where the video file starts against the audio file, µs (the combined file starts the video this late). */
  readonly videoPhaseUs: number | undefined;
  readonly droppedFrames: number;
  readonly tracks: RecordedTrack[];
  /** Where a file's first media is, µs after the recording's start on the files' time line. */
  fileStartUs(kind: 'VIDEO' | 'AUDIO'): number;
  record(kind: 'VIDEO' | 'AUDIO', trackSid: string): void;
  /** The recording was paused or resumed (RecordingPauses already says so). */
  setPaused(paused: boolean): void;
  gaps(untilUs: number): TrackGap[];
  stop(stopUs: number): Promise<Error | null>;
}

/**
 * One participant's recording of one family of tracks (camera and microphone, or screen share and
 * its audio): a writer per file, each taking the tracks of its kind as they are published. A
 * camera and a screen share can never mix: they are different families, with different writers.
 */
export class ParticipantRecorder implements FamilyRecorder {
  private readonly video: VideoFileWriter;
  private readonly audio: AudioFileWriter;

  constructor(
    directory: string,
    /** Names of its video and audio files in the directory. */
    fileNames: Record<'VIDEO' | 'AUDIO', string>,
    context: WriterContext,
  ) {
    // One file failing fails the recording: the other stops too, keeping what it wrote.
    let failed = false;
    const onFailure = (error: Error) => {
      if (failed) return;
      failed = true;
      this.video.abort();
      this.audio.abort();
      context.onFailure(error);
    };
    this.video = new VideoFileWriter(join(directory, fileNames.VIDEO), { ...context, onFailure });
    this.audio = new AudioFileWriter(join(directory, fileNames.AUDIO), { ...context, onFailure });
  }

  /** Where the video file's frame grid sits against the recording's start (µs): the combined file starts the video this late. */
  get videoPhaseUs(): number | undefined {
    return this.video.phaseUs;
  }

  get droppedFrames(): number {
    return this.video.droppedFrames;
  }

  fileStartUs(kind: 'VIDEO' | 'AUDIO'): number {
    // The audio file is filled from the recording's start; the video file starts on its frame grid.
    return kind === 'VIDEO' ? (this.video.phaseUs ?? 0) : 0;
  }

  setPaused(): void {
    // The writers read the recording's pauses frame by frame.
  }

  /** Tracks taken, in the order they were. */
  get tracks(): RecordedTrack[] {
    return [...this.video.tracks, ...this.audio.tracks].sort((a, b) => a.fromUs - b.fromUs);
  }

  /** Takes the participant's track of that kind (a republished one replaces the last). */
  record(kind: 'VIDEO' | 'AUDIO', trackSid: string): void {
    (kind === 'VIDEO' ? this.video : this.audio).take(trackSid);
  }

  /** Gaps of both files so far (open ones end at `untilUs`), in time order. */
  gaps(untilUs: number): TrackGap[] {
    return [...this.video.gaps(untilUs), ...this.audio.gaps(untilUs)].sort((a, b) => a.startUs - b.startUs);
  }

  /** Stops taking media, fills both files up to `stopUs`, and finishes them; the first error, if any. */
  async stop(stopUs: number): Promise<Error | null> {
    const [audioError, videoError] = await Promise.all([this.audio.finalize(stopUs), this.video.finalize(stopUs)]);
    return audioError ?? videoError;
  }
}
