import { RECORDING_FPS, VideoFileEncoder } from '../ffmpeg.js';
import { resizeI420, WavWriter } from '../recording-files.js';
import { AudioTimeline } from './audio-timeline.js';
import { dropBelongsToGap, type TrackGap } from './gap-reasons.js';
import type { RecordingPauses } from './recording-pauses.js';
import type { SessionClock } from './session-clock.js';
import type { FeedEnd, FeedKey, FeedSink, FeedSync, MediaSilence, RawAudioFrame, RawVideoFrame, TrackFeeds } from './track-feeds.js';
import { isPlaceholderPicture, VideoTimeline } from './video-timeline.js';

/** ffmpeg may fall this many frames behind before frames are dropped instead of queued. */
const MAX_BACKLOG_FRAMES = 8;
/** How often a still picture is written on while no frame comes (ms). */
const HOLD_INTERVAL_MS = 250;

/** What a writer knows of one track it took media from. */
export interface RecordedTrack {
  sid: string;
  kind: 'VIDEO' | 'AUDIO';
  mimeType: string | null;
  width: number | null;
  height: number | null;
  /** Session-clock time of its first media, µs. */
  firstMediaUs: number | undefined;
  /** Session-clock times it was taken from and until (undefined while it is), µs. */
  fromUs: number;
  untilUs: number | undefined;
  sync: FeedSync | undefined;
}

export interface WriterTarget {
  roomName: string;
  sessionId: string;
  participantIdentity: string;
}

/** What every writer is handed: whose tracks, from when, on which clock, and where to report a failure. */
export interface WriterContext {
  target: WriterTarget;
  /** Session-clock time recording started at, µs. */
  startUs: number;
  clock: SessionClock;
  /** The recording's pauses: media stamped inside one is left out, and the files' time line skips them. */
  pauses: RecordingPauses;
  feeds: TrackFeeds;
  onFailure: (error: Error) => void;
}

/**
 * One file of a recording, written from the tracks of one source, one after the other (a track
 * published again continues the file): a sink of each track's feed, with a lifecycle (take a
 * track, write its media, finalize at the stop, or abort). It also keeps what is missing from
 * its file (gaps) and what each track was.
 */
abstract class FileWriter<F extends RawVideoFrame | RawAudioFrame> {
  /** Tracks taken, in order. */
  readonly tracks: RecordedTrack[] = [];
  protected failed = false;
  protected current: string | undefined;
  private readonly releases: (() => void)[] = [];
  private readonly gapList: TrackGap[] = [];
  /** Spans without packets going on now, by track. */
  protected readonly openSilences = new Map<string, TrackGap>();
  /** A track that was unpublished: media is missing from then until the next track's first media. */
  private unpublished: { sid: string; atUs: number } | undefined;

  constructor(
    readonly kind: 'VIDEO' | 'AUDIO',
    readonly path: string,
    protected readonly context: WriterContext,
  ) {}

  /** Whether the file holds media. */
  abstract get hasMedia(): boolean;
  /** Where the file's media ends on the session clock (for a track unpublished now), if it has any. */
  protected abstract get mediaEndUs(): number | undefined;
  protected abstract write(frame: F): void;
  /** Fills the file to `stopUs` and finishes it; the first error, if any. */
  protected abstract finish(stopUs: number): Promise<Error | null>;
  /** Stops writing at once (the process is going down, or the file failed). */
  protected abstract kill(): void;
  /** Whether a frame is no media yet (a placeholder sent before a source captured anything). */
  protected placeholder(_frame: F): boolean {
    return false;
  }
  /** A new track's first media follows. */
  protected trackStarts(): void {}

  protected get startUs(): number {
    return this.context.startUs;
  }

  protected nowUs(): number {
    return this.context.clock.nowUs();
  }

  /** A session-clock time on the files' time line (paused time cut out). */
  protected fileUs(us: number): number {
    return this.context.pauses.toFileUs(us);
  }

