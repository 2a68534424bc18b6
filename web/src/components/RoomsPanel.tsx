import { useEffect } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { ServerRoomsQuery, StartRecordingMutation, StartSessionMutation } from '../documents';
import { describeError } from '../errors';
import type { LiveViewServerRoomsQuery } from '../gql/graphql';
import { useReport } from '../report';

// The server answers from a listing at most 2 s old.
const REFRESH_MS = 2_500;

type ServerRoom = LiveViewServerRoomsQuery['rooms'][number];

function watchedBy(room: ServerRoom): string {
  if (!room.session) return 'not watched';
  return room.session.rule ? room.session.rule.roomPattern : 'by hand';
}

/** The LiveKit server's live rooms, who is in each and which rule watches it; watch or record one. */
export function RoomsPanel({ selected, onSelect }: { selected?: string; onSelect(room: string): void }) {
  const report = useReport();
  const [{ data, error }, refetch] = useQuery({ query: ServerRoomsQuery });
  const [, startSession] = useMutation(StartSessionMutation);
  const [, startRecording] = useMutation(StartRecordingMutation);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const open = async (roomName: string, action: Promise<{ error?: CombinedError }>) => {
    const result = await action;
    report(result.error);
    refresh();
    if (!result.error) onSelect(roomName);
  };
  // A room not watched yet is joined and recorded in one call.
  const record = (room: ServerRoom) =>
    open(room.name, room.session ? startRecording({ roomName: room.name }) : startSession({ input: { roomName: room.name, record: true } }));

  // Shown here rather than in the banner: the list asks again every few seconds.
  const problem = error && describeError(error);
  const rooms = data?.rooms ?? [];

  return (
    <section className="server-rooms" data-testid="server-rooms" aria-label="LiveKit rooms">
      <h2>LiveKit rooms</h2>
      {problem && (
        <p className="error-text" role="status" data-testid="rooms-error" data-code={problem.code}>
          <strong>{problem.code}</strong> {problem.message}
        </p>
      )}
      <ul>
        {!problem && rooms.length === 0 && <li className="hint">{data ? 'no rooms on the server' : 'asking the server…'}</li>}
        {rooms.map((room) => (
          <li
            key={room.name}
            data-testid="server-room"
            data-room={room.name}
            data-watched={room.session ? 'true' : 'false'}
            data-recording={room.recording ? 'true' : 'false'}
            className={selected === room.name ? 'selected' : ''}
          >
            <button type="button" className="link-button" onClick={() => room.session && onSelect(room.name)} disabled={!room.session}>
              {room.name}
            </button>
            <span className="hint" data-testid="room-counts" title="participants / publishers">
              {room.numParticipants} in, {room.numPublishers} publishing
            </span>
            <span className="hint" data-testid="room-rule">
              {watchedBy(room)}
            </span>
            {room.recording && (
              <span className="rec" data-testid="room-recording">
                ● REC
              </span>
            )}
            <span className="actions">
              {!room.session && (
                <button type="button" onClick={() => open(room.name, startSession({ input: { roomName: room.name } }))} data-testid="watch-room" aria-label={`Watch ${room.name}`}>
                  Watch
                </button>
              )}
              {!room.recording && (
                <button type="button" onClick={() => record(room)} data-testid="record-room" aria-label={`Record ${room.name}`}>
                  Record
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
