import type { JournaledEvent } from '../services/event-store.js';
import type { SessionEvent } from '../services/events.js';
import { builder } from './builder.js';
import { Recording } from './recordings.js';
import { Participant, SessionStateEnum, Track } from './sessions.js';

type EventOf<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;
/** The six track events share one payload type, so Extract by a single name finds none of them. */
type TrackEvent = Extract<SessionEvent, { track: unknown }>;

const SessionEventInterface = builder.interfaceRef<SessionEvent>('SessionEvent').implement({
  description: 'Something that happened in a session, in the order it happened',
  resolveType: (event) => event.type,
  fields: (t) => ({
    cursor: t.string({
      description: 'Where this event is in the room\'s events: sessionEvents(roomName, after: cursor) resumes after it',
      resolve: (event) => (event as JournaledEvent).cursor,
    }),
    sessionId: t.exposeID('sessionId'),
    roomName: t.exposeString('roomName'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

function participantEvent(name: 'ParticipantJoined' | 'ParticipantLeft' | 'RecordingConsentChanged') {
  builder.objectRef<EventOf<typeof name>>(name).implement({
    interfaces: [SessionEventInterface],
    isTypeOf: (event) => (event as SessionEvent).type === name,
    fields: (t) => ({ participant: t.field({ type: Participant, resolve: (event) => event.participant }) }),
  });
}
participantEvent('ParticipantJoined');
participantEvent('ParticipantLeft');
// The participant's attribute haven.record turned off or back on (participant.recordingConsent).
participantEvent('RecordingConsentChanged');

type TrackEventName = TrackEvent['type'];
function trackEvent(name: TrackEventName) {
  builder.objectRef<TrackEvent>(name).implement({
    interfaces: [SessionEventInterface],
    isTypeOf: (event) => (event as SessionEvent).type === name,
    fields: (t) => ({
      participant: t.field({ type: Participant, resolve: (event) => event.participant }),
      track: t.field({ type: Track, resolve: (event) => event.track }),
    }),
  });
}
(['TrackPublished', 'TrackUnpublished', 'TrackSubscribed', 'TrackUnsubscribed', 'TrackMuted', 'TrackUnmuted'] as const).forEach(
  trackEvent,
);

builder.objectRef<EventOf<'ActiveSpeakersChanged'>>('ActiveSpeakersChanged').implement({
  interfaces: [SessionEventInterface],
  isTypeOf: (event) => (event as SessionEvent).type === 'ActiveSpeakersChanged',
  fields: (t) => ({ identities: t.exposeStringList('identities') }),
});

builder.objectRef<EventOf<'ConnectionStateChanged'>>('ConnectionStateChanged').implement({
  interfaces: [SessionEventInterface],
  isTypeOf: (event) => (event as SessionEvent).type === 'ConnectionStateChanged',
  fields: (t) => ({ state: t.expose('state', { type: SessionStateEnum }) }),
});

builder.objectRef<EventOf<'SessionEnded'>>('SessionEnded').implement({
  interfaces: [SessionEventInterface],
  isTypeOf: (event) => (event as SessionEvent).type === 'SessionEnded',
  fields: (t) => ({
    reason: t.exposeString('reason'),
    message: t.exposeString('message', { nullable: true }),
  }),
});

function recordingEvent(name: 'RecordingStarted' | 'RecordingStopped' | 'RecordingPaused' | 'RecordingResumed') {
  builder.objectRef<Extract<SessionEvent, { recording: unknown }>>(name).implement({
    interfaces: [SessionEventInterface],
    isTypeOf: (event) => (event as SessionEvent).type === name,
    fields: (t) => ({ recording: t.field({ type: Recording, resolve: (event) => event.recording }) }),
  });
}
recordingEvent('RecordingStarted');
recordingEvent('RecordingStopped');
recordingEvent('RecordingPaused');
recordingEvent('RecordingResumed');

builder.objectRef<EventOf<'RecordingFailed'>>('RecordingFailed').implement({
  interfaces: [SessionEventInterface],
  isTypeOf: (event) => (event as SessionEvent).type === 'RecordingFailed',
  fields: (t) => ({
    recording: t.field({ type: Recording, resolve: (event) => event.recording }),
    error: t.exposeString('error'),
  }),
});

builder.subscriptionField('sessionEvents', (t) =>
  t.field({
    type: SessionEventInterface,
    description: 'What happens in a room while haven-live watches it, across its sessions',
    args: {
      roomName: t.arg.string({ required: true }),
      after: t.arg.string({ description: 'The cursor of the last event received: the events after it come first (kept 24 h)' }),
    },
    subscribe: (_root, { roomName, after }, { services }) => services.sessions.subscribe(roomName, after),
    resolve: (event) => event,
  }),
);
