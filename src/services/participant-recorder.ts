import { join } from 'node:path';
import { RECORDING_FPS, VideoFileEncoder } from '../ffmpeg.js';
import { resizeI420, WavWriter } from '../recording-files.js';
import type { FeedKey, RawAudioFrame, RawVideoFrame, TrackFeeds } from './track-feeds.js';

/** ffmpeg may fall this many frames behind before frames are dropped instead of queued. */
const MAX_BACKLOG_FRAMES = 8;
/** A jump in audio timestamps larger than this is a gap to fill with silence. */
const AUDIO_GAP_US = 100_000;

export interface RecorderTarget {
  roomName: string;
  sessionId: string;
  participantIdentity: string;
}

/**
 * Writes one participant's video (H.264 fragmented MP4) and audio (WAV) of one family of tracks
 * (camera and microphone, or screen share and its audio) on the session clock from
 * the moment recording started: video as a constant 30 fps timeline where each slot holds the
 * newest frame (held frames across gaps), audio by sample count with silence for what is missing.
 */
export class ParticipantRecorder {
  private video: VideoFileEncoder | undefined;
  private audio: WavWriter | undefined;
  private releases: (() => void)[] = [];
  private videoTrack: string | undefined;
  private audioTrack: string | undefined;
  private slotsWritten = 0;
  private lastFrame: Uint8Array | undefined;
  private audioEndUs: number | undefined;
  private failed = false;
  /** The video file's picture size: the first video track's published size, when LiveKit gives one. */
  private declared: { width: number; height: number } | undefined;
  droppedFrames = 0;

  constructor(
    readonly target: RecorderTarget,
    readonly directory: string,
    /** Names of its video and audio files in the directory. */
    private readonly fileNames: Record<'VIDEO' | 'AUDIO', string>,
    /** Session-clock time recording started at, in µs. */
    private readonly startUs: number,
    private readonly feeds: TrackFeeds,
    private readonly onFailure: (error: Error) => void,
  ) {}

  get videoPath(): string {
    return join(this.directory, this.fileNames.VIDEO);
  }

  get audioPath(): string {
    return join(this.directory, this.fileNames.AUDIO);
  }

  get hasVideo(): boolean {
    return this.video !== undefined;
  }

  get hasAudio(): boolean {
    return this.audio !== undefined;
  }

  /** The encoder's process id, while it runs. */
  get encoderPid(): number | undefined {
    return this.video?.pid;
  }

  /** Takes the participant's track of that kind (a republished one replaces the last). */
  record(kind: 'VIDEO' | 'AUDIO', trackSid: string): void {
    const current = kind === 'VIDEO' ? this.videoTrack : this.audioTrack;
    if (this.failed || current === trackSid) return;
    const setTrack = (sid: string | undefined) => (kind === 'VIDEO' ? (this.videoTrack = sid) : (this.audioTrack = sid));
    setTrack(trackSid);
    const key: FeedKey = { ...this.target, trackSid };
    if (kind === 'VIDEO' && !this.declared) {
      // The publisher's own size (its largest simulcast layer), not that of the first frame, which is
      // often a small one while the publisher's bandwidth estimate ramps up.
      const publication = this.feeds.publication(key);
      if (publication?.width && publication.height) this.declared = { width: publication.width, height: publication.height };
    }
    const end = () => {
      if ((kind === 'VIDEO' ? this.videoTrack : this.audioTrack) === trackSid) setTrack(undefined);
    };
    this.releases.push(
      kind === 'VIDEO'
        ? this.feeds.video(key, { frame: (frame) => this.onVideo(frame), end })
        : this.feeds.audio(key, { frame: (frame) => this.onAudio(frame), end }),
    );
  }

  /** Stops taking media, fills both timelines up to `stopUs`, and finishes the files. */
  async stop(stopUs: number): Promise<Error | null> {
    for (const release of this.releases.splice(0)) release();
    let error: Error | null = null;
    try {
      if (!this.failed && this.video && this.lastFrame) this.fillVideo(this.slotAt(stopUs), this.lastFrame);
      if (!this.failed && this.audio) {
        const missing = Math.round(((stopUs - (this.audioEndUs ?? stopUs)) * this.audio.sampleRate) / 1e6);
        if (missing > 0) this.audio.silence(missing);
      }
      this.audio?.close();
    } catch (failure) {
      error = failure as Error;
    }
    const videoError = this.video ? await this.video.finish() : null;
    return error ?? (this.failed ? null : videoError);
  }

  /** Kills the encoder without finishing (for a process that is going down anyway). */
  abort(): void {
    for (const release of this.releases.splice(0)) release();
    this.video?.kill();
  }

  /** The frame slot nearest to a time: a frame is shown at most half a slot from when it was taken. */
  private slotAt(timestampUs: number): number {
    return Math.max(0, Math.round(((timestampUs - this.startUs) * RECORDING_FPS) / 1e6));
  }

  private onVideo(frame: RawVideoFrame): void {
    if (this.failed) return;
    if (!this.video) {
      const size = this.declared ?? frame;
      this.video = new VideoFileEncoder(this.videoPath, size.width, size.height);
      const encoder = this.video;
      void encoder.done.then((error) => {
        if (error && !this.failed && encoder === this.video) this.fail(error);
      });
    }
    // The file keeps its size: other sizes (a ramp-up, simulcast layers, adaptation) are scaled to it.
    const data =
      frame.width === this.video.width && frame.height === this.video.height
        ? frame.data
        : resizeI420(frame.data, frame.width, frame.height, this.video.width, this.video.height);
    // A late first frame also fills the slots before it: the picture is held from the start.
    this.fillVideo(this.slotAt(frame.timestampUs) + 1, this.lastFrame ?? data, data);
    this.lastFrame = data;
  }

  /** Writes slots up to (not including) `until`: `held` for the gap, `newest` in the last one. */
  private fillVideo(until: number, held: Uint8Array, newest: Uint8Array = held): void {
    const encoder = this.video!;
    while (this.slotsWritten < until) {
      if (encoder.backlog > MAX_BACKLOG_FRAMES * encoder.frameBytes) {
        // ffmpeg is behind: drop rather than queue without end; the next frame retries the slots.
        this.droppedFrames++;
        return;
      }
      encoder.write(this.slotsWritten === until - 1 ? newest : held);
      this.slotsWritten++;
    }
  }

  private onAudio(frame: RawAudioFrame): void {
    if (this.failed) return;
    try {
      this.audio ??= new WavWriter(this.audioPath, frame.sampleRate, frame.channels, { monoUntilStereo: true });
      const expected = this.audioEndUs ?? this.startUs;
      const gapUs = frame.timestampUs - expected;
      // Late start or a gap in the track: silence keeps audio aligned with the session clock.
      if (gapUs > (this.audioEndUs === undefined ? 0 : AUDIO_GAP_US)) {
        this.audio.silence(Math.round((gapUs * frame.sampleRate) / 1e6));
        this.audioEndUs = frame.timestampUs;
      }
      this.audio.write(frame.data);
      this.audioEndUs = (this.audioEndUs ?? frame.timestampUs) + (frame.samplesPerChannel * 1e6) / frame.sampleRate;
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    for (const release of this.releases.splice(0)) release();
    this.video?.kill();
    try {
      this.audio?.close();
    } catch {
      // The disk that failed the write may fail the header too; what was written stays.
    }
    this.onFailure(error);
  }
}
