// `real3d analyze <image> --out DIR`: face, landmarks, crop, matte, regions and background plate.
import type { Command } from 'commander';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { analyzePortrait, writeAnalysis } from '../analyze/index.ts';

function parseNumber(flag: string, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < 0) throw new InputError(`${flag} needs a ${integer ? 'whole number' : 'number'} >= 0, got "${value}".`);
    return n;
  };
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('Find the face in a photo and write analysis.json, crop.png, matte.png, regions.png, background.png and debug.png into a folder')
    .argument('<image>', 'portrait photo (JPEG, PNG, WebP, ...)')
    .requiredOption('--out <dir>', 'output folder (written atomically: it appears only when complete)')
    .option('--face <n>', 'which face to use when there are several, 0 = largest', parseNumber('--face', true))
    .option('--min-face-area <percent>', 'smallest face area accepted, in percent of the image', parseNumber('--min-face-area', false))
    .action(async (image: string, o: { out: string; face?: number; minFaceArea?: number }) => {
      const outDir = path.resolve(o.out);
      // Fail before the slow part when the output cannot be written.
      const { assertWritableOutput } = await import('../io/atomic.ts');
      await assertWritableOutput(outDir);
      const portrait = await analyzePortrait(image, { ...(o.face !== undefined ? { face: o.face } : {}), ...(o.minFaceArea !== undefined ? { minFaceArea: o.minFaceArea } : {}) });
      const a = portrait.analysis;
      if (a.faces.count > 1) process.stderr.write(`note: ${a.faces.count} faces found; using ${a.faces.reason}\n`);
      await writeAnalysis(portrait, outDir);
      process.stdout.write(`wrote ${outDir}: face ${a.face.index} (score ${a.face.score}), yaw ${a.pose.yaw.toFixed(0)} pitch ${a.pose.pitch.toFixed(0)} roll ${a.pose.roll.toFixed(0)} deg, crop ${a.crop.size} px\n`);
    });
}
