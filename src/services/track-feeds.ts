import {
  VideoBufferType,
  VideoStream,
  type AudioFrame,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import type { Logger } from 'pino';
import { HavenError } from '../errors.js';
import { openAudioStream, receiveStats } from '../livekit.js';
import { ReceiveMonitor, TrackClock, type SilentSpan } from './track-clock.js';
import type { SessionEvent } from './events.js';
import type { SessionClock } from './session-clock.js';

/** A decoded picture in I420 (planar Y, U, V; chroma at half size, rounded up). */
export interface RawVideoFrame {
  data: Uint8Array;
  width: number;
  height: number;
  /** Microseconds on the session clock (since the session started). */
  timestampUs: number;
  seq: number;
}

/** Interleaved signed 16-bit PCM at the feed's rate and channel count. */
export interface RawAudioFrame {
  data: Int16Array;
  sampleRate: number;
  channels: number;
  samplesPerChannel: number;
  /** Microseconds on the session clock of the first sample, counted from samples received. */
  timestampUs: number;
}

export const FEED_SAMPLE_RATE = 48_000;
export const FEED_CHANNELS = 2;

/** Why a feed ended: its track went away for good, or something else did (then `failure` says what). */
export interface FeedEnd {
  reason: 'track unpublished' | 'participant left' | 'track not found' | 'session ended' | 'no users';
  failure?: HavenError;
}

/** An interval (session clock, µs) when no packet of the track came; `endUs` undefined while it lasts. */
export interface MediaSilence {
  startUs: number;
  endUs: number | undefined;
}

/** How a feed put its media on the session clock. */
export interface FeedSync {
  /** The jitter-buffer delay subtracted from arrivals lately, ms. */
  receiveDelayMs: number;
  /** Steps taken to keep the media position on the session clock, and their sum in ms. */
  corrections: number;
  correctedMs: number;
  /** Media the jitter buffer skipped to catch up, less what it stretched, less late media it filled in after a stall: moved into the clock, ms. */
  playoutShiftMs: number;
}

/**
 * A consumer of one track's media (a live rendition, the audio chunker, a recording's file
 * writer): it is handed every frame as it comes, each span without packets, and the feed's end.
 * Attached with `video`/`audio`, which return its release.
 */
export interface FeedSink<F> {
  frame(frame: F): void;
  end(end: FeedEnd): void;
  silence?(span: MediaSilence): void;
}

/** How long a subscription may take to bring its track before it is asked for again (ms). */
const RESUBSCRIBE_MS = 5_000;

/** How often a streaming feed reads its track's receive statistics. */
const STATS_INTERVAL_MS = 200;

export interface FeedKey {
  roomName: string;
  sessionId: string;
  participantIdentity: string;
  trackSid: string;
}

/**
 * What feeds see of the room, and all they need of it: a track's publication, the session's
 * clock, and the session events that open, follow and close feeds. `app.ts` adapts the session
 * service to it; nothing here calls back up into the sessions.
 */
export interface RoomPort {
  /** The publication of a track in an active session, or undefined. */
  publication(key: FeedKey): RemoteTrackPublication | undefined;
  /** The clock of the room's active session. */
  clock(roomName: string): SessionClock;
  listen(listener: (event: SessionEvent) => void): void;
}

export interface TrackFeedsOptions {
  /** How long a feed stays open after its last user leaves, for the next one (default 2 s). */
  lingerMs?: number;
}

/**
 * The media of one remote track, open while at least one user holds it. rtc-node streams have no
 * backpressure, so the feed drains its stream continuously and hands every frame to its users
 * synchronously; each user decides what it keeps. The rtc-node track under a feed may change (a
 * reconnect or a resubscription gives a new one): the feed swaps its stream and its users go on.
 */
export class TrackFeed<F extends RawVideoFrame | RawAudioFrame> {
  private readonly listeners = new Set<FeedSink<F>>();
  private reader: ReadableStreamDefaultReader<unknown> | undefined;
  private ended = false;
  /** The rtc-node track streamed now. */
  track: RemoteTrack | undefined;
  /** Bumped on every swap: a stream loop that is no longer current stops. */
  generation = 0;
  /** Frame number across swaps, so that `seq` continues after a reconnect. */
  seq = 0;
  latest: F | undefined;
  lingerTimer: NodeJS.Timeout | undefined;
  /** Asks LiveKit for the track again when a subscription brought no stream. */
  resubscribeTimer: NodeJS.Timeout | undefined;
  /** The clock of the current stream, and its statistics poller. */
  clock: TrackClock | undefined;
  monitor: ReceiveMonitor | undefined;
  statsTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly key: FeedKey,
    readonly kind: 'VIDEO' | 'AUDIO',
    private readonly onEmpty: (feed: TrackFeed<F>) => void,
    private readonly log: Logger,
  ) {}

  get users(): number {
    return this.listeners.size;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get streamOpen(): boolean {
    return this.reader !== undefined;
  }

  add(listener: FeedSink<F>, ended: FeedEnd = { reason: 'track not found' }): () => void {
    if (this.ended) {
      listener.end(ended);
      return () => undefined;
    }
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    this.listeners.add(listener);
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0 && !this.ended) this.onEmpty(this);
    };
  }

  /** Streams from `track` from now on (closing the stream of the track before it). */
  attach(track: RemoteTrack, reader: ReadableStreamDefaultReader<unknown>): number {
    this.detach();
    this.track = track;
    this.reader = reader;
    return ++this.generation;
  }

  /** Stops streaming the current track; the feed stays open for the next one. */
  detach(): void {
    const reader = this.reader;
    this.reader = undefined;
    this.track = undefined;
    this.latest = undefined;
    clearInterval(this.statsTimer);
    this.statsTimer = undefined;
    this.generation++;
    void reader?.cancel().catch(() => undefined);
  }

  emit(frame: F): void {
    this.latest = frame;
    for (const listener of this.listeners) {
      try {
        listener.frame(frame);
      } catch (error) {
        // One user's failure is its own: the others still get the frame.
        this.log.error({ err: error, trackSid: this.key.trackSid }, 'a track feed user failed on a frame');
      }
    }
  }

  /** What the current stream's clock did so far. */
  sync(): FeedSync | undefined {
    const clock = this.clock;
    if (!clock) return undefined;
    return { receiveDelayMs: clock.delayUs / 1000, corrections: clock.corrections, correctedMs: clock.correctedUs / 1000, playoutShiftMs: clock.playoutShiftUs / 1000 };
  }

  /** The start of the span without packets going on now, if any. */
  get silentSinceUs(): number | undefined {
    return this.openSilence?.startUs;
  }

  private openSilence: MediaSilence | undefined;

  silence(span: MediaSilence): void {
    this.openSilence = span.endUs === undefined ? span : undefined;
    for (const listener of this.listeners) {
      try {
        listener.silence?.(span);
      } catch (error) {
        this.log.error({ err: error, trackSid: this.key.trackSid }, 'a track feed user failed on a media gap');
      }
    }
  }

  /** Closes the stream and tells every user why; idempotent. */
  end(end: FeedEnd): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.lingerTimer);
    clearTimeout(this.resubscribeTimer);
    this.detach();
    for (const listener of [...this.listeners]) {
      try {
        listener.end(end);
      } catch (error) {
        this.log.error({ err: error, trackSid: this.key.trackSid }, 'a track feed user failed while ending');
      }
    }
    this.listeners.clear();
  }
}

