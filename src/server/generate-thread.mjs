// Worker-thread entry: registers tsx (worker threads do not inherit the loader registered by
// bin/real3d.mjs) and starts the TypeScript worker body.
import { register } from 'tsx/esm/api';
register();
await import('./generate-thread.ts');
