import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionArgs } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, maskError as yogaMaskError, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { openDatabase } from './db/client.js';
import type { EnvironmentConfig } from './env.js';
import { HavenError } from './errors.js';
import { schema } from './schema/index.js';
import type { Context } from './schema/builder.js';
import { ConfigService } from './services/config.js';
import type { Services } from './services/index.js';
import { MediaService, type MediaServiceOptions } from './services/media.js';
import { RecordingService } from './services/recordings.js';
import { SessionService, type SessionServiceOptions } from './services/sessions.js';
import { serveRecordingFile } from './recording-downloads.js';
import { TrackFeeds, type TrackFeedsOptions } from './services/track-feeds.js';

export interface AppOptions {
  databasePath: string;
  environmentConfig?: EnvironmentConfig;
  host?: string;
  logger?: Logger;
  sessions?: SessionServiceOptions;
  media?: MediaServiceOptions;
  feeds?: TrackFeedsOptions;
}

export interface App {
  /** Listens on the port (0 for any free one) and resolves once it does. */
  start(port?: number): Promise<void>;
  /** Ends every session (reason SHUTDOWN), closes connections, the HTTP server and the database. */
  stop(): Promise<void>;
  /** Base URL once started, e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly services: Services;
}

/** The expected failure behind an error, if any (graphql may be loaded twice, so no instanceof GraphQLError). */
function expectedFailure(error: unknown): HavenError | undefined {
  for (let current = error; current instanceof Error; current = (current as { originalError?: unknown }).originalError) {
    if (current instanceof HavenError) return current;
  }
  return undefined;
}

/** Expected failures keep their code; everything else is masked and logged. */
function toGraphQLError(error: unknown, message: string, isDev?: boolean): Error {
  const expected = expectedFailure(error);
  if (expected) {
    const located = error as Partial<GraphQLError>;
    return new GraphQLError(expected.message, {
      nodes: located.nodes,
      path: located.path,
      extensions: { code: expected.code, ...expected.details },
    });
  }
  return yogaMaskError(error, message, isDev);
}

export function buildApp(options: AppOptions): App {
  const log = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const database = openDatabase(options.databasePath);
  const config = new ConfigService(database.db, options.environmentConfig ?? {});
  const sessions = new SessionService(database.db, config, log.child({ service: 'sessions' }), options.sessions);
  const interrupted = sessions.markInterrupted();
  if (interrupted > 0) log.warn({ count: interrupted }, 'sessions left active by an earlier run marked INTERRUPTED');
  const feeds = new TrackFeeds(sessions, log.child({ service: 'feeds' }), options.feeds);
  const media = new MediaService(sessions, feeds, log.child({ service: 'media' }), options.media);
  const recordings = new RecordingService(database.db, config, sessions, feeds, log.child({ service: 'recordings' }));
  const recovered = recordings.recoverInterrupted().then(
    (count) => count > 0 && log.warn({ count }, 'recordings left unfinished by an earlier run marked INTERRUPTED'),
    (error) => log.error({ err: error }, 'recovering interrupted recordings failed'),
  );
  const services: Services = { config, sessions, media, recordings };

  const yoga: YogaServerInstance<Record<string, never>, Context> = createYoga({
    schema,
    context: (): Context => ({ services }),
    graphiql: { subscriptionsProtocol: 'WS', title: 'haven-live' },
    maskedErrors: { maskError: toGraphQLError },
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => {
        const err = args.find((arg) => arg instanceof Error);
        // Expected failures reach the client with their code; they are not server errors.
        const expected = expectedFailure(err) !== undefined;
        log[expected ? 'debug' : 'error']({ err }, args.filter((arg) => !(arg instanceof Error)).map(String).join(' '));
      },
    },
  });

  const httpServer: Server = createServer((req, res) => {
    if (!serveRecordingFile(recordings, req, res)) void yoga(req, res);
  });
  const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });
  // One yoga pipeline for HTTP, SSE and WebSocket: yoga's documented graphql-ws recipe.
  const wsHandle = useServer(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wsServer,
  );

  let url = '';
  let stopping: Promise<void> | undefined;
  return {
    services,
    get url() {
      return url;
    },
    start(port = 0) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, options.host ?? '127.0.0.1', () => {
          const address = httpServer.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          url = `http://${host}:${address.port}`;
          log.info({ url: `${url}${yoga.graphqlEndpoint}` }, 'haven-live listening');
          resolve();
        });
      });
    },
    stop() {
      stopping ??= (async () => {
        await recovered;
        await recordings.stopAll();
        await sessions.stopAll('SHUTDOWN');
        sessions.flushWrites();
        recordings.flushWrites();
        await wsHandle.dispose();
        await yoga.dispose();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        database.close();
      })();
      return stopping;
    },
  };
}

interface EnvelopedRoot {
  execute(args: ExecutionArgs): ReturnType<NonNullable<Parameters<typeof useServer>[0]['execute']>>;
  subscribe(args: ExecutionArgs): ReturnType<NonNullable<Parameters<typeof useServer>[0]['subscribe']>>;
}
