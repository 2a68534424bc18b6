import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { isUnauthorized } from './errors';
import { authorization } from './token';

export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'needs-token';

export interface Connection {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

/** graphql-ws closes with 4403 when connectionParams lack the token. */
const FORBIDDEN = 4403;

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === 'object' && value !== null && 'code' in value && typeof (value as CloseEvent).code === 'number';
}

/**
 * One urql client for queries and mutations over HTTP and subscriptions over graphql-ws, both
 * carrying the token. The socket reconnects by itself (a server restart, a network change) and
 * graphql-ws subscribes again; only a refused token stops it.
 */
export function connect(handlers: { onState(state: LinkState): void; onUnauthorized(): void }): Connection {
  // A replaced connection (a new token) must not report its own closing over its successor's state.
  let disposed = false;
  const events = {
    onState: (state: LinkState) => disposed || handlers.onState(state),
    onUnauthorized: () => disposed || handlers.onUnauthorized(),
  };
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let retried = false;
  const ws = createWsClient({
    url: wsUrl,
    lazy: false,
    connectionParams: () => {
      const value = authorization();
      return value ? { authorization: value } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(3_000, 250 * 2 ** retries) + Math.random() * 250)),
    shouldRetry: (event) => !(isCloseEvent(event) && event.code === FORBIDDEN),
    onNonLazyError: () => undefined,
    on: {
      connecting: () => events.onState(retried ? 'reconnecting' : 'connecting'),
      connected: () => events.onState('connected'),
      closed: (event) => {
        retried = true;
        if (isCloseEvent(event) && event.code === FORBIDDEN) {
          events.onState('needs-token');
          events.onUnauthorized();
        } else events.onState('reconnecting');
      },
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => {
      const value = authorization();
      const headers: Record<string, string> = value ? { authorization: value } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthorized(error)) events.onUnauthorized();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    ws,
    dispose: () => {
      disposed = true;
      void ws.dispose();
    },
  };
}
