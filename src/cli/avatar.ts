// `real3d avatar <image> -o person.avatar`: analyze the photo and save its animatable 3D avatar.
import type { Command } from 'commander';
import path from 'node:path';
import { assertWritableOutput } from '../io/atomic.ts';
import { addOutputOption, numberArg } from './options.ts';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';

export function register(program: Command): void {
  const cmd = program
    .command('avatar')
    .description('Build the animatable 3D avatar of a portrait photo and save it to one file (reuse it with --avatar)')
    .argument('<image>', 'portrait photo (JPEG, PNG, WebP, ...)');
  addOutputOption(cmd, 'output avatar file (e.g. person.avatar; written atomically)', { required: true });
  cmd
    .option('--face <n>', 'which face to use when there are several, 0 = largest', numberArg('--face', { min: 0, integer: true }))
    .option('-q, --quiet', 'no progress output')
    .action(async (image: string, o: { output: string; face?: number; quiet?: boolean }) => {
      const out = path.resolve(o.output);
      await assertWritableOutput(out);
      const style = chooseProgressStyle(o);
      const onProgress = progressPrinter(style);
      const { signal, dispose } = abortOnSignals();
      try {
        const { analyzePortrait } = await import('../analyze/index.ts');
        const { buildAvatar, saveAvatar } = await import('../avatar/build.ts');
        const t0 = performance.now();
        const portrait = await analyzePortrait(image, o.face !== undefined ? { face: o.face } : {}, { onProgress, signal });
        onProgress({ stage: 'avatar', done: 0, total: 1, message: 'building the 3D avatar' });
        const avatar = buildAvatar(portrait);
        await saveAvatar(avatar, out);
        onProgress({ stage: 'done', done: 1, total: 1 });
        const a = avatar.rig.angles;
        process.stdout.write(`wrote ${out}: ${avatar.vertexCount} vertices, ${avatar.triangles.length / 3} triangles, photo pose yaw ${a.yaw.toFixed(0)} pitch ${a.pitch.toFixed(0)} roll ${a.roll.toFixed(0)} deg, fit NME ${avatar.rig.residual.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
      } finally {
        dispose();
      }
    });
}
