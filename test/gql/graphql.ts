/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a setting value comes from: saved with updateConfig, the environment, the built-in default, or nowhere. */
export type ConfigSource =
  | 'DATABASE'
  | 'DEFAULT'
  | 'ENVIRONMENT'
  | 'UNSET';

/** Fields left out stay as they are; null clears the saved value so that the environment or default applies. */
export type UpdateConfigInput = {
  livekitApiKey?: string | null | undefined;
  /** Write-only; never returned. */
  livekitApiSecret?: string | null | undefined;
  /** ws, wss, http or https URL of the LiveKit server */
  livekitUrl?: string | null | undefined;
  /** Absolute, or starting with ~ */
  recordingDirectory?: string | null | undefined;
};

export type ConfigQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigQuery = { config: { livekitUrl: string | null, livekitApiKey: string | null, hasLivekitApiSecret: boolean, recordingDirectory: string, sources: { livekitUrl: ConfigSource, livekitApiKey: ConfigSource, livekitApiSecret: ConfigSource, recordingDirectory: ConfigSource } } };

export type UpdateConfigMutationVariables = Exact<{
  input: UpdateConfigInput;
}>;


export type UpdateConfigMutation = { updateConfig: { livekitUrl: string | null, livekitApiKey: string | null, hasLivekitApiSecret: boolean, recordingDirectory: string, sources: { livekitUrl: ConfigSource, livekitApiKey: ConfigSource, livekitApiSecret: ConfigSource, recordingDirectory: ConfigSource } } };


export const ConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"livekitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiKey"}},{"kind":"Field","name":{"kind":"Name","value":"hasLivekitApiSecret"}},{"kind":"Field","name":{"kind":"Name","value":"recordingDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"livekitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiKey"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiSecret"}},{"kind":"Field","name":{"kind":"Name","value":"recordingDirectory"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigQuery, ConfigQueryVariables>;
export const UpdateConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"livekitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiKey"}},{"kind":"Field","name":{"kind":"Name","value":"hasLivekitApiSecret"}},{"kind":"Field","name":{"kind":"Name","value":"recordingDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"livekitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiKey"}},{"kind":"Field","name":{"kind":"Name","value":"livekitApiSecret"}},{"kind":"Field","name":{"kind":"Name","value":"recordingDirectory"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateConfigMutation, UpdateConfigMutationVariables>;