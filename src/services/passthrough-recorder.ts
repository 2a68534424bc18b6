import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import { rm } from 'node:fs/promises';
import { decodeSmall } from '../ffmpeg.js';
import { field, MediaTap, type TapEvent } from '../media-tap.js';
import { isPlaceholderPicture } from './video-timeline.js';
import type { TrackGap } from './gap-reasons.js';
import type { GapReason } from './recording-model.js';
import type { FamilyRecorder } from './participant-recorder.js';
import { PARTS_FILE, PASSTHROUGH_FILES, rawPartName, type MediaFamily } from './recording-model.js';
import type { RecordingPauses } from './recording-pauses.js';
import type { SessionClock } from './session-clock.js';
import type { RecordedTrack } from './track-writers.js';

/** A video whose frames average fewer bytes than this may be LiveKit's black placeholder only: it is decoded to tell. */
const PLACEHOLDER_FRAME_BYTES = 150;
/** How long a track may take to close its file once told to stop. */
const STOP_TIMEOUT_MS = 15_000;
/** A track that sent nothing for this long before the stop has a gap up to it (the tap reports the others). */
const TRAILING_SILENCE_US = 1_500_000;

/** A tap that reconnected to the room but gets no packet for this long is replaced (its ICE may never recover). */
const NO_MEDIA_AFTER_RECONNECT_MS = 8_000;
/** The longest wait before starting another tap when they keep failing. */
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The media tap of one recorded room: started on the first PASSTHROUGH track, joined with a token of
 * its own, and told which tracks to write where. Commands wait for the join. A tap that dies, leaves
 * the room, or reconnects to it and then gets no media, is replaced by another (each track it was
 * writing gets a `lost` event and is asked for again, into a new part), sooner the first time and
 * later when they keep failing; one that cannot join at first fails every track it was writing.
 */
