// `real3d avatar <image> -o person.avatar`: analyze the photo and save its animatable 3D avatar.
import type { Command } from 'commander';
import path from 'node:path';
import { assertWritableOutput } from '../io/atomic.ts';

export function register(program: Command): void {
  program
    .command('avatar')
    .description('Build the animatable 3D avatar of a portrait photo and save it to one file (reuse it with --avatar)')
    .argument('<image>', 'portrait photo (JPEG, PNG, WebP, ...)')
    .requiredOption('-o, --out <file>', 'output avatar file (e.g. person.avatar; written atomically)')
    .option('--face <n>', 'which face to use when there are several, 0 = largest', (v) => Number(v))
    .action(async (image: string, o: { out: string; face?: number }) => {
      const out = path.resolve(o.out);
      await assertWritableOutput(out);
      const { analyzePortrait } = await import('../analyze/index.ts');
      const { buildAvatar, saveAvatar } = await import('../avatar/build.ts');
      const t0 = performance.now();
      const portrait = await analyzePortrait(image, o.face !== undefined ? { face: o.face } : {});
      const avatar = buildAvatar(portrait);
      await saveAvatar(avatar, out);
      const a = avatar.rig.angles;
      process.stdout.write(`wrote ${out}: ${avatar.vertexCount} vertices, ${avatar.triangles.length / 3} triangles, photo pose yaw ${a.yaw.toFixed(0)} pitch ${a.pitch.toFixed(0)} roll ${a.roll.toFixed(0)} deg, fit NME ${avatar.rig.residual.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    });
}
