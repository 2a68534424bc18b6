/**
 * Property-based hostility test: every argument of every query, mutation and subscription in the
 * committed schema.graphql gets generated values (right-typed and hostile) over HTTP and over
 * graphql-ws, against the real server in this process. A new field is covered without editing
 * this file: the operations are derived from the schema when the file loads.
 *
 * What must hold for every answer: no 5xx, a GraphQL body, every error carries a typed code, nothing
 * leaks (the LiveKit secret, stack traces, absolute paths the request did not send), and the server
 * keeps answering. Set FC_SEED / FC_RUNS to replay or widen a run.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { dispose } from '@livekit/rtc-node';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';

// ---------------------------------------------------------------------------------------------
// The codes a client may see. Anything else (INTERNAL_SERVER_ERROR, no code at all) is a failure.

/** HavenError codes (src/errors.ts), listed here so that a new code is a deliberate change. */
const HAVEN_CODES = [
  'VALIDATION_FAILED',
  'NOT_CONFIGURED',
  'ROOM_CONNECT_FAILED',
  'SESSION_NOT_FOUND',
  'TRACK_NOT_FOUND',
  'NO_VIDEO',
  'RECORDING_FAILED',
  'RECORDING_NOT_FOUND',
  'RULE_NOT_FOUND',
  'LIVEKIT_UNAVAILABLE',
  'ENCODER_FAILED',
  'SESSION_ENDED',
  'STORAGE_FAILED',
  'LIMIT_EXCEEDED',
];
/** Refusals before GraphQL (src/access.ts). */
const ACCESS_CODES = ['HOST_NOT_ALLOWED', 'ORIGIN_NOT_ALLOWED', 'UNSUPPORTED_MEDIA_TYPE', 'LENGTH_REQUIRED', 'UNAUTHENTICATED'];
/** GraphQL's and yoga's own. */
const GRAPHQL_CODES = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT'];
const TYPED_CODES = new Set([...HAVEN_CODES, ...ACCESS_CODES, ...GRAPHQL_CODES]);

const SECRET = `props-secret-${randomUUID()}`;
const SEED = Number(process.env.FC_SEED ?? 424242);
const RUNS = Number(process.env.FC_RUNS ?? 40);
const SUBSCRIPTION_RUNS = Math.max(1, Math.round(RUNS * 0.6));
/** How long a subscription may stay silent before it is completed from this side. */
const FIRST_MESSAGE_MS = 1_500;
const PING_LIMIT_MS = 100;

// ---------------------------------------------------------------------------------------------
// Operations, from the committed schema.

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

type Kind = 'query' | 'mutation' | 'subscription';
interface Operation {
  kind: Kind;
  field: GraphQLField<unknown, unknown>;
}

const operations: Operation[] = (
  [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const
).flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind: kind as Kind, field })));

/** Every leaf field (with no required argument) of the type, objects followed `depth` levels down. */
function selection(type: GraphQLOutputType, depth = 3): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || depth === 0) return '{ __typename }';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selection(field.type, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

// ---------------------------------------------------------------------------------------------
// Values. Two wrappers let one value be sent both as JSON variables and as an inline literal.

/** JSON text sent verbatim (1e999, -0, 30-digit integers, very deep nesting). */
class Raw {
  constructor(readonly text: string) {}
}
/** An enum value: a string in JSON, a bare name inline. */
class EnumName {
  constructor(readonly name: string) {}
}

function toJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Raw) return value.text;
  if (value instanceof EnumName) return JSON.stringify(value.name);
  if (Array.isArray(value)) return `[${value.map((item) => toJson(item) ?? 'null').join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const json = toJson(item);
      return json === undefined ? [] : [`${JSON.stringify(key)}:${json}`];
    });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function toLiteral(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof EnumName) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  const entries = Object.entries(value as object)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(key) ? key : JSON.stringify(key)}: ${toLiteral(item)}`);
  return `{ ${entries.join(', ')} }`;
}

