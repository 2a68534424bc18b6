import { join } from 'node:path';
import type { Logger } from 'pino';
import { rm } from 'node:fs/promises';
import { decodeSmall } from '../ffmpeg.js';
import { field, MediaTap, type TapEvent } from '../media-tap.js';
import { isPlaceholderPicture } from './video-timeline.js';
import type { TrackGap } from './gap-reasons.js';
import type { FamilyRecorder } from './participant-recorder.js';
import { PASSTHROUGH_FILES, type MediaFamily } from './recording-model.js';
import type { RecordingPauses } from './recording-pauses.js';
import type { SessionClock } from './session-clock.js';
import type { RecordedTrack } from './track-writers.js';

/** A video whose frames average fewer bytes than this may be LiveKit's black placeholder only: it is decoded to tell. */
const PLACEHOLDER_FRAME_BYTES = 150;
/** How long a track may take to close its file once told to stop. */
const STOP_TIMEOUT_MS = 15_000;
/** A track that sent nothing for this long before the stop has a gap up to it (the tap reports the others). */
const TRAILING_SILENCE_US = 1_500_000;

/**
 * The media tap of one recorded room: started on the first PASSTHROUGH track, joined with a token of
 * its own, and told which tracks to write where. Commands wait for the join; a tap that cannot join,
 * or that dies, fails every track it was writing.
 */
export class RoomTap {
  private readonly tap: MediaTap;
  private readonly joined: Promise<void>;
  private readonly tracks = new Map<string, (event: TapEvent) => void>();
  private failure: Error | undefined;
  private closing = false;

  constructor(bin: string, join: () => Promise<{ url: string; token: string }>, log: Logger) {
    this.tap = new MediaTap(bin, log);
    this.tap.onEvent((event) => {
      if (event.trackSid) this.tracks.get(event.trackSid)?.(event);
      else if (event.event === 'disconnected') this.fail(new Error(`the media tap left the room (${String(event.reason ?? 'disconnected')})`));
    });
    void this.tap.exited.then((exit) => {
      if (!this.closing) this.fail(new Error(`the media tap exited (code ${exit.code}, signal ${exit.signal}): ${this.tap.stderr()}`));
    });
    this.joined = join()
      .then(({ url, token }) => this.tap.join(url, token))
      .catch((error: Error) => {
        this.fail(error);
        throw error;
      });
    this.joined.catch(() => undefined);
  }

  /** Writes a track to `path`; its events go to `listener` (an `error` event when it cannot). */
  record(trackSid: string, path: string, listener: (event: TapEvent) => void, paused: boolean): void {
    this.tracks.set(trackSid, listener);
    if (this.failure) {
      listener({ event: 'error', trackSid, message: this.failure.message });
      return;
    }
    void this.joined.then(
      () => {
        this.tap.send({ cmd: 'record', trackSid, path });
        if (paused) this.tap.send({ cmd: 'pause', trackSid });
      },
      () => undefined,
    );
  }

  pause(trackSid: string, paused: boolean): void {
    void this.joined.then(() => this.tap.send({ cmd: paused ? 'pause' : 'resume', trackSid }), () => undefined);
  }

  /** Closes the track's file; resolves to its `stopped` event. */
  async stop(trackSid: string): Promise<TapEvent> {
    if (this.failure) throw this.failure;
    await this.joined;
    const stopped = this.tap.next((e) => e.event === 'stopped' && e.trackSid === trackSid, STOP_TIMEOUT_MS, `the end of ${trackSid}`);
    this.tap.send({ cmd: 'stop', trackSid });
    return stopped;
  }

  forget(trackSid: string): void {
    this.tracks.delete(trackSid);
  }

  /** Closes every file and ends the process. */
  async close(): Promise<void> {
    this.closing = true;
    await this.tap.quit();
  }

  private fail(error: Error): void {
    if (this.failure || this.closing) return;
    this.failure = error;
    for (const [trackSid, listener] of this.tracks) listener({ event: 'error', trackSid, message: error.message });
  }
}

