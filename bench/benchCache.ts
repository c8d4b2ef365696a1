// Where the benches keep what they compute once (portrait analyses, driver tracks, cross renders, lip
// features): $REAL3D_CACHE, else a real3d-bench folder in the system's temp directory, so a bench runs
// on any checkout and never writes into the repo.
import os from 'node:os';
import path from 'node:path';

export const BENCH_CACHE = path.resolve(process.env.REAL3D_CACHE ?? path.join(os.tmpdir(), 'real3d-bench'));
