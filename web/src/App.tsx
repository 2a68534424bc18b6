import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { connect, type LinkState } from './connection';
import type { ShownError } from './errors';
import { describeCode } from './errors';
import { ReportContext } from './report';
import { RoomView } from './components/RoomView';
import { RoomsPanel } from './components/RoomsPanel';
import { SessionsPanel } from './components/SessionsPanel';
import { TokenForm } from './components/TokenForm';
import { WatchRules } from './components/WatchRules';
import { readToken, saveToken } from './token';

const LINK_TEXT: Record<LinkState, string> = {
  connecting: 'connecting…',
  connected: 'connected',
  reconnecting: 'reconnecting…',
  'needs-token': 'needs the API token',
};

export function App() {
  // A new token makes a new client: the socket must send it in its connection_init.
  const [generation, setGeneration] = useState(0);
  const [needsToken, setNeedsToken] = useState(false);
  const [link, setLink] = useState<LinkState>('connecting');
  const [error, setError] = useState<ShownError>();
  const [room, setRoom] = useState<string>();

  const connection = useMemo(
    () =>
      connect({
        onState: setLink,
        onUnauthorized: () => setNeedsToken(true),
      }),
    [generation],
  );
  useEffect(() => () => connection.dispose(), [connection]);

  const submitToken = useCallback((token: string) => {
    saveToken(token);
    setNeedsToken(false);
    setError(undefined);
    setGeneration((value) => value + 1);
  }, []);

  useEffect(() => {
    if (needsToken) setError(describeCode('UNAUTHENTICATED', readToken() ? 'the token given was refused' : undefined));
  }, [needsToken]);

  return (
    <ReportContext.Provider value={setError}>
      <Provider value={connection.client}>
        <header>
          <h1>haven-live</h1>
          <span className={`link link-${link}`} data-testid="connection-status" data-state={link}>
            {LINK_TEXT[link]}
          </span>
        </header>
        {error && (
          <div className="error" role="alert" data-testid="error" data-code={error.code}>
            <strong>{error.code}</strong> {error.message}
            <button type="button" onClick={() => setError(undefined)} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {needsToken && <TokenForm onSubmit={submitToken} />}
        <main key={generation}>
          <aside>
            <SessionsPanel selected={room} onSelect={setRoom} />
            <RoomsPanel selected={room} onSelect={setRoom} />
            <WatchRules />
          </aside>
          {room ? <RoomView key={room} roomName={room} /> : <p className="hint">Start or pick a session, or watch a room on the server, to see it here.</p>}
        </main>
      </Provider>
    </ReportContext.Provider>
  );
}