export interface PassthroughContext {
  roomTap: RoomTap;
  /** Session-clock time recording started at, µs. */
  startUs: number;
  clock: SessionClock;
  pauses: RecordingPauses;
  /** The track's MIME type and size as published, when known. */
  publication: (trackSid: string) => { mimeType?: string; width?: number; height?: number } | undefined;
  onFailure: (error: Error) => void;
  log: Logger;
}

interface TapTrack {
  recorded: RecordedTrack;
  path: string;
  codec: string | undefined;
  /** The `writing` event: where the file's time line starts. */
  writing: TapEvent | undefined;
  /** The last sender report seen (RTP timestamp to the sender's NTP clock). */
  senderReport: { ntpMs: number; rtpTimestamp: number } | undefined;
  lastPacketAtMs: number | undefined;
  /** Spans of the file without media, ms on its time line. */
  silences: { fromMs: number; toMs: number }[];
  stopped: TapEvent | undefined;
}

/**
 * One participant's PASSTHROUGH recording of one family of tracks (camera and microphone, or screen
 * share and its audio): the room's media tap writes each track as it arrived, and what it reports
 * (first packet, sender reports, silent spans) places the files on the recording's time line.
 * The first track of each kind is recorded; a track published again later is not (yet) appended.
 */
export class PassthroughRecorder implements FamilyRecorder {
  private readonly byKind = new Map<'VIDEO' | 'AUDIO', TapTrack>();
  private failed = false;

  constructor(
    private readonly directory: string,
    private readonly family: MediaFamily,
    private readonly context: PassthroughContext,
  ) {}

  get tracks(): RecordedTrack[] {
    return [...this.byKind.values()].map((track) => track.recorded);
  }

  get droppedFrames(): number {
    return 0;
  }

  /**
   * Where the video file starts against the audio file (µs, may be negative): from both tracks'
   * sender reports (the publisher's own clock) when there are some, else from when each file's
   * first packet arrived.
   */
  get videoPhaseUs(): number | undefined {
    const video = this.byKind.get('VIDEO');
    if (!video?.writing) return undefined;
    const alignment = this.alignment;
    return alignment ? Math.round(alignment.videoAfterAudioMs * 1000) : 0;
  }

  /**
   * How the video file was lined up with the audio file (null with one of them only). An Opus
   * packet's RTP time names its first sample, but libwebrtc senders report (and send) it once the
   * whole packet is captured: the audio's first sample was captured one packet earlier than its
   * sender report and its arrival say (measured: 20 ms late in the file otherwise, for 20 ms packets).
   */
  get alignment(): { by: 'SENDER_REPORTS' | 'ARRIVAL'; videoAfterAudioMs: number; arrivalDifferenceMs: number; audioPacketMs: number } | null {
    const video = this.byKind.get('VIDEO');
    const audio = this.byKind.get('AUDIO');
    if (!video?.writing || !audio?.writing) return null;
    const videoNtp = senderTimeMs(video);
    const audioNtp = senderTimeMs(audio);
    const packetSamples = field(audio.writing, 'packetSamples');
    const audioPacketMs = Number.isFinite(packetSamples) ? (packetSamples / field(audio.writing, 'clockRate')) * 1000 : 0;
    const arrivalDifferenceMs = field(video.writing, 'atMs') - field(audio.writing, 'atMs');
    const bySenderReports = videoNtp !== undefined && audioNtp !== undefined;
    return {
      by: bySenderReports ? 'SENDER_REPORTS' : 'ARRIVAL',
      videoAfterAudioMs: Math.round(((bySenderReports ? videoNtp - audioNtp : arrivalDifferenceMs) + audioPacketMs) * 10) / 10,
      arrivalDifferenceMs,
      audioPacketMs,
    };
  }

