import { homedir } from 'node:os';
import { join } from 'node:path';

/** Process settings read once from the environment. */
export interface ProcessSettings {
  port: number;
  host: string;
  databasePath: string;
  /** Settings that the environment supplies; values saved with updateConfig take precedence. */
  environmentConfig: EnvironmentConfig;
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
  return {
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databasePath: expandHome(nonEmpty(env.HAVEN_DB) ?? '~/.haven-player/haven.db'),
    environmentConfig: {
      livekitUrl: nonEmpty(env.LIVEKIT_URL),
      livekitApiKey: nonEmpty(env.LIVEKIT_API_KEY),
      livekitApiSecret: nonEmpty(env.LIVEKIT_API_SECRET),
      recordingDirectory: nonEmpty(env.HAVEN_RECORDING_DIR),
    },
  };
}
