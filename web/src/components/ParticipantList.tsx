import type { LiveViewRoomQuery } from '../gql/graphql';

type Participant = NonNullable<LiveViewRoomQuery['session']>['participants'][number];

/** Who is in the room, their tracks and whether each is muted; pick whose audio to hear. */
export function ParticipantList(props: {
  participants: readonly Participant[];
  listening?: string;
  muted: ReadonlySet<string>;
  onListen(identity: string): void;
  onToggleMute(identity: string): void;
}) {
  return (
    <section className="participants">
      <h3>Participants</h3>
      <ul data-testid="participants">
        {props.participants.length === 0 && <li className="hint">nobody</li>}
        {props.participants.map((participant) => (
          <li key={participant.sid} data-testid="participant" data-identity={participant.identity}>
            <strong>{participant.name || participant.identity}</strong>
            {participant.name && participant.name !== participant.identity && <span className="hint"> {participant.identity}</span>}
            <ul>
              {participant.tracks.map((track) => (
                <li key={track.sid} data-testid="track" data-kind={track.kind} data-muted={String(track.muted)}>
                  {track.kind.toLowerCase()} {track.source} {track.width && track.height ? `${track.width}×${track.height}` : ''}
                  {track.muted && <span className="muted"> muted</span>}
                </li>
              ))}
            </ul>
            {participant.tracks.some((track) => track.kind === 'AUDIO') && (
              <span className="actions">
                <button
                  type="button"
                  aria-pressed={props.listening === participant.identity}
                  onClick={() => props.onListen(participant.identity)}
                  data-testid="listen"
                >
                  {props.listening === participant.identity ? 'Stop listening' : 'Listen'}
                </button>
                <button type="button" aria-pressed={props.muted.has(participant.identity)} onClick={() => props.onToggleMute(participant.identity)} data-testid="mute">
                  {props.muted.has(participant.identity) ? 'Unmute' : 'Mute'}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