type AnyFeed = TrackFeed<RawVideoFrame> | TrackFeed<RawAudioFrame>;

export interface FeedStats {
  openVideoStreams: number;
  openAudioStreams: number;
  subscribedTracks: number;
}

/**
 * One feed per remote track that something needs (a frame subscriber, a snapshot, a recorder):
 * subscribes the track on first use, and unsubscribes it a moment after the last user goes, or when
 * the track, its participant or the session goes away. A reconnect ends nothing: the session
 * service reports only what really left, and a track that comes back under the same sid is streamed
 * again into the same feed.
 */
export class TrackFeeds {
  private readonly feeds = new Map<string, AnyFeed>();
  private readonly lingerMs: number;
  /** Sessions reconnecting now. */
  private readonly reconnecting = new Set<string>();

  constructor(
    private readonly room: RoomPort,
    private readonly log: Logger,
    options: TrackFeedsOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 2_000;
    room.listen((event) => this.onSessionEvent(event));
  }

  /** Whether a track of the room streams to someone now (or lingers for the next one). */
  openIn(roomName: string): boolean {
    for (const feed of this.feeds.values()) if (feed.key.roomName === roomName) return true;
    return false;
  }

  stats(): FeedStats {
    let openVideoStreams = 0;
    let openAudioStreams = 0;
    for (const feed of this.feeds.values()) {
      if (!feed.streamOpen) continue;
      if (feed.kind === 'VIDEO') openVideoStreams++;
      else openAudioStreams++;
    }
    return { openVideoStreams, openAudioStreams, subscribedTracks: this.feeds.size };
  }

