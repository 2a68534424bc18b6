import { AudioFrame, AudioResampler, AudioResamplerQuality } from '@livekit/rtc-node';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { HavenError, validationFailed } from '../errors.js';
import { FrameEncoder, type EncodedFormat } from '../ffmpeg.js';
import { BoundedAudioChannel, LatestFrameChannel, PullStream } from '../frame-channels.js';
import type { SessionService } from './sessions.js';
import { FEED_SAMPLE_RATE, type FeedEnd, type FeedKey, type RawAudioFrame, type RawVideoFrame, type TrackFeeds } from './track-feeds.js';
import { fitSize, renditionKey, renditionTally, VideoRendition, type EncodedFrame, type RenditionOptions } from './video-renditions.js';

export interface TrackSelector {
  participantIdentity?: string | null;
  trackSid?: string | null;
}

export interface VideoFramesInput {
  format?: EncodedFormat | null;
  maxWidth?: number | null;
  maxHeight?: number | null;
  maxFps?: number | null;
  quality?: number | null;
}

export interface AudioFramesInput {
  sampleRate?: number | null;
  channels?: number | null;
  chunkMs?: number | null;
}

interface ChunkBase {
  sessionId: string;
  participantIdentity: string;
  trackSid: string;
  seq: number;
  timestampUs: number;
  data: Buffer;
}

export interface VideoFrameChunk extends ChunkBase {
  width: number;
  height: number;
  format: EncodedFormat;
  chunkIndex: number;
  chunkCount: number;
}

export interface AudioChunk extends ChunkBase {
  sampleRate: number;
  channels: number;
  samplesPerChannel: number;
  droppedSamples: number;
}

export interface Snapshot {
  sessionId: string;
  participantIdentity: string;
  trackSid: string;
  width: number;
  height: number;
  timestampUs: number;
  data: Buffer;
}

export interface MediaStats {
  openVideoStreams: number;
  openAudioStreams: number;
  subscribedTracks: number;
  videoRenditions: number;
  runningEncoders: number;
  videoSubscribers: number;
  audioSubscribers: number;
  droppedVideoFrames: number;
  droppedAudioSamples: number;
  /** Frames not encoded because an encoder was still busy, over the life of the process. */
  encoderDroppedFrames: number;
}

export interface MediaServiceOptions {
  /** Largest `data` of one VideoFrameChunk, in bytes (default 64 KiB). */
  chunkBytes?: number;
  /** How long a subscription that named no track waits for a republished one (default 3 s). */
  followGraceMs?: number;
  /** How long a snapshot waits for the first frame of a track not yet streaming (default 5 s). */
  snapshotWaitMs?: number;
  /** Audio chunks a slow subscriber may fall behind before its oldest are dropped (default 50). */
  audioBufferChunks?: number;
  /** Snapshots encoded at once; more wait their turn (default 4). */
  snapshotEncodes?: number;
  /** Video renditions (each one ffmpeg) running at once across the server (default 16). */
  maxEncoders?: number;
}

interface Target extends FeedKey {
  /** The subscriber named no track: after a republish it follows the participant's new one. */
  follows: boolean;
}

interface VideoSubscriber {
  channel: LatestFrameChannel<EncodedFrame>;
  target: Target;
  options: RenditionOptions;
  rendition?: VideoRendition;
  closed: boolean;
}

const LIMITS = {
  maxWidth: [16, 7680],
  maxHeight: [16, 4320],
  maxFps: [1, 60],
  quality: [1, 100],
  sampleRate: [8000, 48000],
  channels: [1, 2],
  chunkMs: [10, 200],
} as const;