/** Every string inside a value: what the server may legitimately echo back. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value instanceof Raw) into.push(value.text);
  else if (value instanceof EnumName) into.push(value.name);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsIn(item, into);
    }
  return into;
}

let scratch = ''; // a folder inside the test's temp dir; the only absolute paths generated at random

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x7fffffff',
  '-0',
  'null',
  'undefined',
  'true',
  '../../etc/passwd',
  '..',
  '.',
  '/proc/1/nonexistent',
  '/proc/self/environ',
  '/etc/passwd',
  '/dev/null',
  '/',
  '//',
  '/sys/kernel',
  '/root/../etc',
  '~root',
  '~',
  '~../etc',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/plain;base64,aGk=',
  'ftp://127.0.0.1:9/',
  'gopher://127.0.0.1:9/_',
  'unix:/var/run/docker.sock',
  'ws://user:pass@127.0.0.1:9',
  'wss://127.0.0.1:9/#fragment',
  'http://[::1]:9',
  'ws://127.0.0.1:9',
  'ws://',
  '\u0000',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  '\r\n\r\nX-Injected: 1',
  '\u007f',
  '\u0085',
  '\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  '\uffff\ufffe',
  '\ufeff',
  '\u202eevil',
  'e\u0301\u0301\u0301\u0301',
  '\u200b',
  '😀👩‍👩‍👧‍👦',
  'ｒｏｏｍ',
  '名前',
  "'; DROP TABLE sessions; --",
  '" OR 1=1 --',
  '${process.env.LIVEKIT_API_SECRET}',
  '{{7*7}}',
  '%s%s%s%n',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
];

const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  1e-300,
  new Raw('-0'),
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('123456789012345678901234567890'),
  true,
  false,
  [],
  [null],
  ['a', 1, null],
  {},
  { a: { b: { c: [1, { d: null }] } } },
  new Raw('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  new Raw(`${'['.repeat(2_000)}${']'.repeat(2_000)}`),
  new Raw(`[${Array.from({ length: 5_000 }, (_, i) => i).join(',')}]`),
  new EnumName('NOT_A_VALUE'),
];

/** Random text; one that would name an absolute path or a home folder is moved off it. */
const safeText = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((text) => (/^\s*[/~]/.test(text) ? `x${text}` : text));

const stringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: safeText(fc.string({ maxLength: 40 })) },
  { weight: 2, arbitrary: safeText(fc.string({ unit: 'grapheme', maxLength: 40 })) },
  { weight: 2, arbitrary: safeText(fc.string({ unit: 'binary', maxLength: 40 })) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(safeText(fc.string({ minLength: 1, maxLength: 8 })), fc.integer({ min: 200, max: 100_000 }))
      .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  },
  // Just under and over the limits a field may have.
  { weight: 1, arbitrary: fc.constantFrom(128, 129, 256, 257, 1024, 1025, 2048, 2049, 100_000).map((length) => 'a'.repeat(length)) },
  // Absolute paths inside the temp dir, the only ones that may really be created.
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}$/).map((name) => join(scratch, name)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,12}$/).map((name) => `${scratch}/${name}/../${name}-2`) },
);

const intArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 100, 101, 7680, 7681, 48_000),
);

function typedArb(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  const nullable = !isNonNullType(type);
  const core = coreArb(inner, depth);
  return nullable ? fc.oneof({ weight: 4, arbitrary: core }, { weight: 1, arbitrary: fc.constant(null) }) : core;
}

function coreArb(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(valueArb(type.ofType, depth + 1), { maxLength: 4 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => new EnumName(value.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((field) => [field.name, valueArb(field.type, depth + 1)]));
    const required = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    const record = fc.record(shape, { requiredKeys: required });
    // Unknown fields and objects nested where a scalar is expected.
    return fc.oneof(
      { weight: 4, arbitrary: record },
      { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })) },
    );
  }
  switch ((type as { name: string }).name) {
    case 'Int':
      return intArb;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), intArb);
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.oneof(stringArb, fc.integer({ min: -1, max: 2 ** 31 }), fc.uuid());
    default:
      return stringArb; // String and custom scalars
  }
}