  /** The publication of a track in an active session, or undefined. */
  publication(key: FeedKey): RemoteTrackPublication | undefined {
    return this.room.publication(key);
  }

  video(key: FeedKey, listener: FeedSink<RawVideoFrame>): () => void {
    return this.open<RawVideoFrame>(key, 'VIDEO').add(listener);
  }

  audio(key: FeedKey, listener: FeedSink<RawAudioFrame>): () => void {
    return this.open<RawAudioFrame>(key, 'AUDIO').add(listener);
  }

  /** How the track's feed puts its media on the session clock, while it is open. */
  sync(key: FeedKey): FeedSync | undefined {
    return this.feeds.get(feedId(key))?.sync();
  }

  /** The newest frame of a video feed that is streaming now (never of one that is closing), if any. */
  latestVideo(key: FeedKey): RawVideoFrame | undefined {
    const feed = this.feeds.get(feedId(key));
    if (!feed || feed.kind !== 'VIDEO' || feed.isEnded || !feed.streamOpen) return undefined;
    return feed.latest as RawVideoFrame | undefined;
  }

  private open<F extends RawVideoFrame | RawAudioFrame>(key: FeedKey, kind: 'VIDEO' | 'AUDIO'): TrackFeed<F> {
    const id = feedId(key);
    const existing = this.feeds.get(id);
    if (existing && !existing.isEnded) return existing as unknown as TrackFeed<F>;
    const feed = new TrackFeed<F>(key, kind, (empty) => this.linger(empty as unknown as AnyFeed), this.log);
    const publication = this.publication(key);
    if (!publication) {
      feed.end({ reason: 'track not found' });
      return feed;
    }
    this.feeds.set(id, feed as unknown as AnyFeed);
    this.follow(feed as unknown as AnyFeed);
    return feed;
  }

  /** Streams the track's current rtc-node track into the feed, or asks LiveKit for it. */
  private follow(feed: AnyFeed): void {
    if (feed.isEnded) return;
    const publication = this.publication(feed.key);
    if (!publication) return;
    const track = publication.track;
    if (track && publication.subscribed) {
      clearTimeout(feed.resubscribeTimer);
      if (track !== feed.track) this.startStream(feed, track);
      return;
    }
    try {
      publication.setSubscribed(true);
    } catch (error) {
      this.log.debug({ err: error, trackSid: feed.key.trackSid }, 'subscribing a track failed; waiting for it');
    }
    // A subscription that brings no track (one of many asked for at once may fail on the way) is
    // asked for again, so that a recording does not miss the track for good.
    clearTimeout(feed.resubscribeTimer);
    feed.resubscribeTimer = setTimeout(() => {
      if (feed.isEnded || feed.streamOpen) return;
      // While the session reconnects, tracks come back by themselves.
      if (this.reconnecting.has(feed.key.sessionId)) return this.follow(feed);
      const again = this.publication(feed.key);
      if (!again || (again.track && again.subscribed)) return this.follow(feed);
      this.log.warn({ trackSid: feed.key.trackSid, kind: feed.kind }, 'no track came of a subscription; asking again');
      try {
        again.setSubscribed(false);
      } catch {
        // Not subscribed at all: the request below is the first that counts.
      }
      this.follow(feed);
    }, RESUBSCRIBE_MS);
    feed.resubscribeTimer.unref?.();
  }

