import { createContext, useContext } from 'react';
import type { CombinedError } from 'urql';
import { describeError, type ShownError } from './errors';

/** Shows an error in the page's banner (the latest one wins). */
export const ReportContext = createContext<(error: ShownError | undefined) => void>(() => undefined);

export function useReport(): (error: CombinedError | undefined) => void {
  const report = useContext(ReportContext);
  return (error) => error && report(describeError(error));
}
