// One generate() run in a fresh process; prints its result, wall time and peak RSS as JSON.
// Used by bench/generate.ts so each measurement has its own process (peak RSS is per process).
import { generate } from '../src/pipeline/generate.ts';

const [image, audio, output, ...rest] = process.argv.slice(2);
const extra = rest.length ? JSON.parse(rest[0]!) : {};
const t0 = performance.now();
const result = await generate({ image, audio, output, ...extra });
const wallMs = performance.now() - t0;
process.stdout.write(JSON.stringify({ ...result, wallMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
