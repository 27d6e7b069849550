import { useCallback, useState } from 'preact/hooks';
import { tryWrite, type WriteFailure } from '@/utils/data/write-failure';

/**
 * Every library write goes through here: a failure (a full disk above all) becomes a message on
 * screen instead of a lost promise. The failed transaction changed nothing; fields keep what the
 * user typed, and the next write clears the message once it succeeds.
 */
export function useWriter(): { failure: WriteFailure | null; write(run: () => Promise<unknown>): Promise<boolean> } {
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const write = useCallback(async (run: () => Promise<unknown>) => {
    const result = await tryWrite(run);
    setFailure(result);
    return result === null;
  }, []);
  return { failure, write };
}
