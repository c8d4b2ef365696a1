// Worker-thread entry of the photo preview: registers tsx, then runs the TypeScript body.
import { register } from 'tsx/esm/api';
register();
await import('./preview-thread.ts');
