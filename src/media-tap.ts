import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/**
 * The media tap (tap/, Go, on LiveKit's Go SDK): a child process that joins a room hidden and writes
 * the tracks it is told to as they arrive, without decoding (VP8, VP9 and H.264 to IVF, Opus
 * to Ogg). haven-live talks to it in JSON lines over stdio (tap/protocol.go). It runs in its own
 * process group: a Ctrl-C meant for haven-live does not cut its files, haven-live stops it; and it
 * closes its files and exits when its stdin ends, so it is gone when haven-live dies.
 */

const SCRIPT = fileURLToPath(new URL('../scripts/tap.sh', import.meta.url));

export type TapAvailability = { available: true; path: string } | { available: false; reason: string };

/** Finds the built tap (HAVEN_TAP_BIN, or the per-user cache `npm install` builds into); never builds it. */
export function findTap(): TapAvailability {
  try {
    const out = execFileSync('bash', [SCRIPT, '--no-build'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    const path = out.trim().split('\n').pop();
    if (path) return { available: true, path };
    return { available: false, reason: 'scripts/tap.sh printed nothing' };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { available: false, reason: stderr || (error as Error).message };
  }
}

export type TapCommand =
  | { cmd: 'join'; url: string; token: string }
  | { cmd: 'record'; trackSid: string; path: string }
  | { cmd: 'stop'; trackSid: string }
  /** Without trackSid: every track being recorded. */
  | { cmd: 'pause'; trackSid?: string }
  | { cmd: 'resume'; trackSid?: string }
  | { cmd: 'quit' };

/** One line the tap printed: `event` names it, the other fields depend on it (tap/protocol.go). */
export interface TapEvent {
  event: string;
  trackSid?: string;
  message?: string;
  [field: string]: unknown;
}

/** A number field of an event (NaN when absent). */
export function field(event: TapEvent, name: string): number {
  const value = event[name];
  return typeof value === 'number' ? value : Number.NaN;
}

export class MediaTap {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners = new Set<(event: TapEvent) => void>();
  private pending = '';
  private stderrTail = '';
  private exitedWith: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Resolves once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    bin: string,
    private readonly log: Logger,
  ) {
    this.child = spawn(bin, [], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitedWith = { code, signal };
        resolve(this.exitedWith);
      });
      this.child.once('error', (error) => {
        this.log.error({ err: error }, 'media tap could not start');
        this.exitedWith = { code: null, signal: null };
        resolve(this.exitedWith);
      });
    });
    // Writing to a tap that has exited must not throw EPIPE at haven-live.
    this.child.stdin.on('error', () => undefined);
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-8_000);
      if (this.log.isLevelEnabled('debug')) this.log.debug({ tapLog: chunk.toString('utf8').trimEnd() }, 'media tap log');
    });
  }

  get running(): boolean {
    return this.exitedWith === undefined;
  }

  /** The last lines the tap logged (for an error message). */
  stderr(): string {
    return this.stderrTail.trim().split('\n').slice(-5).join('\n');
  }

  onEvent(listener: (event: TapEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(command: TapCommand): void {
    if (!this.running) return;
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
  }

  /** The next event that matches, or an error after timeoutMs or when the tap exits. */
  next(match: (event: TapEvent) => boolean, timeoutMs: number, what: string): Promise<TapEvent> {
    return new Promise((resolve, reject) => {
      const finish = (error: Error | null, event?: TapEvent) => {
        clearTimeout(timer);
        off();
        if (error) reject(error);
        else resolve(event!);
      };
      const off = this.onEvent((event) => {
        if (match(event)) finish(null, event);
      });
      const timer = setTimeout(() => finish(new Error(`the media tap did not report ${what} within ${timeoutMs} ms`)), timeoutMs);
      void this.exited.then((exit) => finish(new Error(`the media tap exited (code ${exit.code}, signal ${exit.signal}) before ${what}: ${this.stderr()}`)));
    });
  }

  /** Joins the room; rejects with the tap's reason when it cannot. */
  async join(url: string, token: string, timeoutMs = 20_000): Promise<void> {
    const answer = this.next((e) => e.event === 'joined' || (e.event === 'error' && e.cmd === 'join'), timeoutMs, 'joining the room');
    this.send({ cmd: 'join', url, token });
    const event = await answer;
    if (event.event === 'error') throw new Error(`the media tap could not join: ${event.message}`);
  }

  /** Closes every file and exits (quit, then SIGKILL after timeoutMs). */
  async quit(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.send({ cmd: 'quit' });
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.running) return;
    try {
      this.child.kill('SIGKILL');
    } catch {
      // gone already
    }
  }

  private onStdout(chunk: string): void {
    this.pending += chunk;
    let newline: number;
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (!line.trim()) continue;
      let event: TapEvent;
      try {
        event = JSON.parse(line) as TapEvent;
      } catch {
        this.log.warn({ line: line.slice(0, 200) }, 'media tap printed a line that is not an event');
        continue;
      }
      for (const listener of [...this.listeners]) listener(event);
    }
  }
}