  private startStream(feed: AnyFeed, track: RemoteTrack): void {
    const sessionClock = this.room.clock(feed.key.roomName);
    const sessionNowUs = () => sessionClock.nowUs();
    // Until the first statistics: the delays a fresh subscription typically shows (libwebrtc's
    // jitter buffers hold audio ~30 ms and video ~10 ms at first), plus audio's packetisation.
    const clock = new TrackClock({ initialDelayUs: feed.kind === 'AUDIO' ? 30_000 + audioPacketisationUs(undefined) : 10_000 });
    if (feed.kind === 'VIDEO') {
      const video = feed as TrackFeed<RawVideoFrame>;
      const reader = new VideoStream(track).getReader();
      const generation = video.attach(track, reader as ReadableStreamDefaultReader<unknown>);
      this.watch(feed, track, clock, sessionClock);
      void (async () => {
        let lastUs = -1;
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done || !value || video.generation !== generation) break;
          const arrivalUs = sessionNowUs();
          const frame = value.frame.type === VideoBufferType.I420 ? value.frame : value.frame.convert(VideoBufferType.I420);
          video.emit({
            data: frame.data,
            width: frame.width,
            height: frame.height,
            // rtc-node's timestamp runs on libwebrtc's clock from the RTP timestamps: smooth, but not
            // ours. Pictures stay in order when the clock steps back.
            timestampUs: (lastUs = Math.max(0, lastUs + 1, clock.stamp(Number(value.timestampUs), arrivalUs))),
            seq: video.seq++,
          });
        }
        this.streamEnded(feed, generation);
      })();
    } else {
      const audio = feed as TrackFeed<RawAudioFrame>;
      const reader = openAudioStream(track, { sampleRate: FEED_SAMPLE_RATE, numChannels: FEED_CHANNELS }).getReader();
      const generation = audio.attach(track, reader as ReadableStreamDefaultReader<unknown>);
      this.watch(feed, track, clock, sessionClock);
      void (async () => {
        let samples = 0;
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done || !value || audio.generation !== generation) break;
          const frame = value as AudioFrame;
          audio.emit({
            data: frame.data,
            sampleRate: frame.sampleRate,
            channels: frame.channels,
            samplesPerChannel: frame.samplesPerChannel,
            timestampUs: clock.stamp((samples * 1e6) / frame.sampleRate, sessionNowUs()),
          });
          samples += frame.samplesPerChannel;
        }
        this.streamEnded(feed, generation);
      })();
    }
  }

  /**
   * Reads the track's receive statistics while it streams: the jitter-buffer delay corrects the
   * clock, and spans without packets are told to the feed's users.
   */
  private watch(feed: AnyFeed, track: RemoteTrack, clock: TrackClock, sessionClock: SessionClock): void {
    const generation = feed.generation;
    const toSessionUs = (ms: number) => sessionClock.fromEpochMs(ms);
    const open = feed.silentSinceUs;
    const monitor = new ReceiveMonitor(
      feed.kind === 'AUDIO' ? 20 : 5,
      (span: SilentSpan) => feed.silence({ startUs: toSessionUs(span.startMs), endUs: span.endMs === undefined ? undefined : toSessionUs(span.endMs) }),
      open === undefined ? undefined : { startMs: sessionClock.toEpochMs(open), endMs: undefined },
    );
    feed.clock = clock;
    feed.monitor = monitor;
    clock.onCorrection = (slipUs) =>
      this.log.debug({ trackSid: feed.key.trackSid, kind: feed.kind, t: sessionClock.nowUs() / 1e6, slipMs: slipUs / 1000, delayMs: clock.delayUs / 1000 }, 'track clock re-anchored');
    let polling = false;
    const poll = () => {
      if (polling || feed.generation !== generation) return;
      polling = true;
      void receiveStats(track)
        .then((stats) => {
          if (!stats || feed.generation !== generation) return;
          // What the jitter buffer did since the last statistics moves the media position.
          const change = monitor.update(stats, Date.now());
          if (monitor.delayUs !== undefined) clock.delayUs = monitor.delayUs + (feed.kind === 'AUDIO' ? audioPacketisationUs(monitor.packetIntervalUs) : 0);
          clock.playout(change.skippedUs, change.concealedUs, sessionClock.nowUs(), change.lateUs);
        })
        .finally(() => (polling = false));
    };
    poll();
    feed.statsTimer = setInterval(poll, STATS_INTERVAL_MS);
    feed.statsTimer.unref?.();
  }

  /** rtc-node ended a stream (its track was unsubscribed): the feed waits for the track to come back. */
  private streamEnded(feed: AnyFeed, generation: number): void {
    if (feed.isEnded || feed.generation !== generation) return;
    feed.detach();
    this.log.debug({ trackSid: feed.key.trackSid }, 'track stream ended; waiting for the track');
  }

  private linger(feed: AnyFeed): void {
    clearTimeout(feed.lingerTimer);
    feed.lingerTimer = setTimeout(() => {
      if (feed.users === 0) this.close(feed, { reason: 'no users' });
    }, this.lingerMs);
    feed.lingerTimer.unref?.();
  }

  private close(feed: AnyFeed, end: FeedEnd): void {
    const id = feedId(feed.key);
    if (this.feeds.get(id) === feed) this.feeds.delete(id);
    feed.end(end);
    try {
      this.publication(feed.key)?.setSubscribed(false);
    } catch {
      // The publication is gone, and with it the subscription.
    }
    this.log.debug({ trackSid: feed.key.trackSid, reason: end.reason }, 'track feed closed');
  }

  private onSessionEvent(event: SessionEvent): void {
    if (event.type === 'ConnectionStateChanged') {
      if (event.state === 'RECONNECTING') this.reconnecting.add(event.sessionId);
      else this.reconnecting.delete(event.sessionId);
    } else if (event.type === 'SessionEnded') {
      this.reconnecting.delete(event.sessionId);
    }
    for (const feed of [...this.feeds.values()]) {
      if (feed.key.sessionId !== event.sessionId) continue;
      switch (event.type) {
        case 'TrackUnpublished':
          if (feed.key.trackSid === event.track.sid) this.close(feed, { reason: 'track unpublished' });
          break;
        case 'ParticipantLeft':
          if (feed.key.participantIdentity === event.participant.identity) this.close(feed, { reason: 'participant left' });
          break;
        case 'SessionEnded':
          this.close(feed, {
            reason: 'session ended',
            failure: new HavenError('SESSION_ENDED', `The session in room ${JSON.stringify(event.roomName)} ended (${event.reason})`, {
              reason: event.reason,
            }),
          });
          break;
        case 'TrackSubscribed':
        case 'TrackUnsubscribed':
          // A new rtc-node track to stream, or one taken away while still wanted (a reconnect, or
          // an unsubscribe of a closing feed overtaking this feed's subscribe): follow it.
          if (feed.key.trackSid === event.track.sid) {
            if (event.type === 'TrackUnsubscribed' && feed.track) feed.detach();
            this.follow(feed);
          }
          break;
        case 'ConnectionStateChanged':
          if (event.state === 'CONNECTED') this.follow(feed);
          break;
        default:
          break;
      }
    }
  }
}

/**
 * How long before its packet arrived the first sample of a 10 ms audio frame was captured, on
 * average: a packet leaves once it is full, so its first sample waits a whole packet (20 ms for
 * Opus as LiveKit sends it) and the one 10 ms in waits 10 ms less. Video frames leave whole.
 */
function audioPacketisationUs(packetIntervalUs: number | undefined): number {
  const packetUs = Math.min(Math.max(packetIntervalUs ?? 20_000, 10_000), 120_000);
  return (packetUs + 10_000) / 2;
}

function feedId(key: FeedKey): string {
  return `${key.sessionId}\u0000${key.trackSid}`;
}
