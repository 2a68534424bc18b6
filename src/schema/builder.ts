import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver } from 'graphql-scalars';
import type { AccessPolicy } from '../access.js';
import type { Services } from '../services/index.js';

export interface Context {
  services: Services;
  access: AccessPolicy;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Base64: { Input: Buffer; Output: Buffer | Uint8Array };
    BigInt: { Input: bigint; Output: number | bigint };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.addScalarType('DateTime', DateTimeResolver);

builder.scalarType('Base64', {
  description: 'Binary data as a base64 string (RFC 4648, with padding)',
  serialize: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
  parseValue: (value) => Buffer.from(String(value), 'base64'),
});

builder.scalarType('BigInt', {
  description: 'A 64-bit integer as a decimal string, safe beyond 2^53',
  serialize: (value) => BigInt(value).toString(),
  parseValue: (value) => BigInt(String(value)),
});
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
