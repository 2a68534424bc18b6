import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { RoomQuery, SessionEventsSubscription } from '../documents';
import type { LiveViewSessionEventsSubscription } from '../gql/graphql';
import { PlayoutClock } from '../playout-clock';
import { useReport } from '../report';
import { AudioListener } from './AudioListener';
import { EventLog } from './EventLog';
import { ParticipantList } from './ParticipantList';
import { Recordings } from './Recordings';
import { VideoTile } from './VideoTile';

export type SessionEvent = LiveViewSessionEventsSubscription['sessionEvents'];

const MAX_EVENTS = 300;

/** One room: its participants' video and audio, the event log, participants and recordings. */
export function RoomView({ roomName }: { roomName: string }) {
  const report = useReport();
  const [{ data, error }, refetchRoom] = useQuery({ query: RoomQuery, variables: { roomName } });
  const [events] = useSubscription({ query: SessionEventsSubscription, variables: { roomName } }, (log: SessionEvent[] = [], event) =>
    [...log, event.sessionEvents].slice(-MAX_EVENTS),
  );
  const [changes, setChanges] = useState(0);
  const [listening, setListening] = useState<string>();
  const [muted, setMuted] = useState<ReadonlySet<string>>(new Set());
  // One clock per room: every participant's picture and sound are placed on it.
  const clock = useMemo(() => new PlayoutClock(), [roomName]);
  const seen = useRef(0);

  useEffect(() => report(error ?? events.error), [error, events.error]);
  useEffect(() => {
    const count = events.data?.length ?? 0;
    if (count === seen.current) return;
    seen.current = count;
    const timer = setTimeout(() => {
      refetchRoom({ requestPolicy: 'network-only' });
      setChanges((value) => value + 1);
    }, 150);
    return () => clearTimeout(timer);
  }, [events.data]);
  useEffect(() => {
    const timer = setInterval(() => refetchRoom({ requestPolicy: 'network-only' }), 5_000);
    return () => clearInterval(timer);
  }, []);

  const session = data?.session;
  const live = session && session.state !== 'ENDED' && session.state !== 'FAILED';
  const participants = live ? session.participants : [];
  const withVideo = participants.filter((p) => p.tracks.some((t) => t.kind === 'VIDEO'));

  return (
    <section className="room" data-testid="room" data-room={roomName}>
      <h2>
        {roomName} <span className={`state state-${session?.state ?? 'NONE'}`}>{session?.state ?? 'no session'}</span>
      </h2>
      <div className="tiles" data-testid="video-tiles">
        {withVideo.map((participant) => (
          <VideoTile
            key={participant.identity}
            roomName={roomName}
            identity={participant.identity}
            name={participant.name || participant.identity}
            clock={clock}
            sessionId={session!.id}
            videoTrackSid={participant.tracks.find((track) => track.kind === 'VIDEO')?.sid}
          />
        ))}
        {live && withVideo.length === 0 && <p className="hint">No video in this room yet.</p>}
      </div>
      <div className="columns">
        <div>
          <ParticipantList
            participants={participants}
            listening={listening}
            muted={muted}
            onListen={(identity) => setListening((current) => (current === identity ? undefined : identity))}
            onToggleMute={(identity) =>
              setMuted((current) => {
                const next = new Set(current);
                if (!next.delete(identity)) next.add(identity);
                return next;
              })
            }
          />
          <AudioListener roomName={roomName} identity={listening} muted={listening !== undefined && muted.has(listening)} clock={clock} sessionId={session?.id} />
        </div>
        <EventLog events={events.data ?? []} />
      </div>
      <Recordings roomName={roomName} changes={changes} />
    </section>
  );
}