export class RoomTap {
  private tap!: MediaTap;
  private joined!: Promise<MediaTap>;
  private readonly tracks = new Map<string, (event: TapEvent) => void>();
  private failure: Error | undefined;
  private closing = false;
  private everJoined = false;
  private readonly restarts: number[] = [];
  /** Since when the tap has been reconnecting with no packet come since (epoch ms). */
  private quietSince: number | undefined;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    private readonly bin: string,
    private readonly credentials: () => Promise<{ url: string; token: string }>,
    private readonly log: Logger,
    noMediaAfterReconnectMs = NO_MEDIA_AFTER_RECONNECT_MS,
  ) {
    this.start(0);
    this.watchdog = setInterval(() => {
      if (this.quietSince !== undefined && this.tracks.size > 0 && Date.now() - this.quietSince > noMediaAfterReconnectMs) {
        this.lost(this.tap, new Error(`no media came for ${noMediaAfterReconnectMs / 1000} s after the media tap reconnected`));
      }
    }, Math.min(1_000, noMediaAfterReconnectMs / 4));
    this.watchdog.unref();
  }

  /** Writes a track to `path`; its events go to `listener` (an `error` event when it cannot). */
  record(trackSid: string, path: string, listener: (event: TapEvent) => void, paused: boolean): void {
    this.tracks.set(trackSid, listener);
    if (this.failure) {
      listener({ event: 'error', trackSid, message: this.failure.message });
      return;
    }
    void this.joined.then(
      (tap) => {
        tap.send({ cmd: 'record', trackSid, path });
        if (paused) tap.send({ cmd: 'pause', trackSid });
      },
      () => undefined,
    );
  }

  pause(trackSid: string, paused: boolean): void {
    void this.joined.then((tap) => tap.send({ cmd: paused ? 'pause' : 'resume', trackSid }), () => undefined);
  }

  /** Closes the track's file; resolves to its `stopped` event. */
  async stop(trackSid: string): Promise<TapEvent> {
    if (this.failure) throw this.failure;
    const tap = await this.joined;
    const stopped = tap.next((e) => e.event === 'stopped' && e.trackSid === trackSid, STOP_TIMEOUT_MS, `the end of ${trackSid}`);
    tap.send({ cmd: 'stop', trackSid });
    return stopped;
  }

  forget(trackSid: string): void {
    this.tracks.delete(trackSid);
  }

  /** Closes every file and ends the process. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    await this.tap.quit();
  }

  /** Starts a tap process (after `delayMs`) and joins it to the room. */
  private start(delayMs: number): void {
    const tap = new MediaTap(this.bin, this.log);
    this.tap = tap;
    tap.onEvent((event) => {
      if (tap !== this.tap) return;
      if (event.event === 'reconnecting' || event.event === 'reconnected') this.quietSince = Date.now();
      else if (event.event === 'stats' && this.quietSince !== undefined && field(event, 'lastPacketAtMs') > this.quietSince) this.quietSince = undefined;
      if (event.trackSid) this.tracks.get(event.trackSid)?.(event);
      else if (event.event === 'disconnected') this.lost(tap, new Error(`the media tap left the room (${String(event.reason ?? 'disconnected')})`));
    });
    void tap.exited.then((exit) => this.lost(tap, new Error(`the media tap exited (code ${exit.code}, signal ${exit.signal}): ${tap.stderr()}`)));
    this.joined = new Promise<void>((resolve) => setTimeout(resolve, delayMs))
      .then(() => this.credentials())
      .then(({ url, token }) => tap.join(url, token))
      .then(() => {
        this.everJoined = true;
        return tap;
      });
    this.joined.catch((error: Error) => this.lost(tap, error));
  }

  /** The tap died, left the room, could not join, or got no media after reconnecting: start another, or fail every track. */
  private lost(tap: MediaTap, error: Error): void {
    if (tap !== this.tap || this.closing || this.failure) return;
    if (!this.everJoined) {
      this.fail(error);
      void tap.quit(3_000);
      return;
    }
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > 60_000) this.restarts.shift();
    this.restarts.push(now);
    // At once the first time in a minute, then 1, 2, 4 … s, at most 30 s.
    const delayMs = Math.min(MAX_RESTART_DELAY_MS, this.restarts.length === 1 ? 0 : 1_000 * 2 ** (this.restarts.length - 2));
    this.log.warn({ err: error, restartsInAMinute: this.restarts.length, delayMs }, 'media tap lost: starting another');
    this.quietSince = undefined;
    // The old one closes what it still has open; its events no longer count.
    void tap.quit(3_000);
    this.start(delayMs);
    for (const [trackSid, listener] of [...this.tracks]) listener({ event: 'lost', trackSid, message: error.message });
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

/** One file the tap writes for a track: the first, or one begun after the tap was started again or the track was published again. */
interface TapPart {
  /** The track (shared by the parts of one track). */
  recorded: RecordedTrack;
  /** Its place among its kind's files (video.ivf, video.2.ivf, …). */
  index: number;
  path: string;
  /** Why it was begun, when not the first: what the span before its first media is. */
  cause: GapReason | undefined;
  /** When it was asked for and when it ended (session clock, µs). */
  fromUs: number;
  untilUs: number | undefined;
  firstMediaUs: number | undefined;
  codec: string | undefined;
  /** The `writing` event: where the file's time line starts. */
  writing: TapEvent | undefined;
  /** The sender reports seen (RTP timestamp to the sender's NTP clock), each once, in order. */
  senderReports: SenderReport[];
  /**
   * The reference the tap retimes a video against (its first sender reports averaged), for video and
   * audio alike: a combined file is placed by the two references when both tracks have one.
   */
  referenceReport: SenderReport | undefined;
  lastPacketAtMs: number | undefined;
  /** Spans of the file without media, ms on its time line. */
  silences: { fromMs: number; toMs: number }[];
  /** The last stats, and the stop (none when the tap was lost). */
  stats: TapEvent | undefined;
  stopped: TapEvent | undefined;
  /** Ended without a stop: the tap was lost, or the track was gone when it came back. */
  abandoned: boolean;
  /** Asked for again after a reconnect, the track was no longer there: no part at all. */
  gone: boolean;
}

/**
 * One participant's PASSTHROUGH recording of one family of tracks (camera and microphone, or screen
 * share and its audio): the room's media tap writes each track as it arrived, and what it reports
 * (first packet, sender reports, silent spans) places the files on the recording's time line. When
 * the tap is started again, or the participant publishes the source again, the track goes on in a
 * new part, and the parts are joined into one file at the end.
 */
