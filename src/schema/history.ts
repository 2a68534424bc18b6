import { resolveCursorConnection, type DefaultConnectionArguments, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import type { HistoryPage } from '../db/pages.js';

/** A cursor this connection gave out; anything else points before the first row (an empty page). */
function cursorNumber(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const value = Number(cursor);
  return Number.isSafeInteger(value) ? value : 0;
}

/** A Relay connection over a history whose cursors are sequence numbers, newest first. */
export function historyConnection<T>(args: DefaultConnectionArguments, fetch: (page: HistoryPage) => Promise<{ cursor: number; node: T }[]>) {
  return resolveCursorConnection(
    { args, toCursor: (entry: { cursor: number; node: T }) => String(entry.cursor), defaultSize: 20, maxSize: 100 },
    ({ after, before, limit, inverted }: ResolveCursorConnectionArgs) =>
      fetch({ after: cursorNumber(after), before: cursorNumber(before), limit, inverted }),
  ).then((connection) => ({ ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: edge.node.node })) }));
}
