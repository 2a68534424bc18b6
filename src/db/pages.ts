import { and, asc, desc, gt, lt, type Column, type SQL } from 'drizzle-orm';

/** A page of a history, newest first; cursors are the rows' sequence numbers. */
export interface HistoryPage {
  after?: number;
  before?: number;
  limit: number;
  inverted: boolean;
}

/** The where, order and limit of one page over a table's `seq` column, within an optional filter. */
export function pageOf(seq: Column, page: HistoryPage, filter?: SQL): { where: SQL | undefined; orderBy: SQL; limit: number } {
  const bounds = [
    filter,
    page.after !== undefined ? lt(seq, page.after) : undefined,
    page.before !== undefined ? gt(seq, page.before) : undefined,
  ].filter((bound) => bound !== undefined);
  return { where: bounds.length ? and(...bounds) : undefined, orderBy: page.inverted ? asc(seq) : desc(seq), limit: page.limit };
}
