import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageSettings } from '../src/object-storage.js';
import { graphql } from './gql/index.js';
import { launchBrowser, screenshot } from './harness/browser.js';
import { query, request } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { killAllPublishers, startPublisher } from './harness/publisher-client.js';
import { startS3, type S3Server } from './harness/s3.js';

const StoredFields = graphql(`
  fragment StoredFields on Recording {
    id
    state
    participantIdentity
    files {
      kind
      path
      sizeBytes
      storage
      storageError
      objectKey
      downloadPath
    }
    manifestDownloadPath
  }
`);

const RecordRoom = graphql(`
  mutation StorageRecord($roomName: String!) {
    startSession(input: { roomName: $roomName, record: true }) {
      id
    }
  }
`);

const StopRoom = graphql(`
  mutation StorageStop($roomName: String!) {
    stopRecording(roomName: $roomName) {
      ...StoredFields
    }
  }
`);

const EndRoom = graphql(`
  mutation StorageEnd($roomName: String!) {
    stopSession(roomName: $roomName) {
      id
    }
  }
`);

const RoomRecordings = graphql(`
  query StorageRecordings($roomName: String!) {
    recordings(roomName: $roomName, first: 10) {
      edges {
        node {
          ...StoredFields
        }
      }
    }
  }
`);

