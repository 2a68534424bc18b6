import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentNode, ExecutionArgs } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, maskError as yogaMaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { LRUCache } from 'lru-cache';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AccessPolicy, refusalBody, type AccessSettings, type Refusal } from './access.js';
import { logSessionActivity, SubscriberActivity } from './activity-log.js';
import { openStorage } from './db/client.js';
import { Failover } from './services/failover.js';
import { RoomCommands } from './services/room-commands.js';
import { RoomControl, type RoomControlOptions } from './services/room-control.js';
import { InstanceService } from './services/instances.js';
import type { EnvironmentConfig } from './env.js';
import { HavenError } from './errors.js';
import { HealthCheck } from './health.js';
import { Metrics } from './metrics.js';
import { schema } from './schema/index.js';
import type { Context } from './schema/builder.js';
import { ConfigService, SETTINGS_CHANNEL } from './services/config.js';
import type { Services } from './services/index.js';
import { MediaService, type MediaServiceOptions } from './services/media.js';
import { RecordingService, type RecordingServiceOptions } from './services/recordings.js';
import { DEFAULT_MAX_SESSIONS, SessionService, type SessionServiceOptions } from './services/sessions.js';
import { RoomDirectory, type RoomDirectoryOptions } from './services/rooms.js';
import { WatchRuleService } from './services/watch-rule-service.js';
import { Reconciler, type ReconcilerOptions } from './services/reconciler.js';
import { RoomWebhooks } from './services/room-webhooks.js';
import { readWebhook, WebhookRefused } from './livekit-webhooks.js';
import type { LiveKitCredentials } from './services/config.js';
import { serveRecordingFile } from './recording-downloads.js';
import { describeStorageError, ObjectStorage, type StorageSettings } from './object-storage.js';
import type { UploadOptions } from './services/uploads.js';
import { TrackFeeds, type RoomPort, type TrackFeedsOptions } from './services/track-feeds.js';
import { isWebPagePath, serveWebPage } from './web-page.js';
import { findTap } from './media-tap.js';

export interface AppOptions {
  databasePath: string;
  /** A postgres:// URL: the database is PostgreSQL's, not the SQLite file at databasePath. */
  databaseUrl?: string;
  /** This instance's id and room lease length (HAVEN_INSTANCE_ID, HAVEN_LEASE_SEC). */
  instance?: { id?: string; leaseSec?: number };
  environmentConfig?: EnvironmentConfig;
  host?: string;
  logger?: Logger;
  sessions?: SessionServiceOptions;
  media?: MediaServiceOptions;
  feeds?: TrackFeedsOptions;
  access?: AccessSettings;
  limits?: Partial<RequestLimits>;
  recordings?: RecordingServiceOptions;
  rooms?: RoomDirectoryOptions;
  reconciler?: ReconcilerOptions;
  /** Viewers of rooms other instances own, for live media here. */
  control?: RoomControlOptions;
  /** Object storage for finished recordings (HAVEN_STORAGE_URL); none: local disk only. */
  storage?: StorageSettings;
  uploads?: UploadOptions;
}

/** What one request or connection may ask for; each answers LIMIT_EXCEEDED (or 413/1009) past it. */
export interface RequestLimits {
  /** Lexical tokens in one GraphQL document. */
  maxTokens: number;
  maxAliases: number;
  maxDepth: number;
  /** Bytes of one graphql-ws message. */
  maxMessageBytes: number;
  subscriptionsPerConnection: number;
  /** Bytes of distinct documents kept parsed. */
  parseCacheBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxTokens: 5_000,
  maxAliases: 30,
  maxDepth: 12,
  maxMessageBytes: 1024 * 1024,
  subscriptionsPerConnection: 64,
  parseCacheBytes: 16 * 1024 * 1024,
};

/** GraphiQL's page (9 MB with its scripts inlined), rendered once per set of options. */
const graphiqlPages = new Map<string, string>();
function graphiqlPage(options?: Parameters<typeof renderGraphiQL>[0]): string {
  const key = JSON.stringify(options ?? {});
  let page = graphiqlPages.get(key);
  if (page === undefined) graphiqlPages.set(key, (page = renderGraphiQL(options)));
  return page;
}

