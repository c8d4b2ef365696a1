#!/usr/bin/env node
// Entry point. An installed package runs the compiled JavaScript in dist/ (plain node, no loader).
// A development checkout (src/ present) runs the TypeScript sources through tsx instead, so a
// stale dist/ from an earlier build can never answer for the code being edited; REAL3D_DIST=1
// makes a checkout run dist/ (after `npm run build`), e.g. to measure start-up as users see it.
import { existsSync } from 'node:fs';

const devSource = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(devSource) && process.env.REAL3D_DIST !== '1') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(devSource.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
await main(process.argv);
