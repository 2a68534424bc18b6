import type { ConfigKey, ConfigSource, PublicConfig } from '../services/config.js';
import { builder } from './builder.js';
import { RecordingModeEnum } from './recording-mode.js';

const ConfigSourceEnum = builder.enumType('ConfigSource', {
  description: 'Where a setting value comes from: saved with updateConfig, the environment, the built-in default, or nowhere.',
  values: ['DATABASE', 'ENVIRONMENT', 'DEFAULT', 'UNSET'] as const satisfies readonly ConfigSource[],
});

const ConfigSources = builder.objectRef<Record<ConfigKey, ConfigSource>>('ConfigSources').implement({
  fields: (t) => ({
    livekitUrl: t.expose('livekitUrl', { type: ConfigSourceEnum }),
    livekitApiKey: t.expose('livekitApiKey', { type: ConfigSourceEnum }),
    livekitApiSecret: t.expose('livekitApiSecret', { type: ConfigSourceEnum }),
    recordingDirectory: t.expose('recordingDirectory', { type: ConfigSourceEnum }),
  }),
});

const Config = builder.objectRef<PublicConfig>('Config').implement({
  description: 'Settings of this server. The LiveKit API secret is write-only: only whether it is set is shown.',
  fields: (t) => ({
    livekitUrl: t.exposeString('livekitUrl', { nullable: true }),
    livekitApiKey: t.exposeString('livekitApiKey', { nullable: true }),
    hasLivekitApiSecret: t.exposeBoolean('hasLivekitApiSecret'),
    recordingDirectory: t.exposeString('recordingDirectory'),
    sources: t.field({ type: ConfigSources, resolve: (config) => config.sources }),
    recordingMode: t.field({
      type: RecordingModeEnum,
      description: 'How a recording is made when its start names no mode (HAVEN_RECORDING_MODE)',
      resolve: (_config, _args, { services }) => services.recordings.defaultMode,
    }),
    passthroughAvailable: t.boolean({
      description: 'Whether PASSTHROUGH recording can be used: the media tap (tap/, Go) was built by npm install',
      resolve: (_config, _args, { services }) => services.recordings.passthrough.available,
    }),
    passthroughUnavailableReason: t.string({
      nullable: true,
      description: 'Why PASSTHROUGH cannot be used (null when it can)',
      resolve: (_config, _args, { services }) => (services.recordings.passthrough.available ? null : services.recordings.passthrough.reason),
    }),
  }),
});

const UpdateConfigInput = builder.inputType('UpdateConfigInput', {
  description: 'Fields left out stay as they are; null clears the saved value so that the environment or default applies.',
  fields: (t) => ({
    livekitUrl: t.string({ required: false, description: 'ws, wss, http or https URL of the LiveKit server' }),
    livekitApiKey: t.string({ required: false }),
    livekitApiSecret: t.string({ required: false, description: 'Write-only; never returned.' }),
    recordingDirectory: t.string({ required: false, description: 'Absolute, or starting with ~' }),
  }),
});

builder.queryField('config', (t) =>
  t.field({ type: Config, resolve: (_root, _args, { services }) => services.config.get() }),
);

builder.mutationField('updateConfig', (t) =>
  t.field({
    type: Config,
    description: 'Validates every field and saves all of them, or none (VALIDATION_FAILED naming the field).',
    args: { input: t.arg({ type: UpdateConfigInput, required: true }) },
    resolve: (_root, { input }, { services }) => services.config.update(input),
  }),
);