export class PassthroughRecorder implements FamilyRecorder {
  private readonly byKind = new Map<'VIDEO' | 'AUDIO', TapPart[]>();
  private failed = false;
  /** Where each part after the first begins, s after the first that wrote (saved beside them: a crash keeps it). */
  private readonly placements: Record<string, number> = {};

  constructor(
    private readonly directory: string,
    private readonly family: MediaFamily,
    private readonly context: PassthroughContext,
  ) {}

  get tracks(): RecordedTrack[] {
    return [...new Set([...this.byKind.values()].flat().map((part) => part.recorded))];
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
    if (!this.firstWriting('VIDEO')) return undefined;
    const alignment = this.alignment;
    return alignment ? Math.round(alignment.videoAfterAudioMs * 1000) : 0;
  }

  /**
   * How the video file was lined up with the audio file (null with one of them only). An Opus
   * packet's RTP time names its first sample, but libwebrtc senders report (and send) it once the
   * whole packet is captured: the audio's first sample was captured one packet earlier than its
   * sender report and its arrival say (measured: 20 ms late in the file otherwise, for 20 ms packets).
   */
  get alignment(): {
    by: 'SENDER_REPORTS' | 'ARRIVAL';
    videoAfterAudioMs: number;
    arrivalDifferenceMs: number;
    audioPacketMs: number;
    /** Sender reports of each track, and how far apart they put its first packet (ms). */
    senderReports: { video: number; audio: number; videoSpreadMs: number | null; audioSpreadMs: number | null };
    /**
     * Whether the files were placed by the references the tap retimed the video against, and the
     * video's correction at its first frame and at its last (ms: how far its audio's clock ran apart).
     */
    retimed: { byReferences: boolean; firstCorrectionMs: number; lastCorrectionMs: number };
  } | null {
    const video = this.firstWriting('VIDEO');
    const audio = this.firstWriting('AUDIO');
    if (!video?.writing || !audio?.writing) return null;
    // The tap moves the video's frames as the two clocks run apart, measured from the two
    // references: the files are placed by them, and by the video's correction at its first frame.
    const byReferences = video.referenceReport !== undefined && audio.referenceReport !== undefined;
    const firstCorrectionMs = byReferences && Number.isFinite(field(video.writing, 'clockCorrectionMs')) ? field(video.writing, 'clockCorrectionMs') : 0;
    const last = video.stopped ?? video.stats;
    const lastCorrectionMs = last && Number.isFinite(field(last, 'clockCorrectionMs')) ? field(last, 'clockCorrectionMs') : 0;
    const videoAll = senderTime(video, false);
    const audioAll = senderTime(audio, false);
    const videoSender = byReferences ? senderTime(video, true) : videoAll;
    const audioSender = byReferences ? senderTime(audio, true) : audioAll;
    const videoNtp = videoSender === undefined ? undefined : videoSender.ntpMs + firstCorrectionMs;
    const audioNtp = audioSender?.ntpMs;
    const packetSamples = field(audio.writing, 'packetSamples');
    const audioPacketMs = Number.isFinite(packetSamples) ? (packetSamples / field(audio.writing, 'clockRate')) * 1000 : 0;
    const arrivalDifferenceMs = field(video.writing, 'atMs') - field(audio.writing, 'atMs');
    const bySenderReports = videoNtp !== undefined && audioNtp !== undefined;
    return {
      by: bySenderReports ? 'SENDER_REPORTS' : 'ARRIVAL',
      videoAfterAudioMs: Math.round(((bySenderReports ? videoNtp - audioNtp : arrivalDifferenceMs) + audioPacketMs) * 10) / 10,
      arrivalDifferenceMs,
      audioPacketMs,
      senderReports: {
        video: video.senderReports.length,
        audio: audio.senderReports.length,
        videoSpreadMs: videoAll ? Math.round(videoAll.spreadMs * 10) / 10 : null,
        audioSpreadMs: audioAll ? Math.round(audioAll.spreadMs * 10) / 10 : null,
      },
      retimed: { byReferences, firstCorrectionMs: Math.round(firstCorrectionMs * 10) / 10, lastCorrectionMs: Math.round(lastCorrectionMs * 10) / 10 },
    };
  }