const DeleteStored = graphql(`
  mutation StorageDelete($id: ID!) {
    deleteRecording(id: $id) {
      id
    }
  }
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('recordings in object storage (a real S3-compatible server)', () => {
  let livekit: LiveKitServer;
  let s3: S3Server;
  let app: TestApp;
  let bucket: S3Client;
  let browser: Browser | undefined;

  const settings = (overrides: Partial<StorageSettings> = {}): StorageSettings => ({
    url: `s3://${s3.bucket}/haven`,
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    ...overrides,
  });
  const recordingsOf = async (target: TestApp, roomName: string) => (await query(target.url, RoomRecordings, { roomName })).recordings.edges.map((edge) => edge.node);
  const until = async <T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (check(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(value)}`);
      await sleep(200);
    }
  };
  const object = async (key: string) => Buffer.from(await (await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).Body!.transformToByteArray());
  const keysUnder = async (prefix: string) => ((await bucket.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((item) => item.Key!);
  /** Records a participant for a few seconds; the recording's files as they were on disk before any upload (the server frozen meanwhile). */
  const record = async (target: TestApp, room: string, options: { freeze?: boolean } = {}) => {
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'speaker' });
    await Promise.all([pub.publishVideo({ width: 640, height: 360, fps: 30 }), pub.publishAudio()]);
    await query(target.url, RecordRoom, { roomName: room });
    await until(() => recordingsOf(target, room), (list) => list.some((r) => r.state === 'RECORDING'), 'recording');
    await sleep(4_000);
    if (options.freeze) s3.freeze();
    const [recording] = (await query(target.url, StopRoom, { roomName: room })).stopRecording;
    await query(target.url, EndRoom, { roomName: room });
    await pub.disconnect();
    return recording;
  };

  beforeAll(async () => {
    livekit = await startLiveKit();
    s3 = await startS3();
    bucket = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
    app = await startApp({ livekit, storage: settings(), uploads: { retryBaseMs: 500, retryMaxMs: 2_000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    killAllPublishers();
    bucket?.destroy();
    await s3?.resume();
    await s3?.stop();
    await livekit?.stop();
  });

  it('uploads a finished recording: objects identical to the files, local copies gone, playable and seekable in Chromium through downloadPath', { timeout: 120_000 }, async () => {
    const room = 'stored-room';
    const recording = await record(app, room, { freeze: true });
    expect(recording.state).toBe('COMPLETE');
    // Frozen server: the files wait on disk, UPLOADING; their contents are noted before they go.
    const local = new Map(recording.files.map((file) => [file.path, sha256(readFileSync(file.path))]));
    const folder = dirname(recording.files[0].path);
    const manifestBefore = JSON.parse(readFileSync(`${folder}/manifest.json`, 'utf8')) as { recordingId: string };
    expect((await recordingsOf(app, room))[0].files.every((file) => file.storage === 'UPLOADING')).toBe(true);
    s3.resume();
    const [stored] = await until(() => recordingsOf(app, room), (list) => list[0]?.files.every((file) => file.storage === 'STORED'), 'every file STORED');
    for (const file of stored.files) {
      expect(file.objectKey).toMatch(/^haven\/[^/]+\/(video|audio|combined)\.(mp4|wav|webm)$/);
      expect(sha256(await object(file.objectKey!)), `${file.objectKey} holds the file's bytes`).toBe(local.get(file.path));
      expect(file.storageError).toBeNull();
    }
    // The manifest goes up last and lists the object keys; then the local copies go.
    await until(async () => existsSync(folder), (exists) => !exists, 'the local folder removed', 10_000);
    const manifest = JSON.parse((await object(`${dirname(stored.files[0].objectKey!)}/manifest.json`)).toString()) as { recordingId: string; files: { name: string; objectKey: string }[] };
    expect(manifest.recordingId).toBe(manifestBefore.recordingId);
    expect(manifest.files.map((file) => file.objectKey).sort()).toEqual(stored.files.map((file) => file.objectKey).sort());

    // downloadPath streams the object, Range passed on; a <video> on the page plays and seeks it.
    const combined = stored.files.find((file) => file.kind === 'COMBINED')!;
    const whole = await fetch(`${app.url}${combined.downloadPath}`);
    expect(whole.status).toBe(200);
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(local.get(combined.path));
    const ranged = await fetch(`${app.url}${combined.downloadPath}`, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    expect((await fetch(`${app.url}${stored.manifestDownloadPath}`)).status).toBe(200);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    const seek = await page.evaluate(async (src) => {
      const video = document.createElement('video');
      video.muted = true;
      video.src = src;
      document.body.append(video);
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('loadeddata', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(new Error(video.error?.message ?? 'error')), { once: true });
      });
      await video.play();
      const seeked = new Promise<void>((resolve) => video.addEventListener('seeked', () => resolve(), { once: true }));
      video.currentTime = 2;
      await seeked;
      return { duration: video.duration, currentTime: video.currentTime, readyState: video.readyState };
    }, combined.downloadPath);
    await screenshot(page, 'storage-playback');
    expect(seek.duration).toBeGreaterThan(3);
    expect(seek.currentTime).toBeGreaterThan(1.9);
    expect(seek.readyState).toBeGreaterThanOrEqual(2);

    // Deleting the recording deletes its objects.
    const prefix = dirname(stored.files[0].objectKey!);
    await query(app.url, DeleteStored, { id: stored.id });
    expect(await keysUnder(`${prefix}/`)).toEqual([]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(Number(/^haven_upload_bytes_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(100_000);
  });

  it('keeps the files while the storage server is down before and during an upload (UPLOAD_FAILED), and stores them once it is back', { timeout: 120_000 }, async () => {
    // During: the upload hangs on a frozen server, which is then killed.
    const during = await record(app, 'storage-cut-during', { freeze: true });
    const local = new Map(during.files.map((file) => [file.path, sha256(readFileSync(file.path))]));
    await sleep(1_000);
    await s3.kill();
    const failed = await until(() => recordingsOf(app, 'storage-cut-during'), (list) => list[0]?.files.some((file) => file.storage === 'UPLOAD_FAILED'), 'UPLOAD_FAILED after the cut');
    const reason = failed[0].files.find((file) => file.storage === 'UPLOAD_FAILED')!.storageError!;
    expect(reason.length).toBeGreaterThan(5);
    expect(reason).not.toContain(s3.secretAccessKey);
    for (const path of local.keys()) expect(existsSync(path), `${path} kept`).toBe(true);

    // Before: a recording that ends while the server is down.
    const before = await record(app, 'storage-cut-before');
    await until(() => recordingsOf(app, 'storage-cut-before'), (list) => list[0]?.files.every((file) => file.storage === 'UPLOAD_FAILED'), 'UPLOAD_FAILED while down');
    for (const file of before.files) expect(existsSync(file.path)).toBe(true);
    for (const file of before.files) local.set(file.path, sha256(readFileSync(file.path)));
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(Number(/^haven_uploads_pending (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(/^haven_upload_failures_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);

    // Back: both are stored within a retry (at most 2 s apart here), contents identical.
    await s3.restart();
    for (const room of ['storage-cut-during', 'storage-cut-before']) {
      const [stored] = await until(() => recordingsOf(app, room), (list) => list[0]?.files.every((file) => file.storage === 'STORED'), `${room} STORED once the server is back`, 20_000);
      for (const file of stored.files) expect(sha256(await object(file.objectKey!))).toBe(local.get(file.path));
    }
  });

  it('resumes uploads that were waiting when haven-live stopped', { timeout: 120_000 }, async () => {
    const first = await startApp({ livekit, storage: settings(), uploads: { retryBaseMs: 500, retryMaxMs: 2_000 } });
    const { dir, databasePath } = first;
    const recording = await record(first, 'storage-restart', { freeze: true });
    await first.stop();
    s3.resume();
    for (const file of recording.files) expect(existsSync(file.path)).toBe(true);
    const second = await startApp({ livekit, dir, databasePath, storage: settings(), uploads: { retryBaseMs: 500, retryMaxMs: 2_000 } });
    try {
      const [stored] = await until(() => recordingsOf(second, 'storage-restart'), (list) => list[0]?.files.every((file) => file.storage === 'STORED'), 'STORED after the restart');
      expect(stored.id).toBe(recording.id);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so in /healthz and on each file when the credentials are wrong, and deletes nothing', { timeout: 120_000 }, async () => {
    const wrong = await startApp({ livekit, storage: settings({ credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret-of-this-bucket-000' } }), uploads: { retryBaseMs: 500, retryMaxMs: 2_000 } });
    try {
      const health = (await (await fetch(`${wrong.url}/healthz`)).json()) as { ok: boolean; checks: { storage: { ok: boolean; reason: string } } };
      expect(health.ok).toBe(false);
      expect(health.checks.storage.ok).toBe(false);
      expect(health.checks.storage.reason).toMatch(/^object storage cannot be used: /);
      expect(JSON.stringify(health)).not.toContain('not-the-secret');
      const recording = await record(wrong, 'storage-wrong-key');
      const [refused] = await until(() => recordingsOf(wrong, 'storage-wrong-key'), (list) => list[0]?.files.every((file) => file.storage === 'UPLOAD_FAILED'), 'UPLOAD_FAILED with wrong credentials');
      for (const file of refused.files) {
        expect(file.storageError).toMatch(/HTTP 403|SignatureDoesNotMatch|AccessDenied|InvalidAccessKeyId/);
        expect(file.storageError).not.toContain('not-the-secret');
      }
      for (const file of recording.files) expect(existsSync(file.path)).toBe(true);
      expect((await request(wrong.url, RoomRecordings, { roomName: 'storage-wrong-key' })).errors).toBeUndefined();
    } finally {
      await wrong.close();
    }
    const okHealth = (await (await fetch(`${app.url}/healthz`)).json()) as { checks: { storage: { ok: boolean; configured: boolean } } };
    expect(okHealth.checks.storage).toMatchObject({ ok: true, configured: true });
  });
});

void StoredFields;
