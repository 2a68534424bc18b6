import { request as httpRequest } from 'node:http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import { subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { childPids } from './harness/processes.js';
import { killAllPublishers, startPublisher } from './harness/publisher-client.js';
import { startServerProcess } from './harness/server-process.js';

const LimitFrames = graphql(`
  subscription LimitFrames($roomName: String!, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, options: $options) {
      seq
    }
  }
`);

const TOKEN = 'access-test-token-0123456789abcdef';
const EVIL = 'https://evil.example';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request, with exactly the headers given (fetch would add and forbid some). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
  body: JSON.stringify(body),
});

const UPDATE = { query: 'mutation { updateConfig(input: { livekitUrl: "wss://attacker.example" }) { livekitUrl } }' };
const TYPENAME = { query: '{ __typename }' };

/** Opens a graphql-transport-ws socket; resolves with how it ended or 'ack'. */
function wsHandshake(url: string, headers: Record<string, string>, payload?: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    socket.on('error', () => resolve('error'));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') {
        resolve('ack');
        socket.close();
      }
    });
    socket.on('close', (code) => resolve(`close ${code}`));
  });
}

describe('access: a token, origin and host checks, request limits', () => {
  let app: TestApp;
  let open: TestApp;


  beforeAll(async () => {
    app = await startApp({
      access: { apiToken: TOKEN, allowedOrigins: ['https://viewer.example'], allowedHosts: ['haven.internal'] },
      environmentConfig: { livekitUrl: 'ws://127.0.0.1:7880' },
    });
    open = await startApp();
  });
  afterAll(async () => {
    await app?.close();
    await open?.close();
  });

  it('needs the token over HTTP, compares it exactly, and lets the right one in', async () => {
    const none = await send(`${app.url}/graphql`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(TYPENAME) });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await send(`${app.url}/graphql`, json(TYPENAME, { authorization: `Bearer ${TOKEN}x` }));
    expect(wrong.status).toBe(401);
    const prefix = await send(`${app.url}/graphql`, json(TYPENAME, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }));
    expect(prefix.status).toBe(401);
    const right = await send(`${app.url}/graphql`, json(TYPENAME));
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body).data.__typename).toBe('Query');
  });

  it('closes a graphql-ws connection without the token with 4403, and acknowledges one with it', async () => {
    expect(await wsHandshake(app.url, {})).toBe('close 4403');
    expect(await wsHandshake(app.url, {}, { authorization: 'Bearer nope' })).toBe('close 4403');
    expect(await wsHandshake(app.url, {}, { authorization: `Bearer ${TOKEN}` })).toBe('ack');
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKEN}` },
      retryAttempts: 0,
    });
    const result = await new Promise((resolve, reject) =>
      client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => undefined }),
    );
    expect(result).toEqual({ data: { __typename: 'Query' } });
    await client.dispose();
  });

  it('refuses what another web site can send: a form post, a multipart post, a foreign Origin, a cross-site fetch', async () => {
    const form = await send(`${open.url}/graphql`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
      body: `query=${encodeURIComponent(UPDATE.query)}`,
    });
    expect(form.status).toBe(403);
    expect(form.headers['access-control-allow-origin']).toBeUndefined();
    // Even without an Origin, a form or multipart body is not GraphQL here.
    const plainForm = await send(`${open.url}/graphql`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent(UPDATE.query)}`,
    });
    expect(plainForm.status).toBe(415);
    const multipart = await send(`${open.url}/graphql`, {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: `--x\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${JSON.stringify(UPDATE)}\r\n--x--\r\n`,
    });
    expect(multipart.status).toBe(415);
    const foreignJson = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json', origin: EVIL }, body: JSON.stringify(UPDATE) });
    expect(foreignJson.status).toBe(403);
    const sse = await send(`${open.url}/graphql?query=${encodeURIComponent('subscription { sessionEvents(roomName: "x") { __typename } }')}`, {
      method: 'GET',
      headers: { accept: 'text/event-stream', origin: EVIL },
    });
    expect(sse.status).toBe(403);
    const crossSite = await send(`${open.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(await wsHandshake(open.url, { origin: EVIL })).toBe('http 403');
    // Nothing changed.
    const config = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ config { livekitUrl } }' }) });
    expect(JSON.parse(config.body).data.config.livekitUrl).toBeNull();
  });

  it('serves its own origin, clients without an Origin, a same-origin EventSource, and listed origins with CORS', async () => {
    const own = new URL(open.url).host;
    const same = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json', origin: `http://${own}` }, body: JSON.stringify(TYPENAME) });
    expect(same.status).toBe(200);
    const program = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(TYPENAME) });
    expect(program.status).toBe(200);
    const eventSource = await send(`${open.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      headers: { accept: 'text/event-stream', 'sec-fetch-site': 'same-origin' },
    });
    expect(eventSource.status).toBe(200);
    expect(eventSource.body).toContain('__typename');
    expect(await wsHandshake(open.url, { origin: `http://${own}` })).toBe('ack');
    const listed = await send(`${app.url}/graphql`, json(TYPENAME, { origin: 'https://viewer.example' }));
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe('https://viewer.example');
  });

  it('answers 421 to a Host that is not its own (DNS rebinding) and serves loopback names and listed hosts', async () => {
    const port = new URL(open.url).port;
    const rebound = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json', host: 'rebind.evil.example' }, body: JSON.stringify(TYPENAME) });
    expect(rebound.status).toBe(421);
    const withPort = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json', host: `rebind.evil.example:${port}` }, body: JSON.stringify(TYPENAME) });
    expect(withPort.status).toBe(421);
    expect(await wsHandshake(open.url, { host: 'rebind.evil.example' })).toBe('http 421');
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const reply = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json', host }, body: JSON.stringify(TYPENAME) });
      expect(reply.status, host).toBe(200);
    }
    const listed = await send(`${app.url}/graphql`, json(TYPENAME, { host: 'haven.internal' }));
    expect(listed.status).toBe(200);
  });

  it('refuses to listen beyond loopback without a token, saying why', async () => {
    const server = startServerProcess({ HOST: '0.0.0.0', HAVEN_DB: ':memory:' });
    await expect(server).rejects.toThrow(/HAVEN_API_TOKEN/);
  });

  it('answers every limit at once with LIMIT_EXCEEDED or the protocol status, and stays responsive', async () => {
    const timed = async (what: Promise<Reply>) => {
      const started = Date.now();
      const reply = await what;
      expect(Date.now() - started, 'answered within 1 s').toBeLessThan(1_000);
      return reply;
    };
    const huge = `{ ${'__typename '.repeat(2_400_000)}}`;
    expect((await timed(send(`${app.url}/graphql`, json({ query: huge })))).status).toBe(413);
    const tokens = await timed(send(`${app.url}/graphql`, json({ query: `{ ${'__typename '.repeat(6_000)}}` })));
    expect(JSON.parse(tokens.body).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxTokens' });
    const aliases = await timed(send(`${app.url}/graphql`, json({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: config { livekitUrl }`).join(' ')} }` })));
    expect(JSON.parse(aliases.body).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxAliases' });
    // A 1.5 MB graphql-ws message closes the socket with 1009 (message too big).
    const closed = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}`, pad: 'x'.repeat(1_500_000) } })));
      socket.on('close', (code) => resolve(code));
    });
    expect(closed).toBe(1009);
    const alive = await send(`${app.url}/graphql`, json(TYPENAME));
    expect(alive.status).toBe(200);
  });

  it('lets one graphql-ws connection hold at most 64 subscriptions', async () => {
    const socket = new WebSocket(`${open.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'connection_ack') resolve();
        if (message.type === 'error') errors.push(message.payload);
      });
    });
    for (let i = 0; i < 65; i++) {
      socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: `subscription { sessionEvents(roomName: "r${i}") { __typename } }` } }));
    }
    const deadline = Date.now() + 5_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('subscriptionsPerConnection');
    socket.close();
  });

  it('suggests no field names and does not echo a long input', async () => {
    const typo = await send(`${open.url}/graphql`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sesions { totalCount } }' }) });
    expect(typo.body).not.toMatch(/Did you mean/i);
    const longId = 'x'.repeat(1_000_000);
    const reply = await send(`${open.url}/graphql`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { recording(id: $id) { id } }', variables: { id: longId } }),
    });
    expect(JSON.parse(reply.body).errors[0].extensions.code).toBe('RECORDING_NOT_FOUND');
    expect(reply.body.length).toBeLessThan(2_000);
  });
});

