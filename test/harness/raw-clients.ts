import WebSocket from 'ws';

/** A graphql-transport-ws socket driven by hand, for what the graphql-ws client never does on its own. */
export class RawSocket {
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private nextId = 1;
  /** Messages per subscription id, in order. */
  readonly messages = new Map<string, { type: string; payload?: unknown }[]>();
  private listeners: (() => void)[] = [];

  constructor(baseUrl: string) {
    this.socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: unknown };
        if (message.type === 'connection_ack') return resolve();
        if (message.id) {
          const list = this.messages.get(message.id) ?? [];
          list.push({ type: message.type, payload: message.payload });
          this.messages.set(message.id, list);
          for (const listener of this.listeners.splice(0)) listener();
        }
      });
      this.socket.once('open', () => this.socket.send(JSON.stringify({ type: 'connection_init' })));
    });
  }

  ready(): Promise<void> {
    return this.opened;
  }

  subscribe(query: string, variables: Record<string, unknown>): string {
    const id = String(this.nextId++);
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    return id;
  }

  complete(id: string): void {
    this.socket.send(JSON.stringify({ id, type: 'complete' }));
  }

  /** Resolves once subscription `id` has received a message, or after timeoutMs. */
  async firstMessage(id: string, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.messages.get(id)?.length) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * A subscription over server-sent events, as a browser's EventSource or fetch would make it.
 * `until` decides, per event received, whether to abort now.
 */
export async function sseSubscription(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  abortWhen: 'at-once' | 'first-event',
  timeoutMs = 15_000,
): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let events = 0;
  try {
    const response = fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (abortWhen === 'at-once') {
      controller.abort();
      await response.catch(() => undefined);
      return 0;
    }
    const reader = (await response).body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (new TextDecoder().decode(value).includes('event: next')) {
        events++;
        break;
      }
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}