/** Where LiveKit posts its webhooks (livekit-server's `webhook: { api_key, urls }`). */
const WEBHOOK_PATH = '/livekit/webhook';

const UNAUTHENTICATED: Refusal = { status: 401, code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <HAVEN_API_TOKEN>' };

/** Longest message and extension text an error carries back: inputs are not echoed in full. */
const MAX_ERROR_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

function clipDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? clip(value) : value]));
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
    return new GraphQLError(clip(expected.message), {
      nodes: located.nodes,
      path: located.path,
      extensions: { ...clipDetails(expected.details), code: expected.code },
    });
  }
  // GraphQL's own rejections of a request (a variable of the wrong type, a bad page size) keep
  // their message and get a code a client can switch on.
  if (error instanceof GraphQLError && !(error.originalError && !(error.originalError instanceof GraphQLError))) {
    return withCode(error, 'BAD_USER_INPUT');
  }
  return yogaMaskError(error, message, isDev);
}

/** The error with `code` added, unless it has one; message clipped. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions?.code === 'string' && error.message.length <= MAX_ERROR_TEXT) return error;
  return new GraphQLError(clip(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: error.extensions?.code ?? code },
  });
}

/**
 * Refuses documents nested deeper than graphql-js's recursive parser can take (a list literal
 * 2,000 levels deep is a few thousand tokens and overflows its stack), before it parses them.
 */
function nestingLimit(maxNesting: number): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      let depth = 0;
      let inString = false;
      for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (inString) {
          if (char === '\\') i++;
          else if (char === '"') inString = false;
          continue;
        }
        if (char === '"') inString = true;
        else if (char === '#') {
          const end = source.indexOf('\n', i);
          i = end < 0 ? source.length : end;
        } else if (char === '{' || char === '[' || char === '(') {
          if (++depth > maxNesting) {
            throw new GraphQLError(`The document nests deeper than ${maxNesting} levels`, {
              extensions: { code: 'LIMIT_EXCEEDED', limit: 'maxNesting' },
            });
          }
        } else if (char === '}' || char === ']' || char === ')') depth--;
      }
    },
  };
}

/** graphql-armor's rejections, as LIMIT_EXCEEDED naming the limit. */
function limitRejected(limit: string) {
  return (_context: unknown, error: GraphQLError) => {
    Object.assign(error.extensions, { code: 'LIMIT_EXCEEDED', limit });
  };
}

/** The sessions as track feeds see them: publications, clocks and events, nothing more. */
function roomPort(sessions: SessionService): RoomPort {
  return {
    publication(key) {
      try {
        return sessions.mediaRoom(key.roomName).remoteParticipants.get(key.participantIdentity)?.trackPublications.get(key.trackSid);
      } catch {
        // No active session in the room: no publication.
        return undefined;
      }
    },
    clock: (roomName) => sessions.mediaClock(roomName),
    listen: (listener) => {
      sessions.events.listen(listener);
      sessions.viewerEvents.listen(listener);
    },
  };
}

