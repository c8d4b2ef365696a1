// `real3d motion --audio A -o m.json` or `real3d motion --video V -o m.json`: write an editable Motion JSON.
import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';
import { addOutputOption, numberArg } from './options.ts';

const num = (flag: string, integer = false) => numberArg(flag, { integer });

interface MotionCliOptions {
  audio?: string;
  video?: string;
  output: string;
  fps?: number;
  pose?: string;
  blink?: string;
  mouthAmp?: number;
  temperature?: number;
  seed?: number;
  mapToInitPose: boolean;
  maxSeconds?: number;
  plot?: string;
  quiet?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command('motion')
    .description('Compute a Motion JSON (rig weights, head pose, gaze, blinks per frame) from speech audio or from a driving video')
    .option('-a, --audio <file>', 'speech or singing audio (any format ffmpeg reads); recorded in the JSON (absolute path + SHA-256) as the soundtrack for generate --motion')
    .option('-v, --video <file>', 'driving video of a face (reenactment)');
  addOutputOption(cmd, 'output motion JSON (written atomically)', { required: true });
  cmd
    .option('--fps <n>', 'frames per second (default 25)', num('--fps'))
    .option('--pose <mode>', 'audio: auto (head motion from the speech rhythm, the default) | static (a still head)')
    .option('--blink <mode>', 'audio: none | periodic | natural')
    .option('--mouth-amp <x>', 'audio: mouth opening scale, 0.45 = natural', num('--mouth-amp'))
    .option('--temperature <t>', 'audio: variety of head motion, blinks and gaze', num('--temperature'))
    .option('--seed <n>', 'audio: random seed (same seed, same motion)', num('--seed', true))
    .option('--no-map-to-init-pose', 'video: store the absolute driver pose (relativePose false) instead of pose relative to its first frame')
    .option('--max-seconds <s>', 'video: read only the first seconds', num('--max-seconds'))
    .option('--plot <png>', 'also write a PNG plot of the main curves')
    .option('-q, --quiet', 'no progress output')
    .option('--json', 'print progress and the result as JSON lines on stdout')
    .action(async (o: MotionCliOptions) => {
      if (!!o.audio === !!o.video) throw new InputError('Give exactly one of --audio (speech) or --video (a driving face video).');
      const { assertWritableOutput } = await import('../io/atomic.ts');
      await assertWritableOutput(o.output);
      if (o.plot) await assertWritableOutput(o.plot);
      const style = chooseProgressStyle(o);
      const { signal, dispose } = abortOnSignals();
      try {
        const { saveMotion } = await import('../motion/record.ts');
        const control = { onProgress: progressPrinter(style), signal };
        let summary: Record<string, unknown>;
        let motion;
        if (o.audio) {
          if (o.pose && o.pose !== 'static' && o.pose !== 'auto') throw new InputError(`--pose must be static or auto for audio, got "${o.pose}".`);
          if (o.blink && !['none', 'periodic', 'natural'].includes(o.blink)) throw new InputError(`--blink must be none, periodic or natural, got "${o.blink}".`);
          const { motionFromAudio } = await import('../motion/fromAudio.ts');
          motion = await motionFromAudio(
            o.audio,
            {
              ...(o.fps !== undefined ? { fps: o.fps } : {}),
              ...(o.pose ? { pose: o.pose as 'static' | 'auto' } : {}),
              ...(o.blink ? { blink: o.blink as 'none' | 'periodic' | 'natural' } : {}),
              ...(o.mouthAmp !== undefined ? { mouthAmp: o.mouthAmp } : {}),
              ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
              ...(o.seed !== undefined ? { seed: o.seed } : {}),
            },
            control,
          );
          summary = { frames: motion.frameCount, fps: motion.fps, seconds: motion.frameCount / motion.fps };
        } else {
          if (o.pose || o.blink || o.mouthAmp !== undefined || o.seed !== undefined) throw new InputError('--pose, --blink, --mouth-amp and --seed apply to --audio only.');
          const { motionFromVideo } = await import('../motion/fromVideo.ts');
          const vm = await motionFromVideo(o.video!, { ...(o.fps !== undefined ? { fps: o.fps } : {}), mapToInitPose: o.mapToInitPose, ...(o.maxSeconds ? { maxSeconds: o.maxSeconds } : {}) }, control);
          const { stats, ...rest } = vm;
          motion = rest;
          summary = { frames: motion.frameCount, fps: motion.fps, missing: stats.missing, interpolated: stats.interpolated };
        }
        await saveMotion(motion, o.output);
        if (o.plot) {
          const { plotMotion } = await import('../motion/plot.ts');
          const { writeFileAtomic } = await import('../io/atomic.ts');
          await writeFileAtomic(o.plot, await plotMotion(motion));
        }
        if (style === 'bar') process.stderr.write('\n');
        if (o.json) process.stdout.write(JSON.stringify({ type: 'result', output: o.output, ...summary }) + '\n');
        else process.stdout.write(`wrote ${o.output}: ${Object.entries(summary).map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`).join(', ')}\n`);
      } finally {
        dispose();
      }
    });
}
