import type { Storage } from '../db/client.js';
import { DEFAULT_RECORDING_DIRECTORY, expandHome, type EnvironmentConfig } from '../env.js';
import { HavenError, validationFailed } from '../errors.js';
import { expandRecordingDirectory, prepareRecordingDirectory } from '../recording-directory.js';
import { ConfigStore } from './config-store.js';

export type ConfigKey = 'livekitUrl' | 'livekitApiKey' | 'livekitApiSecret' | 'recordingDirectory';
export type ConfigSource = 'ENVIRONMENT' | 'DATABASE' | 'DEFAULT' | 'UNSET';

/** The PostgreSQL channel an instance notifies when it changed the settings or the watch rules (the others read them again). */
export const SETTINGS_CHANNEL = 'haven_settings';

const KEYS: readonly ConfigKey[] = ['livekitUrl', 'livekitApiKey', 'livekitApiSecret', 'recordingDirectory'];
const MAX_LENGTH: Record<ConfigKey, number> = {
  livekitUrl: 2048,
  livekitApiKey: 256,
  livekitApiSecret: 1024,
  recordingDirectory: 1024,
};
const ENVIRONMENT_NAME: Record<ConfigKey, string> = {
  livekitUrl: 'LIVEKIT_URL',
  livekitApiKey: 'LIVEKIT_API_KEY',
  livekitApiSecret: 'LIVEKIT_API_SECRET',
  recordingDirectory: 'HAVEN_RECORDING_DIR',
};

/** What a client may see of the settings: the secret only as "is set". */
export interface PublicConfig {
  livekitUrl: string | null;
  livekitApiKey: string | null;
  hasLivekitApiSecret: boolean;
  recordingDirectory: string;
  sources: Record<ConfigKey, ConfigSource>;
}

export interface LiveKitCredentials {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** Absent fields stay as they are; null clears the saved value (the environment's applies again). */
export type ConfigUpdate = Partial<Record<ConfigKey, string | null>>;

export class ConfigService {
  private readonly store: ConfigStore;
  /** The saved values, read at start and kept with every update. */
  private saved = new Map<string, string>();

  constructor(
    private readonly storage: Storage,
    private readonly environment: EnvironmentConfig,
  ) {
    this.store = new ConfigStore(storage);
  }

  /** Reads the saved values (at start, after the migrations). */
  async load(): Promise<void> {
    this.saved = await this.store.all();
  }

  private resolve(key: ConfigKey): { value: string | undefined; source: ConfigSource } {
    const saved = this.saved.get(key);
    if (saved !== undefined) return { value: saved, source: 'DATABASE' };
    const fromEnvironment = this.environment[key];
    if (fromEnvironment !== undefined) return { value: fromEnvironment, source: 'ENVIRONMENT' };
    if (key === 'recordingDirectory') return { value: DEFAULT_RECORDING_DIRECTORY, source: 'DEFAULT' };
    return { value: undefined, source: 'UNSET' };
  }

  get(): PublicConfig {
    const resolved = Object.fromEntries(KEYS.map((key) => [key, this.resolve(key)])) as Record<
      ConfigKey,
      { value: string | undefined; source: ConfigSource }
    >;
    return {
      livekitUrl: resolved.livekitUrl.value ?? null,
      livekitApiKey: resolved.livekitApiKey.value ?? null,
      hasLivekitApiSecret: resolved.livekitApiSecret.value !== undefined,
      recordingDirectory: resolved.recordingDirectory.value!,
      sources: Object.fromEntries(KEYS.map((key) => [key, resolved[key].source])) as Record<ConfigKey, ConfigSource>,
    };
  }

  /** The recording directory with `~` expanded. */
  recordingDirectory(): string {
    return expandHome(this.resolve('recordingDirectory').value!);
  }

  /** Credentials for joining rooms, or NOT_CONFIGURED naming what is missing. */
  livekitCredentials(): LiveKitCredentials {
    const url = this.resolve('livekitUrl').value;
    const apiKey = this.resolve('livekitApiKey').value;
    const apiSecret = this.resolve('livekitApiSecret').value;
    const missing = (['livekitUrl', 'livekitApiKey', 'livekitApiSecret'] as const).filter(
      (key) => this.resolve(key).value === undefined,
    );
    if (url === undefined || apiKey === undefined || apiSecret === undefined) {
      const how = missing.map((key) => `${ENVIRONMENT_NAME[key]}`).join(', ');
      throw new HavenError(
        'NOT_CONFIGURED',
        `LiveKit is not configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
          `Set ${how} or call updateConfig.`,
        { missing },
      );
    }
    return { url, apiKey, apiSecret };
  }

  /** Validates every field first (creating the recording directory) and saves all of them or none. */
  async update(update: ConfigUpdate): Promise<PublicConfig> {
    const changes = KEYS.filter((key) => update[key] !== undefined).map((key) => ({
      key,
      value: update[key] === null ? null : normalize(key, update[key]!),
    }));
    const directory = changes.find((change) => change.key === 'recordingDirectory' && change.value !== null);
    // What the user wrote is saved (`~/x` stays portable); where it leads is what is checked.
    if (directory) {
      try {
        await prepareRecordingDirectory(directory.value!);
      } catch {
        throw unusableDirectory();
      }
    }
    await this.store.save(changes);
    for (const { key, value } of changes) {
      if (value === null) this.saved.delete(key);
      else this.saved.set(key, value);
    }
    // Other instances on the database read them again.
    void this.storage.notify(SETTINGS_CHANNEL).catch(() => undefined);
    return this.get();
  }
}

function normalize(key: ConfigKey, raw: string): string {
  const value = key === 'livekitApiSecret' ? raw : raw.trim();
  if (value.length === 0) throw validationFailed(key, 'must not be empty (pass null to clear the saved value)');
  if (value.length > MAX_LENGTH[key]) throw validationFailed(key, `must be at most ${MAX_LENGTH[key]} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw validationFailed(key, 'must not contain control characters');
  if (key === 'livekitUrl') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw validationFailed(key, 'must be a URL such as wss://my-project.livekit.cloud or ws://127.0.0.1:7880');
    }
    if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
      throw validationFailed(key, `scheme must be ws, wss, http or https, not ${url.protocol.replace(':', '')}`);
    }
    if (url.hostname === '') throw validationFailed(key, 'must name a host');
    // Credentials belong in livekitApiKey/livekitApiSecret: a URL is shown to every client.
    if (url.username !== '' || url.password !== '') throw validationFailed(key, 'must not contain a user name or password');
    if (url.hash !== '' || value.includes('#')) throw validationFailed(key, 'must not have a fragment (#...)');
  }
  if (key === 'recordingDirectory') {
    try {
      expandRecordingDirectory(value);
    } catch {
      throw validationFailed(key, 'must be an absolute path, ~ or a path under ~/');
    }
  }
  return value;
}

/** The same answer for every reason, so that it tells nothing about what exists on the server. */
function unusableDirectory(): HavenError {
  return validationFailed('recordingDirectory', 'cannot be used as a recording directory (it must be a writable folder outside system folders)');
}