  /** What the tap counted of a track (over its parts): packets, bytes, frames, keyframes, losses, parts. */
  figures(trackSid: string): Record<string, number> | undefined {
    const parts = [...this.byKind.values()].flat().filter((part) => part.recorded.sid === trackSid && (part.stopped ?? part.stats));
    if (parts.length === 0) return undefined;
    const names = ['packets', 'bytes', 'keyframes', 'lost', 'framesReceived', 'framesWritten', 'beforeKeyframe', 'pausedPackets', 'gapFillMs'];
    const figures: Record<string, number> = {};
    for (const name of names) {
      const values = parts.map((part) => field((part.stopped ?? part.stats)!, name)).filter(Number.isFinite);
      if (values.length > 0) figures[name] = values.reduce((sum, value) => sum + value, 0);
    }
    if (parts.length > 1) figures.parts = parts.length;
    return figures;
  }

  /** Where each file's first media is, µs after the recording's start on its time line (pauses left out). */
  fileStartUs(kind: 'VIDEO' | 'AUDIO'): number {
    const first = this.firstWriting(kind);
    if (first?.firstMediaUs === undefined) return 0;
    return Math.max(0, this.context.pauses.toFileUs(first.firstMediaUs) - this.context.startUs);
  }

  /** Takes the participant's track of that kind; one published again continues the file in a new part. */
  record(kind: 'VIDEO' | 'AUDIO', trackSid: string): void {
    if (this.failed) return;
    const current = this.byKind.get(kind)?.at(-1);
    if (current?.recorded.sid === trackSid) {
      // Subscribed again (after a reconnect) to a track whose file part ended: it goes on in a new one.
      if (current.stopped?.reason === 'ended' || current.gone) this.startPart(kind, trackSid, 'RECONNECTING', current.recorded);
      return;
    }
    if (current && !current.stopped && !current.abandoned) {
      // The new track replaces the old one, whose file part is closed first.
      void this.endPart(current).then(() => {
        // A part begun for a reconnect that never had media was the old track's end, not a part of it.
        if (current.index > 0 && current.firstMediaUs === undefined) current.gone = true;
        this.startPart(kind, trackSid, 'UNPUBLISHED');
      });
      return;
    }
    this.startPart(kind, trackSid, current ? 'UNPUBLISHED' : undefined);
  }

  setPaused(paused: boolean): void {
    for (const parts of this.byKind.values()) {
      const current = parts.at(-1);
      if (current && !current.stopped && !current.abandoned) this.context.roomTap.pause(current.recorded.sid, paused);
    }
  }

