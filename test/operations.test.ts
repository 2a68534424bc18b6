import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { subscribe, wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { freeTcpPort } from './harness/ports.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';
import { startServerProcess, type ServerProcess } from './harness/server-process.js';

const TOKEN = 'operations-test-token-0123456789abcdef';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = (source: string) => parse(source) as TypedDocumentNode<any, any>;

/** One GraphQL operation over HTTP, with the token when given; fails the test on errors. */
async function gql<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

interface Family {
  type: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

// Values as Prometheus reads them (Go's ParseFloat: Inf and NaN in any case; prom-client writes "Nan").
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([+-]?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|inf)|nan)(?: -?\d+)?$/i;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;

/**
 * The Prometheus text format (version 0.0.4), strictly: every line a HELP, a TYPE or a sample of a
 * family declared before it (histograms as _bucket, _sum and _count); anything else throws.
 */
function parsePrometheus(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      families.set(type[1]!, { type: type[2]!, samples: [] });
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus text line: ${line}`);
    const [, name, labelText = '', raw] = sample;
    const family = families.get(name!) ?? families.get(name!.replace(/_(bucket|sum|count)$/, ''));
    if (!family) throw new Error(`a sample before its TYPE line: ${line}`);
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let match; (match = LABEL.exec(labelText)); consumed = LABEL.lastIndex) labels[match[1]!] = match[2]!;
    if (consumed !== labelText.length) throw new Error(`bad labels: ${line}`);
    family.samples.push({ name: name!, labels, value: Number(raw) });
  }
  return families;
}

async function scrape(baseUrl: string, token?: string): Promise<{ status: number; text: string; families: Map<string, Family> }> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, text, families: new Map() };
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return { status: response.status, text, families: parsePrometheus(text) };
}

/** The value of one sample (the first whose labels include `labels`; a histogram's count), or 0 when absent. */
function value(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  const sampleName = family?.type === 'histogram' ? `${name}_count` : name;
  const sample = family?.samples.find(
    (candidate) => candidate.name === sampleName && Object.entries(labels).every(([key, wanted]) => candidate.labels[key] === wanted),
  );
  return sample?.value ?? 0;
}

async function healthz(baseUrl: string): Promise<{ status: number; body: { ok: boolean; checks: Record<string, { ok: boolean; reason?: string; freeMb?: number }> }; text: string }> {
  const response = await fetch(`${baseUrl}/healthz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until the server sees a video track in the room (the publisher's side knows first). */
function videoTrackSeen(baseUrl: string, room: string, token?: string): Promise<true> {
  return until('the video track seen by the server', async () => {
    const { session } = await gql<{ session: { participants: { tracks: { kind: string }[] }[] } | null }>(
      baseUrl,
      'query($room: String!) { session(roomName: $room) { participants { tracks { kind } } } }',
      { room },
      token,
    );
    return session?.participants.some((participant) => participant.tracks.some((track) => track.kind === 'VIDEO')) === true || undefined;
  });
}

describe('operations: /healthz, /metrics', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  const others: TestApp[] = [];
  const publishers: Publisher[] = [];
  let client: Client | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'haven-ops-'));

  beforeAll(async () => {
    livekit = await startLiveKit();
    app = await startApp({ livekit, access: { apiToken: TOKEN } });
  }, 120_000);
  afterAll(async () => {
    await client?.dispose();
    await Promise.all(publishers.map((publisher) => publisher.disconnect().catch(() => undefined)));
    killAllPublishers();
    await app?.close();
    for (const other of others) await other.close();
    await livekit?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it('/healthz answers 200 without the token when everything is up, and carries no secret', async () => {
    const { status, body, text } = await healthz(app.url);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    for (const check of ['database', 'ffmpeg', 'recordingDirectory', 'livekit']) expect(body.checks[check]?.ok, check).toBe(true);
    expect(body.checks.recordingDirectory!.freeMb).toBeGreaterThan(0);
    expect(text).not.toContain(livekit.apiSecret);
    expect(text).not.toContain(livekit.apiKey);
    expect(text).not.toContain(TOKEN);
  });

  it('/healthz answers 503 with reasons when LiveKit is unreachable or the recording directory cannot be written', async () => {
    // A port nobody listens on, and a recording directory under a regular file (root can write anywhere else).
    const closedPort = await freeTcpPort();
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    const broken = await startApp({
      access: { apiToken: TOKEN },
      environmentConfig: {
        livekitUrl: `ws://127.0.0.1:${closedPort}`,
        livekitApiKey: livekit.apiKey,
        livekitApiSecret: livekit.apiSecret,
        recordingDirectory: join(file, 'recordings'),
      },
    });
    others.push(broken);
    const { status, body, text } = await healthz(broken.url);
    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.checks.livekit).toMatchObject({ ok: false, reason: expect.stringMatching(/unreachable/) });
    expect(body.checks.recordingDirectory).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot be written/) });
    expect(body.checks.database!.ok).toBe(true);
    expect(body.checks.ffmpeg!.ok).toBe(true);
    expect(text).not.toContain(livekit.apiSecret);
    expect(text).not.toContain(TOKEN);

    // Only LiveKit down: still 503, the directory is fine.
    const recordings = join(scratch, 'good-recordings');
    mkdirSync(recordings);
    const noLiveKit = await startApp({ environmentConfig: { livekitUrl: `ws://127.0.0.1:${closedPort}`, recordingDirectory: recordings } });
    others.push(noLiveKit);
    const second = await healthz(noLiveKit.url);
    expect(second.status).toBe(503);
    expect(second.body.checks.recordingDirectory!.ok).toBe(true);
    expect(second.body.checks.livekit!.ok).toBe(false);
  });

  it('/metrics needs the token, parses as Prometheus text, and its counters move with frames, recordings and operations', async () => {
    expect((await scrape(app.url)).status).toBe(401);
    expect((await scrape(app.url, 'Bearer wrong-token-0123456789')).status).toBe(401);
    const first = await scrape(app.url, TOKEN);
    expect(first.status).toBe(200);
    // Process metrics and ours, with their types.
    expect(first.families.get('process_cpu_seconds_total')?.type).toBe('counter');
    expect(first.families.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect(first.families.get('haven_sessions_active')?.type).toBe('gauge');
    expect(first.families.get('haven_video_encode_seconds')?.type).toBe('histogram');
    expect(first.families.get('haven_graphql_operation_duration_seconds')?.type).toBe('histogram');
    expect(value(first.families, 'haven_sessions_active')).toBe(0);

    const room = 'ops-metrics';
    await gql(app.url, 'mutation StartSession($room: String!) { startSession(input: { roomName: $room }) { id } }', { room }, TOKEN);
    const publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'ops-camera' });
    publishers.push(publisher);
    await publisher.publishVideo({ width: 320, height: 240, fps: 15 });
    await publisher.publishAudio();
    await videoTrackSeen(app.url, room, TOKEN);

    client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKEN}` },
      retryAttempts: 0,
    });
    const frames = subscribe(client, doc('subscription OpsFrames($room: String!) { videoFrames(roomName: $room, options: { format: JPEG, maxWidth: 160 }) { seq chunkIndex } }'), { room });
    await frames.waitFor(() => true, 30_000, 'a first frame');
    const rendition = 'JPEG|160|||75';
    const during = await until('frames counted', async () => {
      const scraped = await scrape(app.url, TOKEN);
      return value(scraped.families, 'haven_rendition_frames_sent_total', { rendition }) > 0 && scraped;
    });
    expect(value(during.families, 'haven_sessions_active')).toBe(1);
    expect(value(during.families, 'haven_subscribers', { kind: 'VIDEO' })).toBe(1);
    expect(value(during.families, 'haven_rendition_frames_received_total', { rendition })).toBeGreaterThan(0);
    expect(value(during.families, 'haven_rendition_frames_encoded_total', { rendition })).toBeGreaterThan(0);
    expect(during.families.get('haven_rendition_frames_dropped_total')).toBeDefined();
    expect(value(during.families, 'haven_video_encode_seconds', { format: 'JPEG' })).toBeGreaterThan(0);
    expect(value(during.families, 'haven_graphql_operation_duration_seconds', { operation_type: 'mutation', operation_name: 'StartSession' })).toBe(1);
    expect(value(during.families, 'haven_graphql_operation_duration_seconds', { operation_type: 'subscription', operation_name: 'OpsFrames' })).toBe(1);
    const sentBefore = value(during.families, 'haven_rendition_frames_sent_total', { rendition });
    await until('more frames sent', async () => value((await scrape(app.url, TOKEN)).families, 'haven_rendition_frames_sent_total', { rendition }) > sentBefore);
    frames.unsubscribe();
    await until('the video subscriber gone', async () => value((await scrape(app.url, TOKEN)).families, 'haven_subscribers', { kind: 'VIDEO' }) === 0);

    await gql(app.url, 'mutation OpsRecord($room: String!) { startRecording(roomName: $room) { id } }', { room }, TOKEN);
    const recordingFirst = await until('recording bytes counted', async () => {
      const bytes = value((await scrape(app.url, TOKEN)).families, 'haven_recording_bytes_written_total');
      return bytes > 0 && bytes;
    });
    await until('recording bytes growing', async () => value((await scrape(app.url, TOKEN)).families, 'haven_recording_bytes_written_total') > recordingFirst);
    await gql(app.url, 'mutation OpsStop($room: String!) { stopRecording(roomName: $room) { id } }', { room }, TOKEN);
    const afterStop = await until('the recording finished', async () => {
      const scraped = await scrape(app.url, TOKEN);
      const { session } = await gql<{ session: { recordings: { state: string }[] } }>(app.url, 'query($room: String!) { session(roomName: $room) { recordings { state } } }', { room }, TOKEN);
      return session.recordings.every((recording) => recording.state !== 'RECORDING' && recording.state !== 'FINALIZING') && scraped;
    });
    // A finished recording's bytes stay counted.
    expect(value(afterStop.families, 'haven_recording_bytes_written_total')).toBeGreaterThan(recordingFirst);
  }, 180_000);
});

describe('operations: structured logs', () => {
  let livekit: LiveKitServer;
  let server: ServerProcess | undefined;
  let publisher: Publisher | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'haven-logs-'));

  beforeAll(async () => {
    livekit = await startLiveKit();
  }, 120_000);
  afterAll(async () => {
    await publisher?.disconnect().catch(() => undefined);
    killAllPublishers();
    server?.process.kill('SIGKILL');
    await livekit?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('logs session, subscriber and recording lines as JSON with room and session, and no rtc-node debug at info', async () => {
    server = await startServerProcess({
      LOG_LEVEL: 'info',
      HAVEN_DB: join(dir, 'haven.db'),
      HAVEN_RECORDING_DIR: join(dir, 'recordings'),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    });
    const url = server.url;
    const room = 'ops-logs';
    const { startSession } = await gql<{ startSession: { id: string } }>(url, 'mutation($room: String!) { startSession(input: { roomName: $room }) { id } }', { room });
    const sessionId = startSession.id;
    publisher = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'logs-camera' });
    await publisher.publishVideo({ width: 320, height: 240, fps: 15 });
    await videoTrackSeen(url, room);

    const client = wsClient(url);
    const frames = subscribe(client, doc('subscription($room: String!) { videoFrames(roomName: $room, options: { maxWidth: 160 }) { seq } }'), { room });
    await frames.waitFor(() => true, 30_000, 'a first frame');
    frames.unsubscribe();
    await client.dispose();

    const { startRecording } = await gql<{ startRecording: { id: string }[] }>(url, 'mutation($room: String!) { startRecording(roomName: $room) { id } }', { room });
    const recordingId = startRecording[0]!.id;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await gql(url, 'mutation($room: String!) { stopRecording(roomName: $room) { id } }', { room });
    await gql(url, 'mutation($room: String!) { stopSession(roomName: $room) { id } }', { room });

    type Line = Record<string, unknown> & { msg?: string; level?: number };
    const lines = (): Line[] =>
      server!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Line);
    const find = (msg: string) => lines().find((line) => line.msg === msg && line.roomName === room);
    await until('the last log lines', async () => find('session ended') && find('recording stopped') && find('subscriber left'));

    expect(find('session connected')).toMatchObject({ sessionId, level: 30 });
    expect(find('subscriber joined')).toMatchObject({ sessionId, kind: 'VIDEO' });
    expect(find('subscriber left')).toMatchObject({ sessionId, kind: 'VIDEO' });
    expect(find('recording started')).toMatchObject({ sessionId, recordingId, participantIdentity: 'logs-camera' });
    expect(find('recording stopped')).toMatchObject({ sessionId, recordingId, stopReason: 'STOPPED' });
    expect(find('session ended')).toMatchObject({ sessionId, reason: 'STOPPED' });
    // Every line is JSON; rtc-node's debug line is not there at info, nor any secret.
    const output = server.output();
    expect(output).not.toContain('Connect callback received');
    expect(output).not.toContain(livekit.apiSecret);
    expect(lines().every((line) => typeof line.level === 'number' && line.level >= 30)).toBe(true);
  }, 180_000);

  it('shows rtc-node\'s debug line at LOG_LEVEL=debug: its logger follows LOG_LEVEL', async () => {
    const debug = await startServerProcess({
      LOG_LEVEL: 'debug',
      HAVEN_DB: join(dir, 'debug.db'),
      HAVEN_RECORDING_DIR: join(dir, 'debug-recordings'),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    });
    try {
      await gql(debug.url, 'mutation { startSession(input: { roomName: "ops-debug" }) { id } }');
      await until('rtc-node\'s debug line', async () => debug.output().includes('Connect callback received'));
      expect(debug.output()).not.toContain(livekit.apiSecret);
    } finally {
      debug.process.kill('SIGKILL');
    }
  }, 120_000);
});
