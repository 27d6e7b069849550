import type { HistoricalVersion } from './types';
import { v1 } from './v1';

/** Every version that ever shipped before the current one, oldest first. */
export const HISTORICAL_VERSIONS: HistoricalVersion[] = [v1];