describe('limits on work a request can start, against a real LiveKit server', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  const ROOM = 'limits-room';

  beforeAll(async () => {
    livekit = await startLiveKit();
    app = await startApp({ livekit, sessions: { maxSessions: 2 }, media: { maxEncoders: 2 } });
    const camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room: ROOM, identity: 'camera' });
    await camera.publishVideo({ width: 320, height: 180, fps: 15 });
  });
  afterAll(async () => {
    await app?.close();
    killAllPublishers();
    await livekit?.stop();
  });

  const post = (query: string) => send(`${app.url}/graphql`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it('joins at most HAVEN_MAX_SESSIONS rooms at once, also from aliases of one request', async () => {
    const reply = await post(`mutation { ${['a', 'b', 'c', 'd'].map((r) => `${r}: startSession(input: { roomName: "${r}-room" }) { id }`).join(' ')} }`);
    try {
      // Mutation fields run one after another; the first refused one ends the operation.
      const body = JSON.parse(reply.body);
      expect(body.errors[0].extensions, reply.body).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxSessions' });
      const active = JSON.parse((await post('{ activeSessions { roomName } }')).body).data.activeSessions;
      expect(active.map((s: { roomName: string }) => s.roomName).sort()).toEqual(['a-room', 'b-room']);
    } finally {
      for (const room of ['a', 'b', 'c', 'd']) await post(`mutation { stopSession(roomName: "${room}-room") { id } }`);
    }
  });

  it('runs at most HAVEN_MAX_ENCODERS encodings, and at most 4 snapshot encodes at once', async () => {
    await post(`mutation { startSession(input: { roomName: "${ROOM}" }) { id } }`);
    const client = wsClient(app.url);
    const frames = (quality: number) =>
      subscribe(client, LimitFrames, { roomName: ROOM, options: { format: 'JPEG', maxWidth: 160, quality } });
    const first = frames(50);
    const second = frames(60);
    await first.waitFor(() => true, 20_000, 'a frame');
    await second.waitFor(() => true, 20_000, 'a frame');
    const third = frames(70);
    await third.waitFor(() => third.errors.length > 0 || third.completed, 5_000, 'the third to be refused').catch(() => undefined);
    expect(JSON.stringify(third.errors)).toContain('maxEncoders');
    // The same options as a running one share its encoder: no new one needed.
    const shared = frames(50);
    await shared.waitFor(() => true, 20_000, 'a frame on the shared encoder');
    for (const s of [first, second, shared]) s.unsubscribe();
    await client.dispose();
    for (let i = 0; i < 100 && childPids(process.pid, 'ffmpeg').length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));

    let most = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, childPids(process.pid, 'ffmpeg').length);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const reply = await post(`{ ${Array.from({ length: 24 }, (_, i) => `s${i}: snapshot(roomName: "${ROOM}", maxWidth: ${64 + 8 * i}) { width }`).join(' ')} }`);
    sampling = false;
    await sampler;
    const body = JSON.parse(reply.body);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toHaveLength(24);
    expect(most).toBeLessThanOrEqual(4);
  });
});
