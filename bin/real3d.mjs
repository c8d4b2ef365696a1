#!/usr/bin/env node
// Entry point. An installed package runs the compiled JavaScript in dist/ (plain node, no loader).
// A development checkout (src/ present, tsx installed) runs the TypeScript sources through tsx
// instead, so a stale dist/ from an earlier build can never answer for the code being edited;
// REAL3D_DIST=1 makes a checkout run dist/ (after `npm run build`), e.g. to time start-up as users see it.
import { existsSync } from 'node:fs';

const devSource = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

/** tsx's loader, or null when it is not installed (a checkout installed without devDependencies). */
async function tsxRegister() {
  try {
    return (await import('tsx/esm/api')).register;
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && existsSync(compiled)) return null;
    throw err;
  }
}

let main;
const register = existsSync(devSource) && process.env.REAL3D_DIST !== '1' ? await tsxRegister() : null;
if (register) {
  register();
  ({ main } = await import(devSource.href));
} else {
  ({ main } = await import(compiled.href));
}
await main(process.argv);