  /**
   * Spans without media so far, on the session clock (those still going on end at `untilUs`): before
   * a track's first media, the tap's silent spans, between parts (named by why the next part was
   * begun), and after the last media.
   */
  gaps(untilUs: number): TrackGap[] {
    const gaps: TrackGap[] = [];
    for (const [kind, all] of this.byKind) {
      const parts = all.filter((part) => !part.gone);
      if (parts.length === 0) continue;
      const sid = (part: TapPart | undefined) => part?.recorded.sid ?? parts[0]!.recorded.sid;
      let lastMediaUs: number | undefined;
      let lastPart: TapPart | undefined;
      /** Why media stopped after the last part with media: the first later part's cause. */
      let reason: GapReason | undefined;
      for (const part of parts) {
        if (part.firstMediaUs === undefined) {
          if (lastMediaUs !== undefined) reason ??= part.cause;
          continue;
        }
        if (lastMediaUs === undefined) {
          const fromUs = parts[0]!.fromUs;
          if (part.firstMediaUs - fromUs > TRAILING_SILENCE_US || part.index > 0) gaps.push({ kind, trackSid: part.recorded.sid, startUs: fromUs, endUs: part.firstMediaUs, reason: undefined });
        } else gaps.push({ kind, trackSid: part.recorded.sid, startUs: lastMediaUs, endUs: part.firstMediaUs, reason: reason ?? part.cause });
        reason = undefined;
        // The tap's spans are on the file's time line, which leaves pauses out like the recording's.
        const fileStartUs = this.context.pauses.toFileUs(part.firstMediaUs);
        for (const silence of part.silences) {
          gaps.push({
            kind,
            trackSid: part.recorded.sid,
            startUs: this.context.pauses.fromFileUs(fileStartUs + silence.fromMs * 1000),
            endUs: this.context.pauses.fromFileUs(fileStartUs + silence.toMs * 1000),
            reason: undefined,
          });
        }
        lastPart = part;
        const partEndUs = Math.min(untilUs, part.untilUs ?? untilUs);
        lastMediaUs = part.lastPacketAtMs === undefined ? partEndUs : Math.min(partEndUs, this.context.clock.fromEpochMs(part.lastPacketAtMs));
      }
      const last = parts.at(-1)!;
      const endUs = Math.min(untilUs, last.recorded.untilUs ?? untilUs);
      if (lastMediaUs === undefined) gaps.push({ kind, trackSid: sid(last), startUs: parts[0]!.fromUs, endUs, reason: undefined });
      else if (endUs - lastMediaUs > TRAILING_SILENCE_US || last !== lastPart) {
        const unpublished = last === lastPart && last.stopped?.reason === 'ended';
        gaps.push({ kind, trackSid: sid(lastPart), startUs: lastMediaUs, endUs, reason: reason ?? (unpublished ? 'UNPUBLISHED' : undefined) });
      }
    }
    return gaps.filter((gap) => gap.endUs > gap.startUs).sort((a, b) => a.startUs - b.startUs);
  }

  /** Closes the files (the tap writes out what it holds); the first error, if any. */
  async stop(stopUs: number): Promise<Error | null> {
    const results = await Promise.all(
      [...this.byKind.values()].map(async (parts) => {
        for (const part of parts) part.recorded.untilUs ??= stopUs;
        const current = parts.at(-1)!;
        try {
          if (!current.stopped && !current.abandoned) {
            current.untilUs ??= stopUs;
            const error = await this.endPart(current);
            if (error) return error;
          }
          return null;
        } finally {
          for (const part of parts) this.context.roomTap.forget(part.recorded.sid);
        }
      }),
    );
    return results.find((error) => error !== null) ?? null;
  }

  /** Closes a part's file, and removes it when it held LiveKit's placeholder only. */
  private async endPart(part: TapPart): Promise<Error | null> {
    try {
      part.stopped = await this.context.roomTap.stop(part.recorded.sid);
      part.untilUs ??= this.context.clock.nowUs();
      const error = part.stopped.error;
      if (typeof error === 'string') return new Error(error);
      await this.dropPlaceholder(part);
      return null;
    } catch (error) {
      part.abandoned = true;
      part.untilUs ??= this.context.clock.nowUs();
      return error as Error;
    }
  }

  private startPart(kind: 'VIDEO' | 'AUDIO', trackSid: string, cause: GapReason | undefined, recorded?: RecordedTrack): void {
    if (this.failed) return;
    const parts = this.byKind.get(kind) ?? [];
    this.byKind.set(kind, parts);
    const nowUs = Math.max(this.context.startUs, this.context.clock.nowUs());
    const publication = this.context.publication(trackSid);
    const names = PASSTHROUGH_FILES[this.family].raw;
    const part: TapPart = {
      recorded: recorded ?? {
        sid: trackSid,
        kind,
        mimeType: publication?.mimeType || null,
        width: publication?.width || null,
        height: publication?.height || null,
        firstMediaUs: undefined,
        fromUs: nowUs,
        untilUs: undefined,
        sync: undefined,
      },
      index: parts.length,
      path: join(this.directory, rawPartName(kind === 'AUDIO' ? names.opus : names.video, parts.length)),
      cause,
      fromUs: nowUs,
      untilUs: undefined,
      firstMediaUs: undefined,
      codec: undefined,
      writing: undefined,
      senderReports: [],
      referenceReport: undefined,
      lastPacketAtMs: undefined,
      silences: [],
      stats: undefined,
      stopped: undefined,
      abandoned: false,
      gone: false,
    };
    parts.push(part);
    this.context.roomTap.record(trackSid, part.path, (event) => this.onEvent(part, event), this.context.pauses.paused);
  }