export function buildApp(options: AppOptions): App {
  const log = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const database = openStorage(options.databaseUrl ?? options.databasePath, (error) => log.warn({ err: error }, 'a database connection was lost'));
  const config = new ConfigService(database, options.environmentConfig ?? {});
  const instances = new InstanceService(database, log.child({ service: 'instances' }), { ...options.instance, maxSessions: options.sessions?.maxSessions ?? DEFAULT_MAX_SESSIONS });
  const sessions = new SessionService(database, config, instances, log.child({ service: 'sessions' }), options.sessions);
  const feeds = new TrackFeeds(roomPort(sessions), log.child({ service: 'feeds' }), options.feeds);
  const media = new MediaService(sessions, feeds, log.child({ service: 'media' }), options.media);
  const storage = options.storage && new ObjectStorage(options.storage);
  const recordings = new RecordingService(database, config, sessions, feeds, log.child({ service: 'recordings' }), {
    tap: findTap(),
    ...options.recordings,
    storage,
    uploads: options.uploads,
  });
  const rooms = new RoomDirectory(config, sessions, recordings, log.child({ service: 'rooms' }), options.rooms);
  const watchRules = new WatchRuleService(database);
  const reconciler = new Reconciler(rooms, watchRules, sessions, recordings, log.child({ service: 'reconciler' }), options.reconciler);
  const failover = new Failover(instances, sessions, recordings, log.child({ service: 'failover' }), options.sessions?.maxSessions ?? DEFAULT_MAX_SESSIONS);
  const commands = new RoomCommands(database, instances.id, log.child({ service: 'commands' }));
  const control = new RoomControl(sessions, media, recordings, instances, commands, log.child({ service: 'control' }), options.control);
  const services: Services = { config, sessions, media, recordings, rooms, watchRules, reconciler, instances, control };
  const webhooks = new RoomWebhooks(reconciler, log.child({ service: 'webhooks' }));
  logSessionActivity(sessions, log.child({ service: 'activity' }));
  const subscribers = new SubscriberActivity(sessions, log.child({ service: 'subscribers' }));
  const metrics = new Metrics({ sessions, media, recordings, subscribers });
  const health = new HealthCheck(database, config, {
    minFreeMb: options.recordings?.minFreeMb ?? 500,
    storage,
    passthrough: { ...recordings.passthrough, defaultMode: recordings.defaultMode },
  });
  const access = new AccessPolicy({ listenHost: options.host ?? '127.0.0.1', ...options.access });
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // Parsed documents, bounded by the bytes of their text: distinct large queries must not pile up.
  const parseCache = () =>
    new LRUCache<string, DocumentNode & object>({ maxSize: limits.parseCacheBytes, sizeCalculation: (_value, key) => Math.max(1, key.length) });
  const armor = EnvelopArmorPlugin({
    maxTokens: { n: limits.maxTokens, onReject: [limitRejected('maxTokens')] },
    maxAliases: { n: limits.maxAliases, onReject: [limitRejected('maxAliases')] },
    maxDepth: { n: limits.maxDepth, onReject: [limitRejected('maxDepth')] },
    maxDirectives: { n: 50, onReject: [limitRejected('maxDirectives')] },
    costLimit: { maxCost: 20_000, onReject: [limitRejected('maxCost')] },
    // Schema names are not handed out to whoever guesses a field.
    blockFieldSuggestion: { enabled: process.env.HAVEN_DEV !== '1' },
  });

  const yoga: YogaServerInstance<Record<string, never>, Context> = createYoga({
    schema,
    context: (): Context => ({ services, access }),
    graphiql: { subscriptionsProtocol: 'WS', title: 'haven-live' },
    // GraphiQL from this package, not from a CDN: the page works without internet access.
    renderGraphiQL: graphiqlPage,
    maskedErrors: { maskError: toGraphQLError, isDev: process.env.HAVEN_DEV === '1' },
    // Same origin only, unless HAVEN_ALLOWED_ORIGINS lists more.
    cors: access.corsOrigins.length ? { origin: access.corsOrigins, credentials: true } : false,
    parserAndValidationCache: { documentCache: parseCache(), errorCache: parseCache() as LRUCache<string, object> },
    plugins: [nestingLimit(64), armor, metrics.plugin(), subscribers.plugin()],
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

  const refuse = (res: ServerResponse, refusal: Refusal) => {
    const answer = () => res.writeHead(refusal.status, { 'content-type': 'application/json', connection: 'close' }).end(refusalBody(refusal));
    const req = res.req;
    if (req.complete) return answer();
    // A refused body (a 413 is refused before it is read) is read and dropped before the answer:
    // closing with it unread resets the connection, and the client never sees why. A body that
    // keeps coming is cut off after 5 s.
    const timer = setTimeout(() => req.socket.destroy(), 5_000);
    timer.unref();
    req.once('end', () => {
      clearTimeout(timer);
      answer();
    });
    req.resume();
  };
  // Timeouts are checked every 2 s (Node's default is 30 s), so idle half-open connections go soon.
  const httpServer: Server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://localhost');
    // Nothing secret, and a load balancer probes it by whatever address it has: no token, no Host check.
    if (requestUrl.pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'GET /healthz' });
      void health.check().then(
        (report) => res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(report)),
        (error) => {
          log.error({ err: error }, 'health check failed');
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false }));
        },
      );
      return;
    }
    if (requestUrl.pathname === '/metrics') {
      const refusal = access.refuseBrowser(req) ?? (access.tokenMatches(req.headers.authorization) ? undefined : UNAUTHENTICATED);
      if (refusal) return refuse(res, refusal);
      void metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text),
        (error) => {
          log.error({ err: error }, 'collecting metrics failed');
          res.writeHead(500).end();
        },
      );
      return;
    }
    if (requestUrl.pathname === WEBHOOK_PATH) {
      // LiveKit signs its webhooks with the API key: no API token, and no word on why a signature failed.
      if (req.method !== 'POST') return refuse(res, { status: 405, code: 'METHOD_NOT_ALLOWED', message: `POST ${WEBHOOK_PATH}` });
      const tooLarge = Number(req.headers['content-length'] ?? 0) > access.maxBodyBytes;
      if (tooLarge) return refuse(res, { status: 413, code: 'LIMIT_EXCEEDED', message: `The request body is over the limit of ${access.maxBodyBytes} bytes` });
      let credentials: LiveKitCredentials | undefined;
      try {
        credentials = config.livekitCredentials();
      } catch {
        credentials = undefined;
      }
      void readWebhook(req, credentials, access.maxBodyBytes).then(
        (webhook) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: webhooks.handle(webhook) })),
        (error) => {
          const status = error instanceof WebhookRefused ? error.status : 401;
          if (status === 413) return refuse(res, { status, code: 'LIMIT_EXCEEDED', message: `The request body is over the limit of ${access.maxBodyBytes} bytes` });
          refuse(res, { status: 401, code: 'UNAUTHENTICATED', message: 'The webhook is not signed by this LiveKit server' });
        },
      );
      return;
    }
    if (requestUrl.pathname.startsWith('/recordings/')) {
      const refusal = access.refuseDownload(req, requestUrl);
      if (refusal) return refuse(res, refusal);
      serveRecordingFile(recordings, req, res);
      return;
    }
    if (isWebPagePath(requestUrl.pathname)) {
      const refusal = access.refuseBrowser(req);
      if (refusal) return refuse(res, refusal);
      serveWebPage(req, res);
      return;
    }
    const refusal = access.refuseGraphQL(req);
    if (refusal) return refuse(res, refusal);
    void yoga(req, res);
  });
  // A client must send its headers within 20 s and a whole request within 60 s (streams are responses).
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 60_000;
  // An idle keep-alive connection stays open longer than a load balancer's (60 s) and a client's own
  // idle timeouts: the side that reuses a connection closes it, never the server under its feet
  // (Node's 5 s loses races with clients that reuse connections idle for ~4 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.maxConnections = 4_096;
  // Node applies those timeouts only once a request has begun: a connection that never sends a
  // byte would be held for ever, and enough of them exhaust the file descriptors.
  const served = new WeakSet<object>();
  httpServer.on('request', (req) => served.add(req.socket));
  httpServer.on('upgrade', (req) => served.add(req.socket));
  httpServer.on('connection', (socket) => {
    const timer = setTimeout(() => served.has(socket) || socket.destroy(), httpServer.headersTimeout);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: limits.maxMessageBytes,
    verifyClient: ({ req }, done) => {
      const refusal = access.refuseBrowser(req);
      if (refusal) return done(false, refusal.status, refusal.message);
      done(true);
    },
  });
  // Connections that sent the token in connectionParams; the others must send it with each operation.
  const tokenConnections = new WeakSet<object>();
  // One yoga pipeline for HTTP, SSE and WebSocket: yoga's documented graphql-ws recipe.
  const wsHandle = useServer(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).subscribe(args),
      // graphql-ws closes the socket with 4403 Forbidden when this says no.
      onConnect: (ctx) => {
        const granted = access.webSocketAccess(ctx.connectionParams, ctx.extra.request);
        if (granted === 'connection') tokenConnections.add(ctx);
        return granted !== undefined;
      },
      onSubscribe: async (ctx, id, params) => {
        if (!tokenConnections.has(ctx) && !access.operationTokenMatches(params.extensions)) {
          return [new GraphQLError('Send Authorization: Bearer <HAVEN_API_TOKEN>', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        if (Object.keys(ctx.subscriptions).filter((other) => other !== id).length >= limits.subscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${limits.subscriptionsPerConnection} subscriptions per connection`, {
              extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection' },
            }),
          ];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : new GraphQLError('Syntax error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const args = {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        // graphql-armor throws where a limit is passed; thrown here, graphql-ws would close the socket.
        let errors: readonly GraphQLError[];
        try {
          errors = validate(args.schema, args.document);
        } catch (error) {
          errors = [error instanceof GraphQLError ? error : new GraphQLError('Invalid document')];
        }
        if (errors.length) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        return args;
      },
    },
    wsServer,
  );

  let url = '';
  let stopping: Promise<void> | undefined;
  let recovered: Promise<unknown> = Promise.resolve();
  /** The database brought up to date and read: what an earlier run left active is INTERRUPTED. */
  let stopSettingsNotices: (() => void) | undefined;
  const load = async () => {
    try {
      await database.migrate();
      await Promise.all([config.load(), watchRules.load()]);
    } catch (error) {
      // A driver's error wraps the reason (connect ECONNREFUSED, password authentication failed).
      const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
      throw new Error(`the ${database.kind === 'postgres' ? 'PostgreSQL database at DATABASE_URL' : 'SQLite database'} cannot be used (${reason})`, { cause: error });
    }
    await instances.start((roomName, token) => sessions.leaseLost(roomName, token));
    // Settings and rules changed through another instance on the database are read again here.
    stopSettingsNotices ??= database.listen(SETTINGS_CHANNEL, () => {
      Promise.all([config.load(), watchRules.reload()]).catch((error) => log.warn({ err: error }, 'could not read the settings and rules again'));
    });
    await sessions.journal.start(sessions.events);
    const interrupted = await sessions.markInterrupted();
    if (interrupted > 0) log.warn({ count: interrupted }, 'sessions left active by an earlier run marked INTERRUPTED');
    recovered = recordings.recoverInterrupted().then(
      (count) => count > 0 && log.warn({ count }, 'recordings left unfinished by an earlier run marked INTERRUPTED'),
      (error) => log.error({ err: error }, 'recovering interrupted recordings failed'),
    );
  };
  return {
    services,
    get url() {
      return url;
    },
    async start(port = 0) {
      await load();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, options.host ?? '127.0.0.1', () => {
          const address = httpServer.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          url = `http://${host}:${address.port}`;
          log.info({ url: `${url}${yoga.graphqlEndpoint}` }, 'haven-live listening');
          reconciler.start();
          control.start();
          // One SQLite file is one machine's: only instances on PostgreSQL take over each other's rooms.
          if (database.kind === 'postgres') failover.start();
          // A bucket that cannot be reached, or refuses the credentials, is said at start (and in /healthz).
          storage?.check().then(
            () => log.info({ bucket: storage.bucket, prefix: storage.prefix }, 'object storage reachable: finished recordings are uploaded'),
            (error) => log.error({ bucket: storage.bucket, reason: describeStorageError(error) }, 'object storage cannot be used: recordings stay on disk until it can'),
          );
          resolve();
        });
      });
    },
    stop() {
      stopping ??= (async () => {
        await recovered;
        await Promise.all([reconciler.stop(), failover.stop(), control.stop()]);
        await recordings.stopAll();
        await sessions.stopAll('SHUTDOWN');
        await Promise.all([sessions.flushWrites(), recordings.flushWrites(), sessions.journal.stop()]);
        instances.stop();
        stopSettingsNotices?.();
        await wsHandle.dispose();
        await yoga.dispose();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await database.close();
        storage?.close();
      })();
      return stopping;
    },
  };
}

interface EnvelopedRoot {
  execute(args: ExecutionArgs): ReturnType<NonNullable<Parameters<typeof useServer>[0]['execute']>>;
  subscribe(args: ExecutionArgs): ReturnType<NonNullable<Parameters<typeof useServer>[0]['subscribe']>>;
}
