import { join } from 'node:path';
import { RECORDING_FPS, VideoFileEncoder } from '../ffmpeg.js';
import { resizeI420, WavWriter } from '../recording-files.js';
import { AudioTimeline } from './audio-timeline.js';
import { dropBelongsToGap, type TrackGap } from './gap-reasons.js';
import type { FeedEnd, FeedKey, FeedSync, MediaSilence, RawAudioFrame, RawVideoFrame, TrackFeeds } from './track-feeds.js';
import { isPlaceholderPicture, VideoTimeline } from './video-timeline.js';

/** ffmpeg may fall this many frames behind before frames are dropped instead of queued. */
const MAX_BACKLOG_FRAMES = 8;
/** How often a still picture is written on while no frame comes (ms). */
const HOLD_INTERVAL_MS = 250;

/** What the recorder knows of one track it took media from. */
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
  private readonly videoTimeline: VideoTimeline;
  private audioTimeline: AudioTimeline | undefined;
  private holdTimer: NodeJS.Timeout | undefined;
  private lastFrame: Uint8Array | undefined;
  private failed = false;
  /** The video file's picture size: the first video track's published size, when LiveKit gives one. */
  private declared: { width: number; height: number } | undefined;
  droppedFrames = 0;
  /** Session-clock time the recorder stopped at. */
  stoppedUs: number | undefined;
  /** Tracks taken, in order. */
  readonly tracks: RecordedTrack[] = [];
  private readonly gapList: TrackGap[] = [];
  /** Spans without packets going on now, by track. */
  private readonly openSilences = new Map<string, TrackGap>();
  /** A track that was unpublished: its kind's media is missing from then until the next track's first media. */
  private readonly unpublished = new Map<'VIDEO' | 'AUDIO', { sid: string; atUs: number }>();
  private lastVideoUs: number | undefined;
  /** A video track whose packets came back after a gap: its next frame ends the gap. */
  private videoResuming: string | undefined;

  constructor(
    readonly target: RecorderTarget,
    readonly directory: string,
    /** Names of its video and audio files in the directory. */
    private readonly fileNames: Record<'VIDEO' | 'AUDIO', string>,
    /** Session-clock time recording started at, in µs. */
    private readonly startUs: number,
    private readonly feeds: TrackFeeds,
    private readonly onFailure: (error: Error) => void,
  ) {
    this.videoTimeline = new VideoTimeline(startUs, RECORDING_FPS);
  }

  /** Where the video file's frame grid sits against the recording's start (µs): the combined file starts the video this late. */
  get videoPhaseUs(): number | undefined {
    return this.videoTimeline.phaseUs;
  }

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
    const publication = this.feeds.publication(key);
    const track: RecordedTrack = {
      sid: trackSid,
      kind,
      mimeType: publication?.mimeType || null,
      width: publication?.width || null,
      height: publication?.height || null,
      firstMediaUs: undefined,
      fromUs: Math.max(this.startUs, this.nowUs()),
      untilUs: undefined,
      sync: undefined,
    };
    this.tracks.push(track);
    const end = (ended: FeedEnd) => {
      track.untilUs ??= this.nowUs();
      track.sync = this.feeds.sync(key) ?? track.sync;
      this.closeSilence(trackSid, this.nowUs());
      if (ended.reason === 'track unpublished') {
        const atUs = kind === 'VIDEO' ? this.lastVideoUs : this.audioTimeline?.started ? this.audioTimeline.fileEndUs : undefined;
        if (atUs !== undefined) this.unpublished.set(kind, { sid: trackSid, atUs });
      }
      if ((kind === 'VIDEO' ? this.videoTrack : this.audioTrack) === trackSid) setTrack(undefined);
    };
    const silence = (span: MediaSilence) => this.onSilence(kind, trackSid, span);
    const first = (timestampUs: number) => {
      if (track.firstMediaUs !== undefined) return;
      track.firstMediaUs = timestampUs;
      if (kind === 'AUDIO') this.audioTimeline?.newTrack();
      const before = this.unpublished.get(kind);
      if (before) {
        this.unpublished.delete(kind);
        this.addGap({ kind, trackSid: before.sid, startUs: before.atUs, endUs: timestampUs, reason: 'UNPUBLISHED' });
      }
    };
    this.releases.push(
      kind === 'VIDEO'
        ? this.feeds.video(key, {
            frame: (frame) => {
              // Until a source captures its first frame, LiveKit sends a black placeholder: no picture yet.
              if (track.firstMediaUs === undefined && isPlaceholderPicture(frame.data, frame.width, frame.height)) return;
              first(frame.timestampUs);
              this.onVideo(frame);
            },
            end,
            silence,
          })
        : this.feeds.audio(key, { frame: (frame) => (first(frame.timestampUs), this.onAudio(frame)), end, silence }),
    );
    // Kept current while the track is recorded, for the manifest.
    this.releases.push(() => (track.sync = this.feeds.sync(key) ?? track.sync));
  }

  /** Gaps so far (open ones end at `untilUs`), in time order. */
  gaps(untilUs: number): TrackGap[] {
    // A track that delivered nothing is missing from the files for as long as it was taken.
    const silent = this.tracks.filter((track) => track.firstMediaUs === undefined);
    const never = new Set(silent.map((track) => track.sid));
    const missing = silent.map((track) => ({ kind: track.kind, trackSid: track.sid, startUs: track.fromUs, endUs: Math.min(track.untilUs ?? untilUs, untilUs), reason: undefined }));
    const open = [...this.openSilences.values()].map((gap) => ({ ...gap, endUs: untilUs }));
    const unpublished = [...this.unpublished.entries()].map(([kind, { sid, atUs }]) => ({
      kind,
      trackSid: sid,
      startUs: atUs,
      endUs: untilUs,
      reason: 'UNPUBLISHED' as const,
    }));
    return [...[...this.gapList, ...open, ...unpublished].filter((gap) => !never.has(gap.trackSid)), ...missing]
      .filter((gap) => gap.endUs > gap.startUs)
      .sort((a, b) => a.startUs - b.startUs);
  }

  private nowUs(): number {
    return this.startUs + (performance.now() - this.startedAtPerf) * 1000;
  }

  private readonly startedAtPerf = performance.now();

  private addGap(gap: TrackGap): void {
    const startUs = Math.max(gap.startUs, this.startUs);
    if (gap.endUs <= startUs) return;
    // A step of the clock at the end of a gap already listed (a reconnect, a new track) is part of it.
    if (gap.reason === 'DROPPED' && dropBelongsToGap({ ...gap, startUs }, this.gapList, [...this.openSilences.values()])) return;
    this.gapList.push({ ...gap, startUs });
  }

  private onSilence(kind: 'VIDEO' | 'AUDIO', trackSid: string, span: MediaSilence): void {
    if (span.endUs === undefined) {
      this.openSilences.set(trackSid, { kind, trackSid, startUs: span.startUs, endUs: span.startUs, reason: undefined });
    } else if (kind === 'VIDEO') {
      // Packets are back, but the picture only once a frame decodes (after a keyframe): the gap
      // ends with the next frame.
      const open = this.openSilences.get(trackSid);
      if (open) open.endUs = span.endUs;
      this.videoResuming = open ? trackSid : undefined;
    } else {
      this.openSilences.delete(trackSid);
      this.addGap({ kind, trackSid, startUs: span.startUs, endUs: span.endUs, reason: undefined });
    }
  }

  private closeSilence(trackSid: string, endUs: number): void {
    const open = this.openSilences.get(trackSid);
    if (!open) return;
    this.openSilences.delete(trackSid);
    this.addGap({ ...open, endUs });
  }

  /** Stops taking media, fills both timelines up to `stopUs`, and finishes the files. */
  async stop(stopUs: number): Promise<Error | null> {
    for (const release of this.releases.splice(0)) release();
    clearInterval(this.holdTimer);
    this.stoppedUs = stopUs;
    let error: Error | null = null;
    try {
      // The last picture is held to the end: a still screen lasts the whole window. Written at
      // ffmpeg's pace, as nothing comes after it.
      if (!this.failed && this.video && this.lastFrame) {
        for (let slots = this.videoTimeline.fillTo(stopUs); slots > 0 && this.video.running; slots--) {
          if (this.video.backlog > MAX_BACKLOG_FRAMES * this.video.frameBytes) await this.video.drained();
          this.video.write(this.lastFrame);
          this.videoTimeline.written++;
        }
      }
      if (!this.failed && this.audio && this.audioTimeline) {
        const missing = this.audioTimeline.fillTo(stopUs);
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
    clearInterval(this.holdTimer);
    this.video?.kill();
  }

  private onVideo(frame: RawVideoFrame): void {
    if (this.failed) return;
    const placement = this.videoTimeline.frame(frame.timestampUs);
    if (!this.video) {
      const size = this.declared ?? frame;
      this.video = new VideoFileEncoder(this.videoPath, size.width, size.height);
      const encoder = this.video;
      void encoder.done.then((error) => {
        if (error && !this.failed && encoder === this.video) this.fail(error);
      });
      // A source that sends no new frame (a still screen) is held in real time.
      this.holdTimer = setInterval(() => {
        if (this.lastFrame && !this.failed) this.writeSlots(this.videoTimeline.hold(this.nowUs()), this.lastFrame, 0, this.lastFrame);
      }, HOLD_INTERVAL_MS);
      this.holdTimer.unref();
    }
    // The file keeps its size: other sizes (a ramp-up, simulcast layers, adaptation) are scaled to it.
    const data =
      frame.width === this.video.width && frame.height === this.video.height
        ? frame.data
        : resizeI420(frame.data, frame.width, frame.height, this.video.width, this.video.height);
    // A late first frame also fills the slots before it: the picture is held from the start.
    this.writeSlots(placement.held, this.lastFrame ?? data, placement.newest, data);
    this.lastFrame = data;
    this.lastVideoUs = frame.timestampUs;
    if (this.videoResuming) {
      const open = this.openSilences.get(this.videoResuming);
      this.openSilences.delete(this.videoResuming);
      this.videoResuming = undefined;
      if (open) this.addGap({ ...open, endUs: Math.max(open.endUs, frame.timestampUs) });
    }
  }

  /** Writes `held` slots of one picture, then `newest` of another, unless ffmpeg is behind. */
  private writeSlots(held: number, heldPicture: Uint8Array, newest: number, newestPicture: Uint8Array): void {
    const encoder = this.video!;
    for (let slot = 0; slot < held + newest; slot++) {
      if (encoder.backlog > MAX_BACKLOG_FRAMES * encoder.frameBytes) {
        // ffmpeg is behind: drop rather than queue without end; the next frame retries the slots.
        this.droppedFrames++;
        return;
      }
      encoder.write(slot < held ? heldPicture : newestPicture);
      this.videoTimeline.written++;
    }
  }

  private onAudio(frame: RawAudioFrame): void {
    if (this.failed) return;
    try {
      this.audio ??= new WavWriter(this.audioPath, frame.sampleRate, frame.channels, { monoUntilStereo: true });
      this.audioTimeline ??= new AudioTimeline(this.startUs, frame.sampleRate);
      const placement = this.audioTimeline.place(frame.timestampUs, frame.samplesPerChannel);
      if (placement.dropped) this.addGap({ kind: 'AUDIO', trackSid: this.audioTrack ?? '', ...placement.dropped, reason: 'DROPPED' });
      if (placement.silence > 0) this.audio.silence(placement.silence);
      if (placement.rewind > 0) this.audio.rewind(placement.rewind);
      if (placement.write > 0) this.audio.write(placement.skip > 0 ? frame.data.subarray(placement.skip * frame.channels) : frame.data);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    for (const release of this.releases.splice(0)) release();
    clearInterval(this.holdTimer);
    this.video?.kill();
    try {
      this.audio?.close();
    } catch {
      // The disk that failed the write may fail the header too; what was written stays.
    }
    this.onFailure(error);
  }
}
