import type { CodegenConfig } from '@graphql-codegen/cli';

const clientPreset = {
  preset: 'client',
  config: { scalars: { DateTime: 'string', Base64: 'string', BigInt: 'string' }, enumsAsTypes: true, useTypeImports: true },
  presetConfig: { fragmentMasking: false },
} as const;

// Typed documents for the tests and for the live view page, from the committed schema.graphql.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'test/gql/': { ...clientPreset, documents: ['test/**/*.ts', '!test/gql/**'] },
    'web/src/gql/': { ...clientPreset, documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'] },
  },
};

export default config;
