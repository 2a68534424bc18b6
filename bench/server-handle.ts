/**
 * bench/server.ts as a child process: start it, send it commands over IPC, stop it and any ffmpeg it
 * leaves behind. Shared by the benchmarks in bench/.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childrenOf, sameProcessAlive, type ChildProcessInfo } from './procfs.js';
import type { ServerConfig, ServerEvent, ServerReply, ServerRequest } from './server.js';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export type Command = ServerRequest extends infer R ? (R extends ServerRequest ? Omit<R, 'id'> : never) : never;

export class ServerHandle {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private output = '';
  /** Every ffmpeg it started that we saw, to kill any that outlive it. */
  readonly seenChildren = new Map<string, ChildProcessInfo>();
  readonly exited: Promise<void>;
  url = '';
  pid = 0;

  constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
    };
    // BENCH_SERVER_OUTPUT=path: a copy of the server's stdout and stderr (e.g. --trace-gc lines).
    const copy = process.env.BENCH_SERVER_OUTPUT;
    if (copy) writeFileSync(copy, '');
    child.stdout?.on('data', (chunk: Buffer) => copy && appendFileSync(copy, chunk));
    child.stderr?.on('data', (chunk: Buffer) => copy && appendFileSync(copy, chunk));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.exited.then(() => {
      for (const { reject } of this.pending.values()) reject(new Error(`haven-live exited:\n${this.output.slice(-4000)}`));
      this.pending.clear();
    });
    child.on('message', (raw) => {
      const message = raw as ServerReply | ServerEvent;
      if ('event' in message) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.result);
      else waiter?.reject(new Error(`haven-live: ${message.error}`));
    });
  }

  static async start(config: ServerConfig): Promise<ServerHandle> {
    // BENCH_PROFILE=1: a V8 CPU profile of the server, written to bench/results/ when it exits.
    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${fileURLToPath(new URL('./results/', import.meta.url))}`] : [];
    // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. "--trace-gc" or "--max-semi-space-size=64".
    profile.push(...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean));
    const child = fork(SERVER, [JSON.stringify(config)], {
      execArgv: ['--import', TSX, ...profile],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const handle = new ServerHandle(child);
    const ready = new Promise<ServerEvent>((resolve) =>
      child.on('message', (message) => {
        if ((message as ServerEvent).event === 'ready') resolve(message as ServerEvent);
      }),
    );
    const early = handle.exited.then(() => {
      throw new Error(`haven-live exited on start:\n${handle.output}`);
    });
    try {
      const event = await withTimeout(Promise.race([ready, early]), 30_000, 'haven-live start');
      handle.url = event.url;
      handle.pid = event.pid;
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    } finally {
      early.catch(() => undefined);
    }
    return handle;
  }

  request<T>(command: Command, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...command, id });
    });
    return withTimeout(reply, timeoutMs, `haven-live ${command.cmd}`);
  }

  rememberChildren(): void {
    for (const child of childrenOf(this.pid)) this.seenChildren.set(`${child.pid}:${child.startTime}`, child);
  }

  async stop(): Promise<void> {
    this.rememberChildren();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.send({ cmd: 'stop', id: 0 });
      await Promise.race([this.exited, sleep(10_000)]);
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      await Promise.race([this.exited, sleep(2_000)]);
    }
    // ffmpeg exits on its own once its stdin closes; this is for one that did not.
    for (const child of this.seenChildren.values()) {
      if (sameProcessAlive(child)) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Gone in between.
        }
      }
    }
  }
}

export async function graphqlRequest<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