/** Right-typed most of the time; otherwise anything at all. */
function valueArb(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_VALUES),
    fc.constantFrom(...HOSTILE_STRINGS),
    stringArb,
    intArb,
    fc.jsonValue({ maxDepth: 3 }),
  );
  if (depth > 3) return hostile;
  return fc.oneof({ weight: 3, arbitrary: typedArb(type, depth) }, { weight: 2, arbitrary: hostile });
}

interface Call {
  args: Record<string, unknown>;
  /** Arguments written into the document instead of sent as variables. */
  inline: boolean;
}

function callArb(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Call> {
  const shape = Object.fromEntries(field.args.map((arg) => [arg.name, valueArb(arg.type)]));
  // Required arguments are left out sometimes too: "missing" is one more hostile value.
  return fc.record({ args: fc.record(shape, { requiredKeys: [] }), inline: fc.boolean() });
}

function documentFor(op: Operation, call: Call): { query: string; variables: string } {
  const args = op.field.args.filter((arg: GraphQLArgument) => call.args[arg.name] !== undefined || isNonNullType(arg.type));
  const used = call.inline ? [] : args;
  const definitions = used.length ? `(${used.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const argText = args.length
    ? `(${args.map((arg) => `${arg.name}: ${call.inline ? toLiteral(call.args[arg.name]) : `$${arg.name}`}`).join(', ')})`
    : '';
  const query = `${op.kind} Props${definitions} { ${op.field.name}${argText} ${selection(op.field.type)} }`;
  const variables = call.inline ? '{}' : (toJson(Object.fromEntries(used.map((arg) => [arg.name, call.args[arg.name]]))) ?? '{}');
  return { query, variables };
}

// ---------------------------------------------------------------------------------------------
// What the server answered, and what must hold for it.

interface Answer {
  transport: 'http' | 'ws';
  status?: number;
  text: string;
  body?: unknown;
  problems: string[];
}

// Each starts with a fixed text, so that a 100 KB answer is scanned in linear time.
const STACK_PATTERNS = [/\n\s*at [^\n]{1,200}/, /\.(?:[cm]?[jt]s|node):\d+:\d+/, /node_modules/, /file:\/\/\//, /\(node:internal/];
const PATH_PATTERN = /(?<![\w.~:/\\%@+-])\/[\w.@+-]+(?:\/[\w.@+-]*)*/g;

function allStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, into);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) allStrings(item, allStrings(key, into));
  return into;
}

function sentContains(sent: string[], piece: string): boolean {
  return sent.some((text) => text.includes(piece));
}

/** Problems with the text of an answer and with each of its GraphQL errors. */
function leaks(text: string, strings: string[], sent: string[], recordingDirectory: string): string[] {
  const problems: string[] = [];
  if (text.includes(SECRET)) problems.push('the LiveKit API secret is in the answer');
  for (const value of strings) {
    for (const pattern of STACK_PATTERNS) {
      const match = pattern.exec(value);
      if (match && !sentContains(sent, match[0].trim())) problems.push(`stack trace or source location: ${JSON.stringify(value.slice(0, 300))}`);
    }
    for (const match of value.matchAll(PATH_PATTERN)) {
      const path = match[0];
      const normalized = resolvePath(path);
      if (normalized === recordingDirectory || normalized.startsWith(`${recordingDirectory}/`)) continue;
      if (sentContains(sent, path)) continue;
      problems.push(`absolute path ${JSON.stringify(path)} that the request did not send, in ${JSON.stringify(value.slice(0, 300))}`);
    }
    const jwt = /eyJ[\w-]{8,}\.[\w-]+\.[\w-]+/.exec(value);
    if (jwt && !sentContains(sent, jwt[0])) problems.push('a token (JWT) is in the answer');
  }
  return problems;
}

/** Per operation, how often each outcome came back: shows that the values reached the resolvers. */
const outcomes = new Map<string, Map<string, number>>();

function tally(operation: string, body: unknown): void {
  const errors = Array.isArray(body) ? body : (body as { errors?: unknown } | undefined)?.errors;
  const codes = Array.isArray(errors)
    ? errors.map((error: { extensions?: { code?: unknown } }) => String(error?.extensions?.code ?? 'no code'))
    : [body === undefined ? 'no answer' : 'data'];
  const counts = outcomes.get(operation) ?? new Map<string, number>();
  for (const code of new Set(codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  outcomes.set(operation, counts);
}

function errorProblems(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [`errors is not a list: ${JSON.stringify(errors)?.slice(0, 300)}`];
  const problems: string[] = [];
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    const code = error?.extensions?.code;
    if (typeof code !== 'string' || !TYPED_CODES.has(code) || error.message === 'Unexpected error.') {
      problems.push(`untyped error: code ${JSON.stringify(code)}, message ${JSON.stringify(String(error?.message).slice(0, 300))}`);
    }
  }
  return problems;
}

function bodyProblems(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['the body is not a JSON object'];
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (data === undefined && errors === undefined) return ['the body has neither data nor errors'];
  return errors === undefined ? [] : errorProblems(errors);
}

async function sendHttp(baseUrl: string, kind: Kind, query: string, variables: string): Promise<Answer> {
  // A subscription over HTTP is a server-sent event stream: read its first event, then hang up.
  const streaming = kind === 'subscription';
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), streaming ? FIRST_MESSAGE_MS : 20_000);
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: streaming ? 'text/event-stream' : 'application/graphql-response+json, application/json',
      },
      body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
      signal: abort.signal,
    });
    const problems: string[] = [];
    if (response.status !== 200 && (response.status < 400 || response.status > 499)) problems.push(`HTTP status ${response.status}`);
    let text: string;
    if (streaming && (response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      const event = await firstEvent(response.body!);
      if (event === undefined) return { transport: 'http', status: response.status, text: '', problems }; // nothing within the bound
      text = event;
    } else {
      text = await response.text();
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
      problems.push(...bodyProblems(body));
    } catch {
      problems.push(`the body is not JSON: ${JSON.stringify(text.slice(0, 300))}`);
    }
    return { transport: 'http', status: response.status, text, body, problems };
  } catch (error) {
    if (streaming && abort.signal.aborted) return { transport: 'http', text: '', problems: [] };
    return { transport: 'http', text: String(error), problems: [`the request failed: ${String(error)}`] };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** The data of the first `next` event of a server-sent event stream, or undefined if it completed or ended first. */
async function firstEvent(stream: ReadableStream<Uint8Array>): Promise<string | undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return undefined;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const lines = buffered.slice(0, end).split('\n');
      buffered = buffered.slice(end + 2);
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      if (event === 'next') return data;
      if (event === 'complete') return undefined;
    }
  }
}

/** Subscribes, takes the first message, error or completion (or nothing within the bound), then completes. */
function sendWs(client: Client, query: string, variables: string): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<Answer, 'transport'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      resolve({ transport: 'ws', ...answer });
    };
    const timer = setTimeout(() => finish({ text: '', problems: [] }), FIRST_MESSAGE_MS);
    const unsubscribe = client.subscribe(
      { query, variables: JSON.parse(variables) as Record<string, unknown> },
      {
        next: (result) => finish({ text: JSON.stringify(result), body: result, problems: bodyProblems(result) }),
        error: (error) => {
          if (Array.isArray(error)) return finish({ text: JSON.stringify(error), body: error, problems: errorProblems(error) });
          const closed = error as { code?: unknown; reason?: unknown };
          const text = error instanceof Error ? error.message : JSON.stringify({ code: closed?.code, reason: closed?.reason });
          finish({ text, body: text, problems: [`the connection failed instead of a typed error: ${text}`] });
        },
        complete: () => finish({ text: '', problems: [] }),
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------

describe('every argument of every operation, hostile values', () => {
  let app: TestApp;
  let recordingDirectory: string;
  let worstPingMs = 0;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    app = await startApp({
      environmentConfig: { livekitUrl: 'ws://127.0.0.1:9', livekitApiKey: 'props-key', livekitApiSecret: SECRET },
      // rtc-node retries an unreachable URL; the closed port must fail within a batch.
      sessions: { connectTimeoutMs: 1_000 },
    });
    recordingDirectory = resolvePath(app.dir, 'recordings');
    scratch = join(app.dir, 'generated');
    mkdirSync(scratch, { recursive: true });
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    const summary = [...outcomes].map(([operation, counts]) => `  ${operation}: ${[...counts].map(([code, n]) => `${code} ${n}`).join(', ')}`);
    console.log(`answers by operation:\n${summary.join('\n')}\nworst { __typename } round trip after a batch: ${worstPingMs.toFixed(1)} ms`);
    await app?.close();
    await dispose();
  });

  /** The app answers `{ __typename }` within PING_LIMIT_MS, tried up to 4 times over about a second. */
  async function ping(): Promise<string | undefined> {
    const times: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      try {
        const response = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
          signal: AbortSignal.timeout(5_000),
        });
        const body = (await response.json()) as { data?: { __typename?: string } };
        const elapsed = performance.now() - started;
        if (body.data?.__typename !== 'Query') return `{ __typename } answered ${JSON.stringify(body)}`;
        times.push(elapsed);
        worstPingMs = Math.max(worstPingMs, elapsed);
        if (elapsed <= PING_LIMIT_MS) return undefined;
      } catch (error) {
        return `the server stopped answering: ${String(error)} (${String((error as { cause?: unknown }).cause)})`;
      }
    }
    return `{ __typename } took ${times.map((t) => t.toFixed(0)).join(', ')} ms (limit ${PING_LIMIT_MS} ms)`;
  }

  for (const op of operations) {
    const runs = op.kind === 'subscription' ? SUBSCRIPTION_RUNS : RUNS;
    it(`${op.kind} ${op.field.name}`, { timeout: 120_000 }, async () => {
      const batchArb = fc.array(callArb(op.field), { minLength: 1, maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(batchArb, async (batch) => {
          const client = wsClient(app.url);
          try {
            const answers = await Promise.all(
              batch.map(async (call) => {
                const { query, variables } = documentFor(op, call);
                const sent = [query, variables, ...stringsIn(call.args)];
                const results = await Promise.all([sendHttp(app.url, op.kind, query, variables), sendWs(client, query, variables)]);
                for (const answer of results) {
                  tally(op.field.name, answer.body);
                  answer.problems.push(...leaks(answer.text, allStrings(answer.body), sent, recordingDirectory));
                }
                return results.map((answer) => ({ call, query, variables, answer }));
              }),
            );
            const failures = answers
              .flat()
              .filter(({ answer }) => answer.problems.length)
              .map(
                ({ query, variables, answer }) =>
                  `${answer.transport}${answer.status ? ` ${answer.status}` : ''}: ${[...new Set(answer.problems)].join('; ')}\n` +
                  `  query: ${query.slice(0, 500)}\n  variables: ${variables.slice(0, 500)}\n  answer: ${answer.text.slice(0, 800)}`,
              );
            const slow = await ping();
            if (slow) failures.push(slow);
            if (unhandled.length) failures.push(`unhandled rejection or exception: ${unhandled.splice(0).map(String).join('; ')}`);
            if (failures.length) throw new Error(failures.join('\n'));
          } finally {
            await client.dispose();
            // updateConfig may have saved generated settings; the next batch starts from the environment again.
            await app.services.config.update({ livekitUrl: null, livekitApiKey: null, livekitApiSecret: null, recordingDirectory: null });
          }
        }),
        { numRuns: runs, seed: SEED, verbose: 1 },
      );
    });
  }

  it('covers every root field of the schema', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
  });
});
