import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFolder, WavWriter } from '../src/recording-files.js';
import { graphql } from './gql/index.js';
import { query, request } from './harness/graphql.js';
import { startApp, storedRows, type TestApp } from './harness/haven.js';

const ConfigQuery = graphql(`
  query Config {
    config {
      livekitUrl
      livekitApiKey
      hasLivekitApiSecret
      recordingDirectory
      sources {
        livekitUrl
        livekitApiKey
        livekitApiSecret
        recordingDirectory
      }
    }
  }
`);

const UpdateConfig = graphql(`
  mutation UpdateConfig($input: UpdateConfigInput!) {
    updateConfig(input: $input) {
      livekitUrl
      livekitApiKey
      hasLivekitApiSecret
      recordingDirectory
      sources {
        livekitUrl
        livekitApiKey
        livekitApiSecret
        recordingDirectory
      }
    }
  }
`);

// Operations outside the codegen'd documents (they need no typed result).
const Typename = parse('{ __typename }') as TypedDocumentNode<{ __typename: string }, Record<string, never>>;
const StartRecordedSession = parse('mutation ($roomName: String!) { startSession(input: { roomName: $roomName, record: true }) { id } }') as TypedDocumentNode<
  { startSession: { id: string } },
  { roomName: string }
>;

const SECRET = 'config-test-secret-that-must-never-be-echoed-0123456789';
const UNUSABLE = 'recordingDirectory: cannot be used as a recording directory (it must be a writable folder outside system folders)';
const mode = (path: string) => statSync(path).mode & 0o777;

