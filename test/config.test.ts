import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { query, request } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';

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

const SECRET = 'config-test-secret-that-must-never-be-echoed-0123456789';

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

  it('saves settings in SQLite, where they take precedence over the environment, and never returns the secret', async () => {
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

    // A restart on the same SQLite file keeps them.
    await app.stop();
    app = await startApp({ dir, environmentConfig: { livekitUrl: 'ws://from-environment:7880', livekitApiKey: 'envkey' } });
    const { config } = await query(app.url, ConfigQuery);
    expect(config.livekitUrl).toBe('wss://saved.example:443');
    expect(config.hasLivekitApiSecret).toBe(true);
    expect(readFileSync(join(dir, 'haven.db')).includes(Buffer.from('saved.example'))).toBe(true);

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
    ['livekitApiKey', () => ({ livekitApiKey: '' }), 'empty'],
    ['livekitApiKey', () => ({ livekitApiKey: 'k'.repeat(300) }), 'at most'],
    ['livekitApiSecret', () => ({ livekitApiSecret: 's'.repeat(2000) }), 'at most'],
    ['recordingDirectory', () => ({ recordingDirectory: 'relative/path' }), 'absolute'],
    ['recordingDirectory', () => ({ recordingDirectory: join(file(), 'below-a-file') }), 'cannot be created'],
  ];
  it.each(invalid)('rejects a bad %s with VALIDATION_FAILED and saves nothing', async (field, input, words) => {
    const before = await query(app.url, ConfigQuery);
    // A valid field beside the bad one must not be saved either.
    const raw = await request(app.url, UpdateConfig, { input: { livekitApiKey: 'would-be-saved', ...input() } });
    expect(raw.data).toBeNull();
    expect(raw.errors).toHaveLength(1);
    expect(raw.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(raw.errors![0].message).toContain(words);
    expect(await query(app.url, ConfigQuery)).toEqual(before);
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
