import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { SessionsQuery, StartSessionMutation, StopSessionMutation } from '../documents';
import { useReport } from '../report';
import { RecordingControls } from './RecordingControls';

const REFRESH_MS = 3_000;

/** Active and past sessions; start one for a room, stop it, record it, pause its recording. */
export function SessionsPanel({ selected, onSelect }: { selected?: string; onSelect(room: string): void }) {
  const report = useReport();
  const [roomName, setRoomName] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: SessionsQuery });
  const [, startSession] = useMutation(StartSessionMutation);
  const [, stopSession] = useMutation(StopSessionMutation);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => report(error), [error]);

  const run = async (action: Promise<{ error?: Parameters<typeof report>[0] }>) => {
    const result = await action;
    report(result.error);
    refresh();
    return result;
  };

  const active = data?.activeSessions ?? [];
  const past = (data?.sessions.edges ?? []).map((edge) => edge.node).filter((session) => !active.some((a) => a.id === session.id));

  return (
    <section className="sessions" data-testid="sessions">
      <form
        data-testid="start-session-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const name = roomName.trim();
          if (!name) return;
          const result = await run(startSession({ input: { roomName: name } }));
          if (!result.error) onSelect(name);
        }}
      >
        <input placeholder="room name" value={roomName} onChange={(e) => setRoomName(e.target.value)} data-testid="room-input" />
        <button type="submit" data-testid="start-session">
          Start session
        </button>
      </form>
      <h2>Active</h2>
      <ul data-testid="active-sessions">
        {active.length === 0 && <li className="hint">none</li>}
        {active.map((session) => (
          <li key={session.id} data-testid="active-session" data-room={session.roomName} data-state={session.state} className={selected === session.roomName ? 'selected' : ''}>
            <button type="button" className="link-button" onClick={() => onSelect(session.roomName)} data-testid="view-session">
              {session.roomName}
            </button>
            <span className={`state state-${session.state}`}>{session.state}</span>
            <RecordingControls roomName={session.roomName} states={session.recordings.map((r) => r.state)} onChanged={refresh} />
            <button type="button" onClick={() => run(stopSession({ roomName: session.roomName }))} data-testid="stop-session">
              Stop
            </button>
          </li>
        ))}
      </ul>
      <h2>Past</h2>
      <ul data-testid="past-sessions">
        {past.map((session) => (
          <li key={session.id} data-testid="past-session" data-room={session.roomName}>
            <button type="button" className="link-button" onClick={() => onSelect(session.roomName)}>
              {session.roomName}
            </button>
            <span className={`state state-${session.state}`}>{session.endReason ?? session.state}</span>
            <time dateTime={session.startedAt}>{new Date(session.startedAt).toLocaleString()}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
