import type { HistoricalVersion } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';

/** Every version that ever shipped before the current one, oldest first. */
export const HISTORICAL_VERSIONS: HistoricalVersion[] = [v1, v2, v3];