  /** What the tap counted of a track (from its stop): packets, bytes, frames, keyframes, losses. */
  figures(trackSid: string): Record<string, number> | undefined {
    const track = [...this.byKind.values()].find((candidate) => candidate.recorded.sid === trackSid);
    const stopped = track?.stopped;
    if (!stopped) return undefined;
    const names = ['packets', 'bytes', 'keyframes', 'lost', 'framesReceived', 'framesWritten', 'beforeKeyframe', 'pausedPackets', 'gapFillMs'];
    return Object.fromEntries(names.filter((name) => Number.isFinite(field(stopped, name))).map((name) => [name, field(stopped, name)]));
  }

  /** Where each file's first media is, µs after the recording's start on its time line (pauses left out). */
  fileStartUs(kind: 'VIDEO' | 'AUDIO'): number {
    const track = this.byKind.get(kind);
    if (track?.recorded.firstMediaUs === undefined) return 0;
    return Math.max(0, this.context.pauses.toFileUs(track.recorded.firstMediaUs) - this.context.startUs);
  }

  record(kind: 'VIDEO' | 'AUDIO', trackSid: string): void {
    if (this.failed) return;
    const existing = this.byKind.get(kind);
    if (existing) {
      if (existing.recorded.sid !== trackSid) this.context.log.warn({ trackSid, kept: existing.recorded.sid }, 'a track published again is not added to a passthrough recording');
      return;
    }
    const publication = this.context.publication(trackSid);
    const names = PASSTHROUGH_FILES[this.family].raw;
    const path = join(this.directory, kind === 'AUDIO' ? names.opus : names.video);
    const track: TapTrack = {
      recorded: {
        sid: trackSid,
        kind,
        mimeType: publication?.mimeType || null,
        width: publication?.width || null,
        height: publication?.height || null,
        firstMediaUs: undefined,
        fromUs: Math.max(this.context.startUs, this.context.clock.nowUs()),
        untilUs: undefined,
        sync: undefined,
      },
      path,
      codec: undefined,
      writing: undefined,
      senderReport: undefined,
      lastPacketAtMs: undefined,
      silences: [],
      stopped: undefined,
    };
    this.byKind.set(kind, track);
    this.context.roomTap.record(trackSid, path, (event) => this.onEvent(track, event), this.context.pauses.paused);
  }

  setPaused(paused: boolean): void {
    for (const track of this.byKind.values()) if (!track.stopped) this.context.roomTap.pause(track.recorded.sid, paused);
  }

  /** Spans without media so far, on the session clock (those still going on end at `untilUs`). */
  gaps(untilUs: number): TrackGap[] {
    const gaps: TrackGap[] = [];
    for (const track of this.byKind.values()) {
      const { sid, kind, fromUs, firstMediaUs } = track.recorded;
      const endUs = Math.min(untilUs, track.recorded.untilUs ?? untilUs);
      if (firstMediaUs === undefined) {
        gaps.push({ kind, trackSid: sid, startUs: fromUs, endUs, reason: undefined });
        continue;
      }
      if (firstMediaUs - fromUs > TRAILING_SILENCE_US) gaps.push({ kind, trackSid: sid, startUs: fromUs, endUs: firstMediaUs, reason: undefined });
      // The tap's spans are on the file's time line, which leaves pauses out like the recording's.
      const fileStartUs = this.context.pauses.toFileUs(firstMediaUs);
      for (const silence of track.silences) {
        gaps.push({
          kind,
          trackSid: sid,
          startUs: this.context.pauses.fromFileUs(fileStartUs + silence.fromMs * 1000),
          endUs: this.context.pauses.fromFileUs(fileStartUs + silence.toMs * 1000),
          reason: undefined,
        });
      }
      if (track.lastPacketAtMs !== undefined) {
        const lastUs = this.context.clock.fromEpochMs(track.lastPacketAtMs);
        if (endUs - lastUs > TRAILING_SILENCE_US) gaps.push({ kind, trackSid: sid, startUs: lastUs, endUs, reason: undefined });
      }
    }
    return gaps.filter((gap) => gap.endUs > gap.startUs).sort((a, b) => a.startUs - b.startUs);
  }