describe('settings', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'haven-config-'));
    app = await startApp({
      dir,
      environmentConfig: { livekitUrl: 'ws://from-environment:7880', livekitApiKey: 'envkey' },
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports environment values and defaults with their sources', async () => {
    const { config } = await query(app.url, ConfigQuery);
    expect(config).toMatchObject({
      livekitUrl: 'ws://from-environment:7880',
      livekitApiKey: 'envkey',
      hasLivekitApiSecret: false,
      sources: { livekitUrl: 'ENVIRONMENT', livekitApiKey: 'ENVIRONMENT', livekitApiSecret: 'UNSET', recordingDirectory: 'ENVIRONMENT' },
    });
  });

  it('saves settings in the database, where they take precedence over the environment, and never returns the secret', async () => {
    const recordingDirectory = join(dir, 'new', 'recordings');
    const raw = await request(app.url, UpdateConfig, {
      input: { livekitUrl: 'wss://saved.example:443', livekitApiSecret: SECRET, recordingDirectory },
    });
    expect(raw.errors).toBeUndefined();
    expect(raw.data!.updateConfig).toMatchObject({
      livekitUrl: 'wss://saved.example:443',
      livekitApiKey: 'envkey',
      hasLivekitApiSecret: true,
      recordingDirectory,
      sources: { livekitUrl: 'DATABASE', livekitApiKey: 'ENVIRONMENT', livekitApiSecret: 'DATABASE', recordingDirectory: 'DATABASE' },
    });
    expect(existsSync(recordingDirectory)).toBe(true);
    expect(JSON.stringify(raw)).not.toContain(SECRET);
    expect(JSON.stringify(await request(app.url, ConfigQuery))).not.toContain(SECRET);

    // A restart on the same database keeps them.
    await app.stop();
    app = await startApp({ dir, environmentConfig: { livekitUrl: 'ws://from-environment:7880', livekitApiKey: 'envkey' } });
    const { config } = await query(app.url, ConfigQuery);
    expect(config.livekitUrl).toBe('wss://saved.example:443');
    expect(config.hasLivekitApiSecret).toBe(true);
    expect(await storedRows(app, "select value from settings where key = 'livekitUrl'")).toEqual([{ value: 'wss://saved.example:443' }]);

    // null clears the saved value: the environment's applies again.
    const cleared = await query(app.url, UpdateConfig, { input: { livekitUrl: null } });
    expect(cleared.updateConfig.livekitUrl).toBe('ws://from-environment:7880');
    expect(cleared.updateConfig.sources.livekitUrl).toBe('ENVIRONMENT');
  });

  const file = () => {
    const path = join(dir, 'a-file');
    writeFileSync(path, 'x');
    return path;
  };
  const invalid: [string, () => Record<string, string>, string][] = [
    ['livekitUrl', () => ({ livekitUrl: 'ftp://host' }), 'scheme'],
    ['livekitUrl', () => ({ livekitUrl: 'not a url' }), 'URL'],
    ['livekitUrl', () => ({ livekitUrl: 'ws://' }), ''],
    ['livekitUrl', () => ({ livekitUrl: `wss://${'a'.repeat(3000)}.example` }), 'at most'],
    ['livekitUrl', () => ({ livekitUrl: 'wss://someone:hunter2@saved.example' }), 'user name or password'],
    ['livekitUrl', () => ({ livekitUrl: 'wss://hunter2@saved.example' }), 'user name or password'],
    ['livekitUrl', () => ({ livekitUrl: 'wss://saved.example/#hunter2' }), 'fragment'],
    ['livekitApiKey', () => ({ livekitApiKey: '' }), 'empty'],
    ['livekitApiKey', () => ({ livekitApiKey: 'k'.repeat(300) }), 'at most'],
    ['livekitApiSecret', () => ({ livekitApiSecret: 's'.repeat(2000) }), 'at most'],
    ['recordingDirectory', () => ({ recordingDirectory: 'relative/path' }), 'absolute'],
    ['recordingDirectory', () => ({ recordingDirectory: '~root' }), 'absolute'],
    ['recordingDirectory', () => ({ recordingDirectory: '~../../tmp/x' }), 'absolute'],
    ['recordingDirectory', () => ({ recordingDirectory: join(file(), 'below-a-file') }), UNUSABLE],
  ];
  it.each(invalid)('rejects a bad %s with VALIDATION_FAILED and saves nothing', async (field, input, words) => {
    const before = await query(app.url, ConfigQuery);
    // A valid field beside the bad one must not be saved either.
    const raw = await request(app.url, UpdateConfig, { input: { livekitApiKey: 'would-be-saved', ...input() } });
    expect(raw.data).toBeNull();
    expect(raw.errors).toHaveLength(1);
    expect(raw.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(raw.errors![0].message).toContain(words);
    expect(JSON.stringify(raw)).not.toContain('hunter2');
    expect(await query(app.url, ConfigQuery)).toEqual(before);
  });

  // Each answer is the same whether the path exists or not, so that it tells nothing about the server.
  const forbidden: [string, () => string][] = [
    ['/', () => '/'],
    ['/etc', () => '/etc'],
    ['an existing file in /etc', () => '/etc/hostname'],
    ['a missing folder in /etc', () => '/etc/haven-config-test-missing/recordings'],
    ['/proc', () => '/proc'],
    ['/proc/1/nonexistent', () => '/proc/1/nonexistent'],
    ['/sys/kernel', () => '/sys/kernel'],
    ['/usr/lib', () => '/usr/lib'],
    ['/lib64 or another /lib*', () => '/lib-haven-config-test'],
    ['a .. path out of a temp folder into /etc', () => `${dir}/../../../../../../../etc/x`],
    [
      'a link to /etc',
      () => {
        const link = join(dir, 'link-to-etc');
        if (!existsSync(link)) symlinkSync('/etc', link);
        return join(link, 'recordings');
      },
    ],
    [
      'a link that points nowhere',
      () => {
        const link = join(dir, 'dangling-link');
        if (!existsSync(link)) symlinkSync('/etc/haven-config-test-missing', link);
        return join(link, 'recordings');
      },
    ],
    ['a path below a file', () => join(file(), 'x')],
  ];
  it.each(forbidden)('refuses %s as the recording directory, quickly, with one message, saving nothing', async (_what, path) => {
    const before = await query(app.url, ConfigQuery);
    const started = Date.now();
    const raw = await request(app.url, UpdateConfig, { input: { livekitApiKey: 'would-be-saved', recordingDirectory: path() } });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(raw.data).toBeNull();
    expect(raw.errors).toHaveLength(1);
    expect(raw.errors![0].message).toBe(UNUSABLE);
    expect(raw.errors![0].extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'recordingDirectory' });
    expect(await query(app.url, ConfigQuery)).toEqual(before);
    // A mkdir under /proc used to spin on the main thread for good: the server must still answer.
    expect(await query(app.url, Typename)).toEqual({ __typename: 'Query' });
    expect(existsSync('/etc/haven-config-test-missing')).toBe(false);
  });

  it('creates a new recording directory private to this user (0700)', async () => {
    const recordingDirectory = join(dir, 'private', 'recordings');
    const { updateConfig } = await query(app.url, UpdateConfig, { input: { recordingDirectory } });
    expect(updateConfig.recordingDirectory).toBe(recordingDirectory);
    expect(mode(join(dir, 'private'))).toBe(0o700);
    expect(mode(recordingDirectory)).toBe(0o700);
  });

  it('refuses a HAVEN_RECORDING_DIR in a system folder with RECORDING_FAILED at first use, without hanging', async () => {
    const badEnvironment = await startApp({ environmentConfig: { recordingDirectory: '/proc/1/nonexistent' } });
    try {
      const started = Date.now();
      const raw = await request(badEnvironment.url, StartRecordedSession, { roomName: 'never' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(raw.errors![0].extensions).toEqual({ code: 'RECORDING_FAILED', directory: '/proc/1/nonexistent' });
      expect(raw.errors![0].message).toContain('/proc/1/nonexistent');
      expect(raw.errors![0].message).not.toMatch(/E[A-Z]{3,}/);
      expect(await query(badEnvironment.url, Typename)).toEqual({ __typename: 'Query' });
    } finally {
      await badEnvironment.close();
    }
  });

  it('keeps the database (which holds the API secret) private: 0600 files, 0700 for a folder it creates', async () => {
    const databasePath = join(dir, 'db-home', 'nested', 'haven.db');
    const other = await startApp({ dir, databasePath, sqlite: true });
    try {
      await query(other.url, UpdateConfig, { input: { livekitApiSecret: SECRET } });
      expect(mode(join(dir, 'db-home'))).toBe(0o700);
      expect(mode(join(dir, 'db-home', 'nested'))).toBe(0o700);
      for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) expect([file, mode(file)]).toEqual([file, 0o600]);
    } finally {
      await other.stop();
    }
    // An existing folder is the owner's choice: only the files are tightened.
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    writeFileSync(join(shared, 'haven.db'), '', { mode: 0o644 });
    const inShared = await startApp({ dir, databasePath: join(shared, 'haven.db'), sqlite: true });
    try {
      expect(mode(shared)).toBe(0o755);
      expect(mode(join(shared, 'haven.db'))).toBe(0o600);
    } finally {
      await inShared.stop();
    }
  });

  it('makes recording folders 0700 and WAV files 0600', () => {
    const root = join(dir, 'recording-modes');
    mkdirSync(root, { mode: 0o700 });
    const folder = createRecordingFolder(root, 'a room', 'someone', new Date());
    expect(mode(join(folder, '..'))).toBe(0o700);
    expect(mode(folder)).toBe(0o700);
    const wav = new WavWriter(join(folder, 'audio.wav'), 48_000, 1);
    wav.close();
    expect(mode(wav.path)).toBe(0o600);
  });

  it('saves no other field when the recording directory cannot be created', async () => {
    const raw = await request(app.url, UpdateConfig, {
      input: { recordingDirectory: join(file(), 'x'), livekitUrl: 'ws://ok:7880' },
    });
    expect(raw.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    expect((await query(app.url, ConfigQuery)).config.livekitUrl).not.toBe('ws://ok:7880');
  });

  it('accepts a recording directory under ~', async () => {
    const name = `.haven-config-test-${process.pid}`;
    try {
      const { updateConfig } = await query(app.url, UpdateConfig, { input: { recordingDirectory: `~/${name}` } });
      expect(updateConfig.recordingDirectory).toBe(`~/${name}`);
      expect(existsSync(join(homedir(), name))).toBe(true);
    } finally {
      rmSync(join(homedir(), name), { recursive: true, force: true });
    }
  });
});
