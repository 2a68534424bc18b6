import { homedir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost, type AccessSettings } from './access.js';
import { isPostgresUrl } from './db/client.js';
import { parseStorageUrl, type StorageSettings } from './object-storage.js';
import { RECORDING_MODES, type RecordingMode } from './services/recording-model.js';

/** Process settings read once from the environment. */
export interface ProcessSettings {
  port: number;
  host: string;
  databasePath: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** HAVEN_INSTANCE_ID and HAVEN_LEASE_SEC. */
  instance: { id?: string; leaseSec?: number };
  /** Settings that the environment supplies; values saved with updateConfig take precedence. */
  environmentConfig: EnvironmentConfig;
  access: AccessSettings;
  maxSessions: number | undefined;
  maxEncoders: number | undefined;
  minFreeMb: number | undefined;
  reconcileSec: number | undefined;
  /** Object storage for finished recordings (HAVEN_STORAGE_URL and the rest); undefined: local disk only. */
  storage: StorageSettings | undefined;
  uploads: number | undefined;
  uploadMegabytesPerSec: number | undefined;
  /** How recordings are made unless a start says otherwise (HAVEN_RECORDING_MODE); undefined: PASSTHROUGH when the tap is built, else TRANSCODE. */
  recordingMode: RecordingMode | undefined;
}

export interface EnvironmentConfig {
  livekitUrl?: string;
  livekitApiKey?: string;
  livekitApiSecret?: string;
  recordingDirectory?: string;
}

export const DEFAULT_RECORDING_DIRECTORY = '~/.haven-player/recordings';

export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function readProcessSettings(env: NodeJS.ProcessEnv): ProcessSettings {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  }
  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  const apiToken = nonEmpty(env.HAVEN_API_TOKEN);
  if (!isLoopbackHost(host) && !apiToken) {
    throw new Error(
      `HOST=${host} makes haven-live reachable from other machines, and it holds LiveKit credentials: set HAVEN_API_TOKEN (a long random string) or listen on 127.0.0.1`,
    );
  }
  if (apiToken !== undefined && apiToken.length < 16) throw new Error('HAVEN_API_TOKEN must be at least 16 characters');
  const list = (value: string | undefined) => (nonEmpty(value) ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return {
    port,
    host,
    access: {
      apiToken,
      allowedOrigins: list(env.HAVEN_ALLOWED_ORIGINS),
      allowedHosts: list(env.HAVEN_ALLOWED_HOSTS),
      listenHost: host,
      maxBodyBytes: positive(env, 'HAVEN_MAX_BODY_BYTES'),
    },
    maxSessions: positive(env, 'HAVEN_MAX_SESSIONS'),
    maxEncoders: positive(env, 'HAVEN_MAX_ENCODERS'),
    minFreeMb: positive(env, 'HAVEN_MIN_FREE_MB'),
    reconcileSec: positive(env, 'HAVEN_RECONCILE_SEC'),
    storage: storageSettings(env),
    uploads: positive(env, 'HAVEN_UPLOADS'),
    uploadMegabytesPerSec: nonNegative(env, 'HAVEN_UPLOAD_MBPS'),
    recordingMode: recordingMode(env),
    databasePath: expandHome(nonEmpty(env.HAVEN_DB) ?? '~/.haven-player/haven.db'),
    databaseUrl: databaseUrl(env),
    instance: { id: instanceId(env), leaseSec: positive(env, 'HAVEN_LEASE_SEC') },
    environmentConfig: {
      livekitUrl: nonEmpty(env.LIVEKIT_URL),
      livekitApiKey: nonEmpty(env.LIVEKIT_API_KEY),
      livekitApiSecret: nonEmpty(env.LIVEKIT_API_SECRET),
      recordingDirectory: nonEmpty(env.HAVEN_RECORDING_DIR),
    },
  };
}

function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = nonEmpty(env.DATABASE_URL);
  if (url !== undefined && !isPostgresUrl(url)) {
    throw new Error('DATABASE_URL must be a postgres:// URL (postgres://user:password@host:5432/database); leave it unset for the SQLite file at HAVEN_DB');
  }
  return url;
}

function instanceId(env: NodeJS.ProcessEnv): string | undefined {
  const id = nonEmpty(env.HAVEN_INSTANCE_ID);
  if (id !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new Error('HAVEN_INSTANCE_ID must be 1 to 64 letters, digits, dots, dashes or underscores');
  return id;
}

function storageSettings(env: NodeJS.ProcessEnv): StorageSettings | undefined {
  const url = nonEmpty(env.HAVEN_STORAGE_URL);
  if (!url) return undefined;
  parseStorageUrl(url);
  const endpoint = nonEmpty(env.HAVEN_S3_ENDPOINT);
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new Error(`HAVEN_S3_ENDPOINT must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  const pathStyle = nonEmpty(env.HAVEN_S3_FORCE_PATH_STYLE);
  if (pathStyle && !['true', 'false', '1', '0'].includes(pathStyle)) throw new Error('HAVEN_S3_FORCE_PATH_STYLE must be true or false');
  // Credentials: the AWS SDK's own chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles).
  return { url, endpoint, region: nonEmpty(env.HAVEN_S3_REGION), forcePathStyle: pathStyle === undefined ? undefined : pathStyle === 'true' || pathStyle === '1' };
}

function recordingMode(env: NodeJS.ProcessEnv): RecordingMode | undefined {
  const raw = nonEmpty(env.HAVEN_RECORDING_MODE);
  if (raw === undefined) return undefined;
  const mode = RECORDING_MODES.find((known) => known === raw.trim().toUpperCase());
  if (!mode) throw new Error(`HAVEN_RECORDING_MODE must be ${RECORDING_MODES.join(' or ')}, got ${JSON.stringify(raw)}`);
  return mode;
}

function nonNegative(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, 0 or more, got ${JSON.stringify(raw)}`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return value;
}
