import type { ParticipantInfo, TrackInfo } from '../livekit.js';
import type { RecordingView } from './recording-model.js';

/** What a session tells its subscribers and the services downstream of it, one bus per process. */

export type SessionState = 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'ENDED' | 'FAILED';

export interface EventBase {
  sessionId: string;
  roomName: string;
  at: Date;
}
export type SessionEvent = EventBase &
  (
    | { type: 'ParticipantJoined' | 'ParticipantLeft' | 'RecordingConsentChanged'; participant: ParticipantInfo }
    | {
        type:
          | 'TrackPublished'
          | 'TrackUnpublished'
          | 'TrackSubscribed'
          | 'TrackUnsubscribed'
          | 'TrackMuted'
          | 'TrackUnmuted';
        participant: ParticipantInfo;
        track: TrackInfo;
      }
    | { type: 'ActiveSpeakersChanged'; identities: string[] }
    | { type: 'ConnectionStateChanged'; state: SessionState }
    | { type: 'SessionEnded'; reason: string; message: string | null }
    | { type: 'RecordingStarted' | 'RecordingStopped' | 'RecordingPaused' | 'RecordingResumed'; recording: RecordingView }
    | { type: 'RecordingFailed'; recording: RecordingView; error: string }
  );
export type EventPayload = SessionEvent extends infer E ? (E extends unknown ? Omit<E, keyof EventBase> : never) : never;

/** The bus as the services downstream of the sessions see it. */
export interface SessionEventSource {
  listen(listener: (event: SessionEvent) => void): () => void;
}