  /** The first part of a kind that wrote media: where its file starts. */
  private firstWriting(kind: 'VIDEO' | 'AUDIO'): TapPart | undefined {
    return this.byKind.get(kind)?.find((part) => part.writing !== undefined);
  }

  /** Notes where a part begins against the first part that wrote (kept beside the files for the join at the end). */
  private place(part: TapPart): void {
    const first = this.firstWriting(part.recorded.kind);
    if (!first || first === part || first.firstMediaUs === undefined || part.firstMediaUs === undefined) return;
    const toFile = (us: number) => this.context.pauses.toFileUs(us);
    this.placements[basename(part.path)] = Math.round(toFile(part.firstMediaUs) - toFile(first.firstMediaUs)) / 1e6;
    try {
      writeFileSync(join(this.directory, PARTS_FILE), `${JSON.stringify(this.placements)}\n`);
    } catch (error) {
      this.context.log.warn({ err: error }, 'could not note where a part of a recorded track begins');
    }
  }

  /**
   * Until a source captures its first frame, LiveKit sends a black placeholder picture (10 tiny
   * frames a second). A video file that holds nothing else is no media: it is removed, and the
   * track has a gap over its window, as in TRANSCODE.
   */
  private async dropPlaceholder(part: TapPart): Promise<void> {
    const frames = field(part.stopped!, 'framesWritten');
    const bytes = field(part.stopped!, 'bytes');
    if (part.recorded.kind !== 'VIDEO' || !(frames > 0) || bytes / frames >= PLACEHOLDER_FRAME_BYTES) return;
    const width = 32;
    const height = 18;
    const frameBytes = (width * height * 3) / 2;
    const pictures = await decodeSmall(part.path, width, height).catch(() => undefined);
    if (!pictures || pictures.length < frameBytes) return;
    for (let at = 0; at + frameBytes <= pictures.length; at += frameBytes) {
      if (!isPlaceholderPicture(pictures.subarray(at, at + frameBytes), width, height)) return;
    }
    await rm(part.path, { force: true });
    part.firstMediaUs = undefined;
    part.writing = undefined;
    const parts = this.byKind.get(part.recorded.kind) ?? [];
    part.recorded.firstMediaUs = parts.find((other) => other.recorded === part.recorded && other.firstMediaUs !== undefined)?.firstMediaUs;
  }

  private onEvent(part: TapPart, event: TapEvent): void {
    switch (event.event) {
      case 'track':
        part.codec = typeof event.codec === 'string' ? event.codec : undefined;
        part.recorded.mimeType = typeof event.mimeType === 'string' ? event.mimeType : part.recorded.mimeType;
        if (typeof event.width === 'number') part.recorded.width = event.width;
        if (typeof event.height === 'number') part.recorded.height = event.height;
        break;
      case 'writing':
        part.writing = event;
        part.firstMediaUs = this.context.clock.fromEpochMs(field(event, 'atMs'));
        part.recorded.firstMediaUs ??= part.firstMediaUs;
        this.place(part);
        break;
      case 'stats':
        part.stats = event;
        if (Number.isFinite(field(event, 'lastPacketAtMs'))) part.lastPacketAtMs = field(event, 'lastPacketAtMs');
        if (Number.isFinite(field(event, 'refSrNtpMs'))) part.referenceReport = { ntpMs: field(event, 'refSrNtpMs'), rtpTimestamp: field(event, 'refSrRtpTimestamp') };
        if (Number.isFinite(field(event, 'srNtpMs'))) noteSenderReport(part.senderReports, { ntpMs: field(event, 'srNtpMs'), rtpTimestamp: field(event, 'srRtpTimestamp') });
        break;
      case 'gap':
        part.silences.push({ fromMs: field(event, 'fromMs'), toMs: field(event, 'toMs') });
        break;
      case 'stopped':
        part.stopped = event;
        part.untilUs ??= this.context.clock.nowUs();
        // The track ended in the tap but is still published: the tap's connection was rebuilt, and
        // the track goes on in a new part (if it was unpublished after all, that part finds nothing).
        if (event.reason === 'ended' && this.byKind.get(part.recorded.kind)?.at(-1) === part && this.context.publication(part.recorded.sid)) {
          this.startPart(part.recorded.kind, part.recorded.sid, 'RECONNECTING', part.recorded);
        }
        break;
      case 'lost':
        // The tap was started again: the track goes on in a new part, if it is still the current one.
        if (part.stopped || part.abandoned || this.byKind.get(part.recorded.kind)?.at(-1) !== part) break;
        part.abandoned = true;
        part.untilUs = this.context.clock.nowUs();
        this.context.log.warn({ trackSid: part.recorded.sid, reason: event.message }, 'media tap lost: the track goes on in a new part');
        this.startPart(part.recorded.kind, part.recorded.sid, 'RECORDER_RESTARTED', part.recorded);
        break;
      case 'error':
        if (part.stopped || part.abandoned || this.failed) break;
        if ((part.cause === 'RECORDER_RESTARTED' || part.cause === 'RECONNECTING') && !part.writing && event.cmd === 'record') {
          // The track was gone by the time the tap came back: nothing more of it.
          part.abandoned = true;
          part.gone = true;
          part.untilUs = this.context.clock.nowUs();
          this.context.log.info({ trackSid: part.recorded.sid, reason: event.message }, 'the track was gone when the media tap came back');
          break;
        }
        this.failed = true;
        this.context.onFailure(new Error(event.message ?? 'the media tap failed'));
        break;
      default:
        break;
    }
  }
}