  /** Closes the files (the tap writes out what it holds); the first error, if any. */
  async stop(stopUs: number): Promise<Error | null> {
    const results = await Promise.all(
      [...this.byKind.values()].map(async (track) => {
        track.recorded.untilUs ??= stopUs;
        if (track.stopped) return null;
        try {
          track.stopped = await this.context.roomTap.stop(track.recorded.sid);
          const error = track.stopped.error;
          if (typeof error === 'string') return new Error(error);
          await this.dropPlaceholder(track);
          return null;
        } catch (error) {
          return error as Error;
        } finally {
          this.context.roomTap.forget(track.recorded.sid);
        }
      }),
    );
    return results.find((error) => error !== null) ?? null;
  }

  /**
   * Until a source captures its first frame, LiveKit sends a black placeholder picture (10 tiny
   * frames a second). A video file that holds nothing else is no media: it is removed, and the
   * track has a gap over the whole window, as in TRANSCODE.
   */
  private async dropPlaceholder(track: TapTrack): Promise<void> {
    const frames = field(track.stopped!, 'framesWritten');
    const bytes = field(track.stopped!, 'bytes');
    if (track.recorded.kind !== 'VIDEO' || !(frames > 0) || bytes / frames >= PLACEHOLDER_FRAME_BYTES) return;
    const width = 32;
    const height = 18;
    const frameBytes = (width * height * 3) / 2;
    const pictures = await decodeSmall(track.path, width, height).catch(() => undefined);
    if (!pictures || pictures.length < frameBytes) return;
    for (let at = 0; at + frameBytes <= pictures.length; at += frameBytes) {
      if (!isPlaceholderPicture(pictures.subarray(at, at + frameBytes), width, height)) return;
    }
    await rm(track.path, { force: true });
    track.recorded.firstMediaUs = undefined;
    track.writing = undefined;
  }

  private onEvent(track: TapTrack, event: TapEvent): void {
    switch (event.event) {
      case 'track':
        track.codec = typeof event.codec === 'string' ? event.codec : undefined;
        track.recorded.mimeType = typeof event.mimeType === 'string' ? event.mimeType : track.recorded.mimeType;
        if (typeof event.width === 'number') track.recorded.width = event.width;
        if (typeof event.height === 'number') track.recorded.height = event.height;
        break;
      case 'writing':
        track.writing = event;
        track.recorded.firstMediaUs = this.context.clock.fromEpochMs(field(event, 'atMs'));
        break;
      case 'stats':
        if (Number.isFinite(field(event, 'lastPacketAtMs'))) track.lastPacketAtMs = field(event, 'lastPacketAtMs');
        if (Number.isFinite(field(event, 'srNtpMs'))) track.senderReport = { ntpMs: field(event, 'srNtpMs'), rtpTimestamp: field(event, 'srRtpTimestamp') };
        break;
      case 'gap':
        track.silences.push({ fromMs: field(event, 'fromMs'), toMs: field(event, 'toMs') });
        break;
      case 'stopped':
        track.stopped = event;
        track.recorded.untilUs ??= this.context.clock.nowUs();
        break;
      case 'error':
        if (track.stopped || this.failed) break;
        this.failed = true;
        this.context.onFailure(new Error(event.message ?? 'the media tap failed'));
        break;
      default:
        break;
    }
  }
}

/** The sender's clock (ms) at the track file's first packet, from the last sender report. */
function senderTimeMs(track: TapTrack): number | undefined {
  if (!track.writing || !track.senderReport) return undefined;
  const clockRate = field(track.writing, 'clockRate');
  // RTP timestamps wrap at 2^32: the signed distance from the report.
  const ticks = ((((field(track.writing, 'rtpTimestamp') - track.senderReport.rtpTimestamp + 2 ** 31) % 2 ** 32) + 2 ** 32) % 2 ** 32) - 2 ** 31;
  return track.senderReport.ntpMs + (ticks / clockRate) * 1000;
}
