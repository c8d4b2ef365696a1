// `real3d analyze <image> -o DIR`: face, landmarks, crop, matte, regions and background plate.
import type { Command } from 'commander';
import path from 'node:path';
import { addOutputOption, numberArg } from './options.ts';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';

const parseNumber = (flag: string, integer: boolean) => numberArg(flag, { min: 0, integer });

export function register(program: Command): void {
  const cmd = program
    .command('analyze')
    .description('Find the face in a photo and write analysis.json, crop.png, matte.png (and matte.f32, its exact values), regions.png, background.png and debug.png into a folder')
    .argument('<image>', 'portrait photo (JPEG, PNG, WebP, ...)');
  addOutputOption(cmd, 'output folder (written atomically: it appears only when complete)', { required: true, placeholder: 'dir' });
  cmd
    .option('--face <n>', 'which face to use when there are several, 0 = largest', parseNumber('--face', true))
    .option('--min-face-area <percent>', 'smallest face area accepted, in percent of the image', parseNumber('--min-face-area', false))
    .option('-q, --quiet', 'no progress output')
    .action(async (image: string, o: { output: string; face?: number; minFaceArea?: number; quiet?: boolean }) => {
      const outDir = path.resolve(o.output);
      // Fail before the slow part when the output cannot be written.
      const { assertWritableOutputDir } = await import('../io/atomic.ts');
      await assertWritableOutputDir(outDir);
      const { analyzePortrait, writeAnalysis } = await import('../analyze/index.ts');
      const { signal, dispose } = abortOnSignals();
      const onProgress = progressPrinter(chooseProgressStyle(o));
      const portrait = await analyzePortrait(image, { ...(o.face !== undefined ? { face: o.face } : {}), ...(o.minFaceArea !== undefined ? { minFaceArea: o.minFaceArea } : {}) }, { onProgress, signal }).finally(dispose);
      const a = portrait.analysis;
      if (a.faces.count > 1) process.stderr.write(`note: ${a.faces.count} faces found; using ${a.faces.reason}\n`);
      await writeAnalysis(portrait, outDir);
      onProgress({ stage: 'done', done: 1, total: 1 });
      process.stdout.write(`wrote ${outDir}: face ${a.face.index} (score ${a.face.score}), yaw ${a.pose.yaw.toFixed(0)} pitch ${a.pose.pitch.toFixed(0)} roll ${a.pose.roll.toFixed(0)} deg, crop ${a.crop.size} px\n`);
    });
}
