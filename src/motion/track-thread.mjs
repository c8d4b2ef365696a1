// Worker-thread entry for a helper face tracker: registers tsx (worker threads do not inherit the
// loader registered by bin/real3d.mjs) and starts the TypeScript body.
import { register } from 'tsx/esm/api';
register();
await import('./trackThread.ts');