function bounded(name: keyof typeof LIMITS, value: number | null | undefined, fallback: number | null): number | null {
  if (value === null || value === undefined) return fallback;
  const [min, max] = LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw validationFailed(`options.${name}`, `must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function normalizeVideoOptions(input: VideoFramesInput | null | undefined): RenditionOptions {
  return {
    format: input?.format ?? 'JPEG',
    maxWidth: bounded('maxWidth', input?.maxWidth, null),
    maxHeight: bounded('maxHeight', input?.maxHeight, null),
    maxFps: bounded('maxFps', input?.maxFps, null),
    quality: bounded('quality', input?.quality, 75)!,
  };
}

export function normalizeAudioOptions(input: AudioFramesInput | null | undefined): { sampleRate: number; channels: number; chunkMs: number } {
  return {
    sampleRate: bounded('sampleRate', input?.sampleRate, 48_000)!,
    channels: bounded('channels', input?.channels, 1)!,
    chunkMs: bounded('chunkMs', input?.chunkMs, 20)!,
  };
}

/** Splits an encoded frame into chunks no larger than the limit, consecutive and numbered. */
export function chunkFrame(target: FeedKey, frame: EncodedFrame, chunkBytes: number): VideoFrameChunk[] {
  const chunkCount = Math.max(1, Math.ceil(frame.data.length / chunkBytes));
  return Array.from({ length: chunkCount }, (_, chunkIndex) => ({
    sessionId: target.sessionId,
    participantIdentity: target.participantIdentity,
    trackSid: target.trackSid,
    seq: frame.seq,
    timestampUs: frame.timestampUs,
    width: frame.width,
    height: frame.height,
    format: frame.format,
    chunkIndex,
    chunkCount,
    data: frame.data.subarray(chunkIndex * chunkBytes, (chunkIndex + 1) * chunkBytes),
  }));
}

/**
 * Live video and audio of a session's tracks for subscribers: one feed per track, one encoder per
 * distinct rendition, one bounded buffer per subscriber.
 */
export class MediaService {
  private readonly renditions = new Map<string, VideoRendition>();
  /** Per rendition: how to let go of its track feed, and the subscribers on it. */
  private readonly renditionUsers = new Map<VideoRendition, { release: () => void; owners: Set<VideoSubscriber> }>();
  private videoSubscriberCount = 0;
  private audioSubscriberCount = 0;
  private droppedVideoFrames = 0;
  private droppedAudioSamples = 0;
  private encoderDroppedFrames = 0;
  private readonly chunkBytes: number;
  private readonly followGraceMs: number;
  private readonly snapshotWaitMs: number;
  private readonly audioBufferChunks: number;
  private readonly snapshotSlots: ReturnType<typeof pLimit>;
  private readonly maxEncoders: number;

  constructor(
    private readonly sessions: SessionService,
    private readonly feeds: TrackFeeds,
    private readonly log: Logger,
    options: MediaServiceOptions = {},
  ) {
    this.chunkBytes = options.chunkBytes ?? 64 * 1024;
    this.followGraceMs = options.followGraceMs ?? 3_000;
    this.snapshotWaitMs = options.snapshotWaitMs ?? 5_000;
    this.audioBufferChunks = options.audioBufferChunks ?? 50;
    this.snapshotSlots = pLimit(options.snapshotEncodes ?? 4);
    this.maxEncoders = options.maxEncoders ?? 16;
  }

  stats(): MediaStats {
    const renditions = [...this.renditions.values()];
    return {
      ...this.feeds.stats(),
      videoRenditions: renditions.length,
      runningEncoders: renditions.filter((rendition) => rendition.encoderRunning).length,
      videoSubscribers: this.videoSubscriberCount,
      audioSubscribers: this.audioSubscriberCount,
      droppedVideoFrames: this.droppedVideoFrames,
      droppedAudioSamples: this.droppedAudioSamples,
      encoderDroppedFrames: this.encoderDroppedFrames + renditions.reduce((sum, rendition) => sum + rendition.encoderDrops, 0),
    };
  }

  /** Whether a track of the room streams to a subscriber now. */
  inUse(roomName: string): boolean {
    return this.feeds.openIn(roomName);
  }

  /** Finds the track a subscriber means, or TRACK_NOT_FOUND / SESSION_NOT_FOUND. */
  resolve(roomName: string, kind: 'VIDEO' | 'AUDIO', selector: TrackSelector): Target {
    const session = this.sessions.forMedia(roomName);
    const { participantIdentity, trackSid } = selector;
    const candidates = session.participants
      .filter((participant) => !participantIdentity || participant.identity === participantIdentity)
      .flatMap((participant) => participant.tracks.map((track) => ({ participant, track })))
      .filter(({ track }) => track.kind === kind && (!trackSid || track.sid === trackSid));
    const found = candidates[0];
    if (!found) {
      const what = trackSid
        ? `track ${JSON.stringify(trackSid)}`
        : participantIdentity
          ? `${kind.toLowerCase()} track of participant ${JSON.stringify(participantIdentity)}`
          : `${kind.toLowerCase()} track`;
      throw new HavenError('TRACK_NOT_FOUND', `No ${what} in room ${JSON.stringify(roomName)}`, {
        participantIdentity: participantIdentity ?? null,
        trackSid: trackSid ?? null,
      });
    }
    return {
      roomName,
      sessionId: session.id,
      participantIdentity: found.participant.identity,
      trackSid: found.track.sid,
      follows: !trackSid,
    };
  }

  /**
   * A video subscription: validated now, its rendition taken on the first pull. It completes when
   * its track ends, and ends with a typed error (the last item) when anything else ends it.
   */
  videoFrames(roomName: string, selector: TrackSelector, input?: VideoFramesInput | null): AsyncIterableIterator<VideoFrameChunk | HavenError> {
    const options = normalizeVideoOptions(input);
    const target = this.resolve(roomName, 'VIDEO', selector);
    const subscriber: VideoSubscriber = { channel: new LatestFrameChannel<EncodedFrame>(), target, options, closed: false };
    if (!this.renditions.has(this.renditionKeyOf(subscriber))) this.checkEncoderRoom();
    return new PullStream<EncodedFrame, VideoFrameChunk | HavenError>({
      channel: subscriber.channel,
      acquire: () => {
        this.videoSubscriberCount++;
        this.attach(subscriber);
      },
      release: () => {
        subscriber.closed = true;
        this.videoSubscriberCount--;
        this.droppedVideoFrames += subscriber.channel.dropped;
        this.detach(subscriber);
      },
      expand: (frame) => (renditionTally.counts(subscriber.options).sent++, chunkFrame(subscriber.target, frame, this.chunkBytes)),
      failed: asHavenError,
    });
  }

  audioFrames(roomName: string, selector: TrackSelector, input?: AudioFramesInput | null): AsyncIterableIterator<AudioChunk | HavenError> {
    const options = normalizeAudioOptions(input);
    const target = this.resolve(roomName, 'AUDIO', selector);
    const channel = new BoundedAudioChannel<AudioChunk>(this.audioBufferChunks);
    const state = { closed: false, release: () => undefined as void, chunker: undefined as AudioChunker | undefined };
    const connect = (current: Target) => {
      const chunker = new AudioChunker(current, options, (chunk) => channel.push(chunk));
      state.chunker = chunker;
      state.release = this.feeds.audio(current, {
        frame: (frame) => chunker.push(frame),
        end: (ended) => {
          chunker.close();
          this.afterEnd(current, 'AUDIO', ended, () => state.closed, connect, (failure) => channel.end(failure));
        },
      });
    };
    return new PullStream<AudioChunk, AudioChunk | HavenError>({
      channel,
      acquire: () => {
        this.audioSubscriberCount++;
        connect(target);
      },
      release: () => {
        state.closed = true;
        this.audioSubscriberCount--;
        this.droppedAudioSamples += channel.droppedTotal;
        state.release();
        state.chunker?.close();
      },
      expand: (chunk) => [chunk],
      failed: asHavenError,
    });
  }

  /** The newest picture of a video track as one JPEG, or NO_VIDEO. */
  async snapshot(roomName: string, selector: TrackSelector, maxWidth?: number | null, quality?: number | null): Promise<Snapshot> {
    const options = normalizeVideoOptions({ maxWidth, quality });
    let target: Target;
    try {
      target = this.resolve(roomName, 'VIDEO', selector);
    } catch (error) {
      if (error instanceof HavenError && error.code === 'TRACK_NOT_FOUND' && !selector.participantIdentity && !selector.trackSid) {
        throw new HavenError('NO_VIDEO', `Room ${JSON.stringify(roomName)} has no video track`);
      }
      throw error;
    }
    // The newest frame of a feed that is streaming now, else the first one of a feed opened for it.
    const frame = this.feeds.latestVideo(target) ?? (await this.firstFrame(target));
    if (!frame) throw new HavenError('NO_VIDEO', `No picture arrived from track ${target.trackSid} within ${this.snapshotWaitMs / 1000} s`);
    const size = fitSize(frame.width, frame.height, options.maxWidth, null);
    const data = await this.snapshotSlots(() => encodeJpeg(frame, size, options.quality));
    return { ...target, width: size.width, height: size.height, timestampUs: frame.timestampUs, data };
  }

  private firstFrame(target: FeedKey): Promise<RawVideoFrame | undefined> {
    return new Promise((resolve) => {
      let release = () => undefined as void;
      const timer = setTimeout(() => finish(undefined), this.snapshotWaitMs);
      const finish = (frame: RawVideoFrame | undefined) => {
        clearTimeout(timer);
        queueMicrotask(() => release());
        resolve(frame);
      };
      release = this.feeds.video(target, { frame: (frame) => finish(frame), end: () => finish(undefined) });
    });
  }

  /** Puts a subscriber on the rendition of its target and options, starting it if needed. */
  private renditionKeyOf(subscriber: VideoSubscriber): string {
    return `${subscriber.target.sessionId}\u0000${subscriber.target.trackSid}\u0000${renditionKey(subscriber.options)}`;
  }

  /** LIMIT_EXCEEDED when one more encoder would pass the server's limit. */
  private checkEncoderRoom(): void {
    if (this.renditions.size < this.maxEncoders) return;
    throw new HavenError(
      'LIMIT_EXCEEDED',
      `At most ${this.maxEncoders} video encodings run at once: reuse the options of a running subscription, or raise HAVEN_MAX_ENCODERS`,
      { limit: 'maxEncoders' },
    );
  }

  private attach(subscriber: VideoSubscriber): void {
    const key = this.renditionKeyOf(subscriber);
    let rendition = this.renditions.get(key);
    if (!rendition) {
      this.checkEncoderRoom();
      const created = new VideoRendition(key, subscriber.options, (failed, error) => {
        this.log.error({ err: error, trackSid: subscriber.target.trackSid }, 'video encoder failed');
        this.endRendition(failed, {
          reason: 'no users',
          failure: new HavenError('ENCODER_FAILED', 'The video encoder of this subscription failed; subscribe again'),
        });
      });
      rendition = created;
      this.renditions.set(key, created);
      this.renditionUsers.set(created, { release: () => undefined, owners: new Set() });
      const users = this.renditionUsers.get(created)!;
      users.release = this.feeds.video(subscriber.target, {
        frame: (frame) => created.offer(frame),
        end: (ended) => this.endRendition(created, ended),
      });
      // The feed ended at once (the track went away): the subscriber follows a republish or ends.
      if (!this.renditions.has(key)) return this.endRendition(created, { reason: 'track not found' }, [subscriber]);
    }
    rendition.subscribers.add(subscriber.channel);
    subscriber.rendition = rendition;
    this.renditionUsers.get(rendition)?.owners.add(subscriber);
  }

  private detach(subscriber: VideoSubscriber): void {
    const rendition = subscriber.rendition;
    subscriber.rendition = undefined;
    if (!rendition) return;
    rendition.subscribers.delete(subscriber.channel);
    this.renditionUsers.get(rendition)?.owners.delete(subscriber);
    if (rendition.subscribers.size === 0) this.stopRendition(rendition);
  }

  private stopRendition(rendition: VideoRendition): void {
    if (this.renditions.get(rendition.key) === rendition) this.renditions.delete(rendition.key);
    this.encoderDroppedFrames += rendition.encoderDrops;
    rendition.encoderDrops = 0;
    rendition.close();
    const users = this.renditionUsers.get(rendition);
    this.renditionUsers.delete(rendition);
    users?.release();
  }

  /** The track behind a rendition ended: its subscribers follow a republish or complete. */
  private endRendition(rendition: VideoRendition, ended: FeedEnd, waiting: VideoSubscriber[] = []): void {
    const owners = [...(this.renditionUsers.get(rendition)?.owners ?? []), ...waiting];
    rendition.subscribers.clear();
    this.stopRendition(rendition);
    for (const subscriber of owners) {
      subscriber.rendition = undefined;
      this.afterEnd(
        subscriber.target,
        'VIDEO',
        ended,
        () => subscriber.closed,
        (next) => {
          subscriber.target = next;
          this.attach(subscriber);
        },
        (failure) => subscriber.channel.end(failure),
      );
    }
  }

  /**
   * After a track ended: follow the participant's republished track within the grace period, or end
   * (with the failure, if it was not the track that ended).
   */
  private afterEnd(
    previous: Target,
    kind: 'VIDEO' | 'AUDIO',
    ended: FeedEnd,
    isClosed: () => boolean,
    follow: (next: Target) => void,
    end: (failure?: HavenError) => void,
  ): void {
    if (isClosed()) return;
    if (ended.failure || !previous.follows || ended.reason !== 'track unpublished') return end(ended.failure);
    const deadline = Date.now() + this.followGraceMs;
    const poll = () => {
      if (isClosed()) return;
      try {
        const next = this.resolve(previous.roomName, kind, { participantIdentity: previous.participantIdentity });
        if (next.trackSid !== previous.trackSid && next.sessionId === previous.sessionId) return follow(next);
      } catch (error) {
        if (!(error instanceof HavenError) || error.code !== 'TRACK_NOT_FOUND') return end();
      }
      // Nobody to wait for once the participant is gone.
      if (Date.now() >= deadline || !this.hasParticipant(previous)) return end();
      setTimeout(poll, 100);
    };
    poll();
  }

  private hasParticipant(target: Target): boolean {
    const session = this.sessions.findForMedia(target.roomName);
    return session?.id === target.sessionId && session.participants.some((p) => p.identity === target.participantIdentity);
  }
}

/** One frame as one JPEG, by a short-lived ffmpeg; resolves once that ffmpeg has exited. */
function encodeJpeg(frame: RawVideoFrame, size: { width: number; height: number }, quality: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const encoder = new FrameEncoder<number>({
      inputWidth: frame.width,
      inputHeight: frame.height,
      outputWidth: size.width,
      outputHeight: size.height,
      format: 'JPEG',
      quality,
      background: true,
    });
    let jpeg: Buffer | undefined;
    encoder.onFrame = (data) => {
      jpeg = data;
      encoder.close();
    };
    encoder.onExit = (error) => (jpeg ? resolve(jpeg) : reject(error ?? new Error('ffmpeg gave no picture')));
    encoder.encode(frame.data, 0);
  });
}

function asHavenError(failure: Error): HavenError {
  return failure instanceof HavenError ? failure : new HavenError('ENCODER_FAILED', failure.message);
}

/** A feed's audio timestamps further than this (µs) from where the chunks are mean its clock stepped. */
const AUDIO_STEP_US = 2_000;

/** Remixes and resamples a feed's 48 kHz audio to a subscriber's format, in chunks of chunkMs. */
export class AudioChunker {
  private readonly resampler: AudioResampler | undefined;
  private readonly samplesPerChunk: number;
  private pending: Int16Array;
  private filled = 0;
  /** Session-clock time of the first sample of the first chunk, moved when the feed's clock steps. */
  private baseUs: number | undefined;
  /** Where the feed's next frame should start if its clock does not step. */
  private nextInputUs: number | undefined;
  private emittedSamples = 0;
  private seq = 0;

  constructor(
    private readonly target: Target,
    private readonly options: { sampleRate: number; channels: number; chunkMs: number },
    private readonly emit: (chunk: AudioChunk) => void,
  ) {
    this.samplesPerChunk = Math.round((options.sampleRate * options.chunkMs) / 1000);
    this.pending = new Int16Array(this.samplesPerChunk * options.channels);
    if (options.sampleRate !== FEED_SAMPLE_RATE) {
      this.resampler = new AudioResampler(FEED_SAMPLE_RATE, options.sampleRate, options.channels, AudioResamplerQuality.MEDIUM);
    }
  }

  push(frame: RawAudioFrame): void {
    const durationUs = (frame.samplesPerChannel * 1e6) / frame.sampleRate;
    const endUs = frame.timestampUs + durationUs;
    if (this.nextInputUs !== undefined && Math.abs(frame.timestampUs - this.nextInputUs) <= AUDIO_STEP_US) {
      // On the chunks' own timeline, by sample count: small differences cannot add up.
      this.nextInputUs += durationUs;
    } else if (this.nextInputUs !== undefined && frame.timestampUs < this.nextInputUs) {
      // The feed's clock stepped back: what overlaps is dropped, so that chunks stay in order.
      if (endUs <= this.nextInputUs) return;
      const skip = Math.round(((this.nextInputUs - frame.timestampUs) * frame.sampleRate) / 1e6);
      frame = { ...frame, data: frame.data.subarray(skip * frame.channels), samplesPerChannel: frame.samplesPerChannel - skip };
      this.nextInputUs = endUs;
    } else {
      // First frame, or the feed's clock stepped ahead (a gap): the next chunk starts there.
      const queuedUs = ((this.emittedSamples + this.filled / this.options.channels) * 1e6) / this.options.sampleRate;
      this.baseUs = frame.timestampUs - queuedUs;
      this.nextInputUs = endUs;
    }
    const remixed = remix(frame.data, frame.channels, this.options.channels, frame.samplesPerChannel);
    if (!this.resampler) return this.append(remixed);
    const input = new AudioFrame(remixed, frame.sampleRate, this.options.channels, frame.samplesPerChannel);
    for (const out of this.resampler.push(input)) this.append(out.data);
  }

  close(): void {
    this.resampler?.close();
  }

  private append(samples: Int16Array): void {
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(samples.length - offset, this.pending.length - this.filled);
      this.pending.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.pending.length) {
        this.emit({
          sessionId: this.target.sessionId,
          participantIdentity: this.target.participantIdentity,
          trackSid: this.target.trackSid,
          seq: this.seq++,
          timestampUs: Math.round(this.baseUs! + (this.emittedSamples * 1e6) / this.options.sampleRate),
          sampleRate: this.options.sampleRate,
          channels: this.options.channels,
          samplesPerChannel: this.samplesPerChunk,
          droppedSamples: 0,
          data: Buffer.from(this.pending.buffer, this.pending.byteOffset, this.pending.byteLength),
        });
        this.emittedSamples += this.samplesPerChunk;
        this.pending = new Int16Array(this.samplesPerChunk * this.options.channels);
        this.filled = 0;
      }
    }
  }
}

function remix(data: Int16Array, from: number, to: number, samples: number): Int16Array {
  if (from === to) return data;
  const out = new Int16Array(samples * to);
  if (from === 2 && to === 1) {
    for (let i = 0; i < samples; i++) out[i] = (data[2 * i] + data[2 * i + 1]) >> 1;
  } else {
    for (let i = 0; i < samples; i++) for (let c = 0; c < to; c++) out[i * to + c] = data[i * from + Math.min(c, from - 1)];
  }
  return out;
}
