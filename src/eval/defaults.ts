// Defaults of `real3d eval`, apart from the harness so that the CLI can show them without loading it.
import type { EvalOptions } from './types.ts';

export const DEFAULT_EVAL_OPTIONS: Omit<EvalOptions, 'video' | 'mode'> = { frame: 0, fps: 25, detectEvery: 3, sheetColumns: 8, thumb: 144 };
