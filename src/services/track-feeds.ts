import {
  AudioStream,
  RoomEvent,
  VideoBufferType,
  VideoStream,
  type AudioFrame,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import type { Logger } from 'pino';
import type { SessionEvent, SessionService } from './sessions.js';

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

/** Microseconds since a session started (its media clock), from the wall clock at µs resolution. */
export function sessionClockUs(sessionStartedAtMs: number): number {
  return (performance.timeOrigin + performance.now() - sessionStartedAtMs) * 1000;
}

export const FEED_SAMPLE_RATE = 48_000;
export const FEED_CHANNELS = 2;

type Listener<F> = { frame(frame: F): void; end(reason: string): void };

export interface FeedKey {
  roomName: string;
  sessionId: string;
  participantIdentity: string;
  trackSid: string;
}

/**
 * The media of one remote track, subscribed while at least one user holds it. rtc-node streams have
 * no backpressure, so each feed drains its one stream continuously and hands every frame to its
 * users synchronously; each user decides what it keeps.
 */
export class TrackFeed<F extends RawVideoFrame | RawAudioFrame> {
  private readonly listeners = new Set<Listener<F>>();
  private reader: ReadableStreamDefaultReader<unknown> | undefined;
  private ended = false;
  latest: F | undefined;

  constructor(
    readonly key: FeedKey,
    readonly kind: 'VIDEO' | 'AUDIO',
    private readonly onEmpty: (feed: TrackFeed<F>) => void,
  ) {}

  get users(): number {
    return this.listeners.size;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  add(listener: Listener<F>): () => void {
    if (this.ended) {
      listener.end('ended');
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.onEmpty(this);
    };
  }

  attach(reader: ReadableStreamDefaultReader<unknown>): void {
    this.reader = reader;
  }

  emit(frame: F): void {
    this.latest = frame;
    for (const listener of this.listeners) listener.frame(frame);
  }

  /** Closes the stream and tells every user why; idempotent. */
  end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    void this.reader?.cancel().catch(() => undefined);
    this.reader = undefined;
    for (const listener of [...this.listeners]) listener.end(reason);
    this.listeners.clear();
  }

  get streamOpen(): boolean {
    return this.reader !== undefined;
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
 * subscribes the track on first use, opens one rtc-node stream, and unsubscribes and closes it when
 * the last user goes, or when the track, its participant or the session goes away.
 */
export class TrackFeeds {
  private readonly feeds = new Map<string, AnyFeed>();
  private readonly sessionStarts = new Map<string, number>();

  constructor(
    private readonly sessions: SessionService,
    private readonly log: Logger,
  ) {
    sessions.events.listen((event) => this.onSessionEvent(event));
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
  publication(roomName: string, participantIdentity: string, trackSid: string): RemoteTrackPublication | undefined {
    const room = this.sessions.room(roomName);
    return room.remoteParticipants.get(participantIdentity)?.trackPublications.get(trackSid);
  }

  video(key: FeedKey, listener: Listener<RawVideoFrame>): () => void {
    return this.open<RawVideoFrame>(key, 'VIDEO').add(listener);
  }

  audio(key: FeedKey, listener: Listener<RawAudioFrame>): () => void {
    return this.open<RawAudioFrame>(key, 'AUDIO').add(listener);
  }

  /** The newest frame of a video feed that is open now, if any. */
  latestVideo(key: FeedKey): RawVideoFrame | undefined {
    const feed = this.feeds.get(feedId(key));
    return feed?.kind === 'VIDEO' ? (feed.latest as RawVideoFrame | undefined) : undefined;
  }

  private open<F extends RawVideoFrame | RawAudioFrame>(key: FeedKey, kind: 'VIDEO' | 'AUDIO'): TrackFeed<F> {
    const id = feedId(key);
    const existing = this.feeds.get(id);
    if (existing && !existing.isEnded) return existing as unknown as TrackFeed<F>;
    const room = this.sessions.room(key.roomName);
    const publication = room.remoteParticipants.get(key.participantIdentity)?.trackPublications.get(key.trackSid);
    const feed = new TrackFeed<F>(key, kind, (empty) => this.close(empty as unknown as AnyFeed, 'no users'));
    if (!publication) {
      feed.end('track not found');
      return feed;
    }
    this.feeds.set(id, feed as unknown as TrackFeed<RawVideoFrame>);
    this.sessionStarts.set(key.sessionId, this.sessionStarts.get(key.sessionId) ?? this.sessions.startedAtMs(key.roomName));
    publication.setSubscribed(true);
    if (publication.track) this.startStream(feed, publication.track);
    else {
      const onSubscribed = (track: RemoteTrack, subscribed: RemoteTrackPublication) => {
        if (subscribed.sid !== key.trackSid) return;
        room.off(RoomEvent.TrackSubscribed, onSubscribed);
        if (!feed.isEnded) this.startStream(feed, track);
      };
      room.on(RoomEvent.TrackSubscribed, onSubscribed);
    }
    return feed;
  }

  private startStream<F extends RawVideoFrame | RawAudioFrame>(feed: TrackFeed<F>, track: RemoteTrack): void {
    const clockOrigin = this.sessionStarts.get(feed.key.sessionId) ?? Date.now();
    const sessionNowUs = () => sessionClockUs(clockOrigin);
    if (feed.kind === 'VIDEO') {
      const reader = new VideoStream(track).getReader();
      feed.attach(reader as ReadableStreamDefaultReader<unknown>);
      void (async () => {
        let offsetUs: number | undefined;
        let seq = 0;
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done || !value || feed.isEnded) break;
          const frame = value.frame.type === VideoBufferType.I420 ? value.frame : value.frame.convert(VideoBufferType.I420);
          // rtc-node stamps frames on libwebrtc's monotonic clock; map it onto the session clock.
          const captured = Number(value.timestampUs);
          offsetUs ??= sessionNowUs() - captured;
          (feed as unknown as TrackFeed<RawVideoFrame>).emit({
            data: frame.data,
            width: frame.width,
            height: frame.height,
            timestampUs: Math.max(0, Math.round(captured + offsetUs)),
            seq: seq++,
          });
        }
        feed.end('stream ended');
      })();
    } else {
      const reader = new AudioStream(track, { sampleRate: FEED_SAMPLE_RATE, numChannels: FEED_CHANNELS }).getReader();
      feed.attach(reader as ReadableStreamDefaultReader<unknown>);
      void (async () => {
        let startUs: number | undefined;
        let samples = 0;
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done || !value || feed.isEnded) break;
          const frame = value as AudioFrame;
          startUs ??= sessionNowUs();
          (feed as unknown as TrackFeed<RawAudioFrame>).emit({
            data: frame.data,
            sampleRate: frame.sampleRate,
            channels: frame.channels,
            samplesPerChannel: frame.samplesPerChannel,
            timestampUs: Math.round(startUs + (samples * 1e6) / frame.sampleRate),
          });
          samples += frame.samplesPerChannel;
        }
        feed.end('stream ended');
      })();
    }
  }

  private close(feed: AnyFeed, reason: string): void {
    const id = feedId(feed.key);
    if (this.feeds.get(id) === feed) this.feeds.delete(id);
    feed.end(reason);
    try {
      this.publication(feed.key.roomName, feed.key.participantIdentity, feed.key.trackSid)?.setSubscribed(false);
    } catch {
      // The session is gone, and with it the subscription.
    }
    this.log.debug({ trackSid: feed.key.trackSid, reason }, 'track feed closed');
  }

  private onSessionEvent(event: SessionEvent): void {
    const ends = (feed: FeedKey) => {
      switch (event.type) {
        case 'TrackUnpublished':
          return feed.roomName === event.roomName && feed.trackSid === event.track.sid ? 'track unpublished' : undefined;
        case 'ParticipantLeft':
          return feed.roomName === event.roomName && feed.participantIdentity === event.participant.identity
            ? 'participant left'
            : undefined;
        case 'SessionEnded':
          return feed.sessionId === event.sessionId ? 'session ended' : undefined;
        case 'ConnectionStateChanged':
          // A reconnect replaces rtc-node's tracks: their video streams would never end by themselves.
          return feed.sessionId === event.sessionId && event.state === 'RECONNECTING' ? 'reconnecting' : undefined;
        default:
          return undefined;
      }
    };
    for (const feed of [...this.feeds.values()]) {
      const reason = ends(feed.key);
      if (reason) this.close(feed, reason);
    }
    if (event.type === 'SessionEnded') this.sessionStarts.delete(event.sessionId);
  }
}

function feedId(key: FeedKey): string {
  return `${key.sessionId}\u0000${key.trackSid}`;
}
