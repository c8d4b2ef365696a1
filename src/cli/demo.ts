// `real3d demo` (npm run demo): the main job on the bundled sample photo and speech.
import { Command } from 'commander';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';
import { addOutputOption } from './options.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function register(program: Command): void {
  const cmd = program.command('demo').description('generate a talking video from the bundled sample photo and speech (samples/)');
  addOutputOption(cmd, 'where to write the video', { defaultValue: 'out/demo.mp4' });
  cmd.option('-q, --quiet', 'no progress output').action(async (opts: { output: string; quiet?: boolean }) => {
    await mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
    const { signal, dispose } = abortOnSignals();
    try {
      const { generate } = await import('../pipeline/generate.ts');
      const result = await generate(
        { image: path.join(root, 'samples', 'astronaut.jpg'), audio: path.join(root, 'samples', 'speech.mp3'), output: opts.output }, // the default job: the head moves with the speech, natural blinks
        { onProgress: progressPrinter(chooseProgressStyle(opts)), signal },
      );
      const seconds = Object.values(result.timings).reduce((a, b) => a + b, 0) / 1000;
      process.stdout.write(`Demo video: ${result.output}\n(${result.frames} frames, ${result.duration.toFixed(1)} s of video made in ${seconds.toFixed(1)} s)\n`);
    } finally {
      dispose();
    }
  });
}
