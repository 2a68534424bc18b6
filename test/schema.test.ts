import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { schema } from '../src/schema/index.js';
import { printedSchema } from '../src/schema/print.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('committed schema and typed client', () => {
  it('schema.graphql matches the Pothos schema (run npm run schema:print)', () => {
    expect(read('schema.graphql')).toBe(printedSchema());
  });

  it('the generated typed documents match schema.graphql and the tests (run npm run codegen)', () => {
    const before = read('test/gql/graphql.ts');
    execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { stdio: 'pipe' });
    expect(read('test/gql/graphql.ts')).toBe(before);
  });

  it('has no output field that could carry the LiveKit API secret', () => {
    const config = schema.getType('Config') as GraphQLObjectType;
    expect(Object.keys(config.getFields())).not.toContain('livekitApiSecret');
    const sources = schema.getType('ConfigSources') as GraphQLObjectType;
    expect(String(sources.getFields().livekitApiSecret.type)).toBe('ConfigSource!');
  });
});
