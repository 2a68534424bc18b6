import type { LiveViewSessionEventsSubscription } from '../gql/graphql';

type SessionEvent = LiveViewSessionEventsSubscription['sessionEvents'];

function describe(event: SessionEvent): string {
  switch (event.__typename) {
    case 'ParticipantJoined':
    case 'ParticipantLeft':
      return event.participant.identity;
    case 'TrackPublished':
    case 'TrackUnpublished':
    case 'TrackSubscribed':
      return `${event.participant.identity} ${event.track.kind.toLowerCase()} ${event.track.source} ${event.track.sid}`;
    case 'TrackUnsubscribed':
    case 'TrackMuted':
    case 'TrackUnmuted':
      return `${event.participant.identity} ${event.track.kind.toLowerCase()} ${event.track.sid}`;
    case 'ConnectionStateChanged':
      return event.state;
    case 'ActiveSpeakersChanged':
      return event.identities.join(', ') || 'nobody';
    case 'RecordingStarted':
    case 'RecordingStopped':
    case 'RecordingPaused':
    case 'RecordingResumed':
      return event.recording.participantIdentity;
    case 'RecordingFailed':
      return `${event.recording.participantIdentity}: ${event.error}`;
    case 'SessionEnded':
      return event.message ? `${event.reason}: ${event.message}` : event.reason;
    default:
      return '';
  }
}

/** The room's events as they happen, newest last. */
export function EventLog({ events }: { events: readonly SessionEvent[] }) {
  return (
    <section className="events">
      <h3>Events</h3>
      <ol data-testid="event-log">
        {events.map((event, index) => (
          <li key={index} data-testid="event" data-type={event.__typename}>
            <time dateTime={event.at}>{new Date(event.at).toLocaleTimeString()}</time> <strong>{event.__typename}</strong> {describe(event)}
          </li>
        ))}
      </ol>
    </section>
  );
}
