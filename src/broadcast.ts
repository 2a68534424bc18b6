import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';

/**
 * Fan-out of values to subscribers, each with its own bounded buffer: a subscriber that stops
 * reading loses its oldest values instead of making the process buffer without end. Every listener
 * runs on its own: one that throws is reported and the others still get the value.
 */
export class Broadcast<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown, value: T) => void = () => undefined) {}

  publish(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error, value);
      }
    }
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** A synchronous in-process listener (for services downstream); returns its removal. */
  listen(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribe(accept: (value: T) => boolean, capacity = 256): AsyncIterableIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      const listener = (value: T) => {
        if (accept(value)) push(value).catch(() => undefined);
      };
      this.listeners.add(listener);
      await stop;
      this.listeners.delete(listener);
    }, new SlidingBuffer(capacity));
  }
}