  /** Takes a track of the participant (a republished one replaces the last). */
  take(trackSid: string): void {
    if (this.failed || this.current === trackSid) return;
    this.current = trackSid;
    const key: FeedKey = { ...this.context.target, trackSid };
    const feeds = this.context.feeds;
    const publication = feeds.publication(key);
    this.declare(publication?.width, publication?.height);
    const track: RecordedTrack = {
      sid: trackSid,
      kind: this.kind,
      mimeType: publication?.mimeType || null,
      width: publication?.width || null,
      height: publication?.height || null,
      firstMediaUs: undefined,
      fromUs: Math.max(this.startUs, this.nowUs()),
      untilUs: undefined,
      sync: undefined,
    };
    this.tracks.push(track);
    const sink: FeedSink<F> = {
      frame: (frame: F) => {
        if (this.failed || this.context.pauses.inPause(frame.timestampUs)) return;
        if (track.firstMediaUs === undefined) {
          if (this.placeholder(frame)) return;
          track.firstMediaUs = frame.timestampUs;
          this.trackStarts();
          if (this.unpublished) {
            this.addGap({ kind: this.kind, trackSid: this.unpublished.sid, startUs: this.unpublished.atUs, endUs: frame.timestampUs, reason: 'UNPUBLISHED' });
            this.unpublished = undefined;
          }
        }
        this.write(frame);
      },
      end: (ended: FeedEnd) => {
        track.untilUs ??= this.nowUs();
        track.sync = feeds.sync(key) ?? track.sync;
        this.closeSilence(trackSid, this.nowUs());
        const atUs = this.mediaEndUs;
        if (ended.reason === 'track unpublished' && atUs !== undefined) this.unpublished = { sid: trackSid, atUs };
        if (this.current === trackSid) this.current = undefined;
      },
      silence: (span: MediaSilence) => this.onSilence(trackSid, span),
    };
    this.releases.push(this.kind === 'VIDEO' ? feeds.video(key, sink as FeedSink<RawVideoFrame>) : feeds.audio(key, sink as FeedSink<RawAudioFrame>));
    // Kept current while the track is recorded, for the manifest.
    this.releases.push(() => (track.sync = feeds.sync(key) ?? track.sync));
  }

  /** The size a track was published with, before any frame. */
  protected declare(_width: number | undefined, _height: number | undefined): void {}

  /** Stops taking media, fills the file to `stopUs` and finishes it. */
  async finalize(stopUs: number): Promise<Error | null> {
    this.release();
    return this.finish(stopUs);
  }

  /** Stops at once without finishing (for a process that is going down anyway). */
  abort(): void {
    this.release();
    this.kill();
  }

  /** Gaps so far (open ones end at `untilUs`), in time order. */
  gaps(untilUs: number): TrackGap[] {
    // A track that delivered nothing is missing from the file for as long as it was taken.
    const silent = this.tracks.filter((track) => track.firstMediaUs === undefined);
    const never = new Set(silent.map((track) => track.sid));
    const missing = silent.map((track) => ({ kind: this.kind, trackSid: track.sid, startUs: track.fromUs, endUs: Math.min(track.untilUs ?? untilUs, untilUs), reason: undefined }));
    const open = [...this.openSilences.values()].map((gap) => ({ ...gap, endUs: untilUs }));
    const unpublished = this.unpublished ? [{ kind: this.kind, trackSid: this.unpublished.sid, startUs: this.unpublished.atUs, endUs: untilUs, reason: 'UNPUBLISHED' as const }] : [];
    return [...[...this.gapList, ...open, ...unpublished].filter((gap) => !never.has(gap.trackSid)), ...missing]
      .filter((gap) => gap.endUs > gap.startUs)
      .sort((a, b) => a.startUs - b.startUs);
  }

  protected addGap(gap: TrackGap): void {
    const startUs = Math.max(gap.startUs, this.startUs);
    if (gap.endUs <= startUs) return;
    // A step of the clock at the end of a gap already listed (a reconnect, a new track) is part of it.
    if (gap.reason === 'DROPPED' && dropBelongsToGap({ ...gap, startUs }, this.gapList, [...this.openSilences.values()])) return;
    this.gapList.push({ ...gap, startUs });
  }

  protected onSilence(trackSid: string, span: MediaSilence): void {
    if (span.endUs === undefined) {
      this.openSilences.set(trackSid, { kind: this.kind, trackSid, startUs: span.startUs, endUs: span.startUs, reason: undefined });
    } else {
      this.openSilences.delete(trackSid);
      this.addGap({ kind: this.kind, trackSid, startUs: span.startUs, endUs: span.endUs, reason: undefined });
    }
  }

