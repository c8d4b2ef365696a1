// Worker-thread entry of the live page's avatar builder: registers tsx, then runs the TypeScript body.
import { register } from 'tsx/esm/api';
register();
await import('./live-avatar-thread.ts');
