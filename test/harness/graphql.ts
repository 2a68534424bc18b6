import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Result<R> {
  data?: R | null;
  errors?: GraphQLFormattedError[];
}

/** One GraphQL operation over HTTP POST, as a browser or curl would send it. */
export async function request<R, V>(baseUrl: string, document: TypedDocumentNode<R, V>, variables?: V): Promise<Result<R>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as Result<R>;
}

/** Like request, but fails the test on GraphQL errors. */
export async function query<R, V>(baseUrl: string, document: TypedDocumentNode<R, V>, variables?: V): Promise<R> {
  const result = await request(baseUrl, document, variables);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export function wsClient(baseUrl: string): Client {
  return createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
}

/** Collects what a subscription delivers so that a test can wait for a value that matches. */
export class Collected<T> {
  readonly values: T[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private waiters: (() => void)[] = [];

  push(value: T): void {
    this.values.push(value);
    this.wake();
  }
  fail(error: unknown): void {
    this.errors.push(error);
    this.wake();
  }
  complete(): void {
    this.completed = true;
    this.wake();
  }
  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Resolves with the first value (from `from` on) that matches, or rejects after timeoutMs. */
  async waitFor(match: (value: T) => boolean, timeoutMs = 20_000, what = 'a matching value', from = 0): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.values.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.errors.length) throw new Error(`subscription failed while waiting for ${what}: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.values).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForCompletion(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.completed) {
      if (this.errors.length) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      if (Date.now() > deadline) throw new Error('subscription did not complete');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function subscribe<R, V>(
  client: Client,
  document: TypedDocumentNode<R, V>,
  variables: V,
): Collected<R> & { unsubscribe(): void } {
  const collected = new Collected<R>() as Collected<R> & { unsubscribe(): void };
  collected.unsubscribe = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => (result.errors ? collected.fail(result.errors) : collected.push(result.data as R)),
      error: (error) => collected.fail(error instanceof Error ? error.message : error),
      complete: () => collected.complete(),
    },
  );
  return collected;
}