/** The sender's clock (ms) at the part's first packet, from its sender reports. */
function senderTime(part: TapPart, byReference: boolean): { ntpMs: number; spreadMs: number } | undefined {
  if (!part.writing) return undefined;
  const reports = byReference && part.referenceReport ? [part.referenceReport] : part.senderReports;
  return firstPacketSenderTimeMs(field(part.writing, 'rtpTimestamp'), field(part.writing, 'clockRate'), reports);
}

/** One RTCP sender report: the sender's NTP clock (Unix ms) at an RTP timestamp. */
export interface SenderReport {
  ntpMs: number;
  rtpTimestamp: number;
}

/** How many sender reports a part keeps: about 3 hours of one a second, thinned to every other beyond. */
export const SENDER_REPORTS_KEPT = 10_000;

/** Adds a report to a part's list unless it is the one seen last (stats repeat it); thins a long list to every other. */
export function noteSenderReport(reports: SenderReport[], report: SenderReport): void {
  const last = reports.at(-1);
  if (last && last.ntpMs === report.ntpMs && last.rtpTimestamp === report.rtpTimestamp) return;
  reports.push(report);
  if (reports.length > SENDER_REPORTS_KEPT) {
    const kept = reports.filter((_, i) => i % 2 === 0);
    reports.splice(0, reports.length, ...kept);
  }
}

/**
 * The sender's clock (ms) at an RTP timestamp, as the mean of what each sender report says of it:
 * one report is off by the sender's jitter (a few ms) when it was made, and a clock that runs apart
 * from the sender's NTP clock over a long recording puts the first and the last reports apart; the
 * mean takes out the jitter and splits such a drift. `spreadMs` is how far apart the reports put it.
 */
export function firstPacketSenderTimeMs(rtpTimestamp: number, clockRate: number, reports: SenderReport[]): { ntpMs: number; spreadMs: number } | undefined {
  if (reports.length === 0 || !(clockRate > 0)) return undefined;
  const estimates = reports.map((report) => {
    // RTP timestamps wrap at 2^32: the signed distance from the report.
    const ticks = ((((rtpTimestamp - report.rtpTimestamp + 2 ** 31) % 2 ** 32) + 2 ** 32) % 2 ** 32) - 2 ** 31;
    return report.ntpMs + (ticks / clockRate) * 1000;
  });
  // Around the first: summing offsets from it keeps the precision of ms since 1970.
  const base = estimates[0]!;
  const mean = base + estimates.reduce((sum, estimate) => sum + (estimate - base), 0) / estimates.length;
  return { ntpMs: mean, spreadMs: Math.max(...estimates) - Math.min(...estimates) };
}