  protected closeSilence(trackSid: string, endUs: number): void {
    const open = this.openSilences.get(trackSid);
    if (!open) return;
    this.openSilences.delete(trackSid);
    this.addGap({ ...open, endUs });
  }

  protected fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.release();
    this.kill();
    this.context.onFailure(error);
  }

  private release(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

/**
 * A video file (H.264 fragmented MP4) on a constant 30 fps grid from the moment recording
 * started: each slot holds the newest picture, a gap or a still source holds the last one.
 */
export class VideoFileWriter extends FileWriter<RawVideoFrame> {
  private encoder: VideoFileEncoder | undefined;
  private readonly timeline: VideoTimeline;
  private holdTimer: NodeJS.Timeout | undefined;
  private lastFrame: Uint8Array | undefined;
  private lastFrameUs: number | undefined;
  /** The file's picture size: the first track's published size, when LiveKit gives one. */
  private declared: { width: number; height: number } | undefined;
  /** A track whose packets came back after a gap: its next picture ends the gap. */
  private resuming: string | undefined;
  droppedFrames = 0;

  constructor(path: string, context: WriterContext) {
    super('VIDEO', path, context);
    this.timeline = new VideoTimeline(context.startUs, RECORDING_FPS);
  }

  get hasMedia(): boolean {
    return this.encoder !== undefined;
  }

  /** Where the file's frame grid sits against the recording's start (µs): the combined file starts the video this late. */
  get phaseUs(): number | undefined {
    return this.timeline.phaseUs;
  }

  /** The encoder's process id, while it runs. */
  get encoderPid(): number | undefined {
    return this.encoder?.pid;
  }

  protected get mediaEndUs(): number | undefined {
    return this.lastFrameUs;
  }

  protected override declare(width: number | undefined, height: number | undefined): void {
    // The publisher's own size (its largest simulcast layer), not that of the first frame, which is
    // often a small one while the publisher's bandwidth estimate ramps up.
    if (!this.declared && width && height) this.declared = { width, height };
  }

  /** Until a source captures its first frame, LiveKit sends a black placeholder: no picture yet. */
  protected override placeholder(frame: RawVideoFrame): boolean {
    return isPlaceholderPicture(frame.data, frame.width, frame.height);
  }

  protected write(frame: RawVideoFrame): void {
    const placement = this.timeline.frame(this.fileUs(frame.timestampUs));
    if (!this.encoder) {
      const size = this.declared ?? frame;
      const encoder = new VideoFileEncoder(this.path, size.width, size.height);
      this.encoder = encoder;
      void encoder.done.then((error) => {
        if (error && !this.failed && encoder === this.encoder) this.fail(error);
      });
      // A source that sends no new frame (a still screen) is held in real time.
      this.holdTimer = setInterval(() => {
        if (this.lastFrame && !this.failed) this.writeSlots(this.timeline.hold(this.fileUs(this.nowUs())), this.lastFrame, 0, this.lastFrame);
      }, HOLD_INTERVAL_MS);
      this.holdTimer.unref();
    }
    const encoder = this.encoder;
    // The file keeps its size: other sizes (a ramp-up, simulcast layers, adaptation) are scaled to it.
    const data =
      frame.width === encoder.width && frame.height === encoder.height ? frame.data : resizeI420(frame.data, frame.width, frame.height, encoder.width, encoder.height);
    // A late first frame also fills the slots before it: the picture is held from the start.
    this.writeSlots(placement.held, this.lastFrame ?? data, placement.newest, data);
    this.lastFrame = data;
    this.lastFrameUs = frame.timestampUs;
    if (this.resuming) {
      const open = this.openSilences.get(this.resuming);
      this.openSilences.delete(this.resuming);
      this.resuming = undefined;
      if (open) this.addGap({ ...open, endUs: Math.max(open.endUs, frame.timestampUs) });
    }
  }

  protected override onSilence(trackSid: string, span: MediaSilence): void {
    if (span.endUs === undefined) {
      // Packets came back for a moment without a picture, and stopped again (an outage whose
      // connection is restored in steps): the gap that began first goes on, dated from its start.
      if (this.resuming === trackSid && this.openSilences.has(trackSid)) {
        this.resuming = undefined;
        return;
      }
      return super.onSilence(trackSid, span);
    }
    // Packets are back, but the picture only once a frame decodes (after a keyframe): the gap
    // ends with the next picture.
    const open = this.openSilences.get(trackSid);
    if (open) open.endUs = span.endUs;
    this.resuming = open ? trackSid : undefined;
  }

  /** Writes `held` slots of one picture, then `newest` of another, unless ffmpeg is behind. */
  private writeSlots(held: number, heldPicture: Uint8Array, newest: number, newestPicture: Uint8Array): void {
    const encoder = this.encoder!;
    for (let slot = 0; slot < held + newest; slot++) {
      if (encoder.backlog > MAX_BACKLOG_FRAMES * encoder.frameBytes) {
        // ffmpeg is behind: drop rather than queue without end; the next frame retries the slots.
        this.droppedFrames++;
        return;
      }
      encoder.write(slot < held ? heldPicture : newestPicture);
      this.timeline.written++;
    }
  }

  protected async finish(stopUs: number): Promise<Error | null> {
    clearInterval(this.holdTimer);
    const encoder = this.encoder;
    if (!encoder) return null;
    // The last picture is held to the end: a still screen lasts the whole window. Written at
    // ffmpeg's pace, as nothing comes after it.
    if (!this.failed && this.lastFrame) {
      for (let slots = this.timeline.fillTo(this.fileUs(stopUs)); slots > 0 && encoder.running; slots--) {
        if (encoder.backlog > MAX_BACKLOG_FRAMES * encoder.frameBytes) await encoder.drained();
        encoder.write(this.lastFrame);
        this.timeline.written++;
      }
    }
    const error = await encoder.finish();
    return this.failed ? null : error;
  }

  protected kill(): void {
    clearInterval(this.holdTimer);
    this.encoder?.kill();
  }
}

/** An audio file (WAV) placed by sample count on the session clock, with silence where media is missing. */
export class AudioFileWriter extends FileWriter<RawAudioFrame> {
  private wav: WavWriter | undefined;
  private timeline: AudioTimeline | undefined;
  private pausesSeen = 0;

  constructor(path: string, context: WriterContext) {
    super('AUDIO', path, context);
  }

  get hasMedia(): boolean {
    return this.wav !== undefined;
  }

  protected get mediaEndUs(): number | undefined {
    return this.timeline?.started ? this.context.pauses.fromFileUs(this.timeline.fileEndUs) : undefined;
  }

  protected override trackStarts(): void {
    this.timeline?.newTrack();
  }

  protected write(frame: RawAudioFrame): void {
    try {
      this.wav ??= new WavWriter(this.path, frame.sampleRate, frame.channels, { monoUntilStereo: true });
      this.timeline ??= new AudioTimeline(this.startUs, frame.sampleRate);
      // The first frame after a resume follows on from the last before the pause: the few ms
      // between them are where the two meet, not media dropped.
      if (this.context.pauses.spans.length !== this.pausesSeen) {
        this.pausesSeen = this.context.pauses.spans.length;
        this.timeline.newTrack();
      }
      const placement = this.timeline.place(this.fileUs(frame.timestampUs), frame.samplesPerChannel);
      if (placement.dropped) {
        const { pauses } = this.context;
        const dropped = { startUs: pauses.fromFileUs(placement.dropped.startUs), endUs: pauses.fromFileUs(placement.dropped.endUs) };
        this.addGap({ kind: 'AUDIO', trackSid: this.current ?? '', ...dropped, reason: 'DROPPED' });
      }
      if (placement.silence > 0) this.wav.silence(placement.silence);
      if (placement.rewind > 0) this.wav.rewind(placement.rewind);
      if (placement.write > 0) this.wav.write(placement.skip > 0 ? frame.data.subarray(placement.skip * frame.channels) : frame.data);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  protected async finish(stopUs: number): Promise<Error | null> {
    try {
      if (!this.failed && this.wav && this.timeline) {
        const missing = this.timeline.fillTo(this.fileUs(stopUs));
        if (missing > 0) this.wav.silence(missing);
      }
      this.wav?.close();
      return null;
    } catch (error) {
      return this.failed ? null : (error as Error);
    }
  }

  protected kill(): void {
    try {
      this.wav?.close();
    } catch {
      // The disk that failed the write may fail the header too; what was written stays.
    }
  }
}
