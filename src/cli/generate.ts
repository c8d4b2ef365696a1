// `real3d generate`: photo + audio/video/motion -> talking-portrait video.
import path from 'node:path';
import { Command, Option } from 'commander';
import { BlinkMode, CropMode, OutputMode, GenerateOptionsSchema, type GenerateInput } from '../config.ts';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';
import { addOutputOption, numberArg } from './options.ts';

const toNumber = (name: string) => numberArg(`--${name}`);

/** Defaults shown in --help: those of the options' one declaration (config.ts). */
const D = GenerateOptionsSchema.omit({ output: true }).parse({});

export function register(program: Command): void {
  const cmd = program
    .command('generate')
    .description('make a talking-portrait video from a photo and speech audio, a driving video, or a saved motion')
    .option('-i, --image <photo>', 'the photo of the person to animate')
    .option('--avatar <file>', 'a saved avatar (instead of --image)')
    .option('-a, --audio <file>', 'speech audio, any format ffmpeg reads [drv_aud]; with --motion: the soundtrack')
    .option('-v, --video <file>', 'a driving video of someone talking: expressions, and pose unless --pose; with --audio, the pose only')
    .option('-m, --motion <file>', 'a saved motion JSON (from `real3d motion` or --save-motion)');
  addOutputOption(cmd, 'output video: .mp4, .webm or .mov', { required: true });
  cmd
    .option('--pose <static|auto|VIDEO>', "head pose: still, generated from the audio, or the pose of a video [drv_pose]; default: the driving video's pose with --video, else auto")
    .option('--no-map-to-init-pose', "do not map the driver's first pose onto the photo's pose [map_to_init_pose]")
    .option('--steady-camera <s>', "steady a drifting driver's camera: its head translation against a running median over +-S seconds (1 for a handheld driver; 0 follows it)", toNumber('steady-camera'), D.steadyCamera)
    .addOption(new Option('--blink <mode>', 'blinks [blink_mode]').choices(BlinkMode.options).default(D.blink))
    .option('--mouth-amp <n>', 'mouth opening scale [mouth_amp]', toNumber('mouth-amp'), D.mouthAmp)
    .option('--temperature <n>', 'variety of generated motion [temperature]', toNumber('temperature'), D.temperature)
    .option('--seed <n>', 'random seed: same seed, same motion [seed]', toNumber('seed'), D.seed)
    .option('--bg <inpainted|IMAGE|#rrggbb|transparent>', 'background [bg_img]', D.bg)
    .option('--size <px>', 'output size: the square side, or with --crop full the longer side', toNumber('size'), D.size)
    .option('--fps <n>', 'frames per second', toNumber('fps'), D.fps)
    .addOption(new Option('--crop <mode>', 'head: the square head crop; full: the whole photo with the head animated in place').choices(CropMode.options).default(D.crop))
    .addOption(new Option('--mode <mode>', 'final video, or debug: source | landmarks | driver | result [out_mode]').choices(OutputMode.options).default(D.mode))
    .option('--save-avatar <file>', 'also save the avatar for reuse')
    .option('--save-motion <file>', 'also save the motion JSON')
    .option('--face <n>', 'which face to use when the photo has several (0 = largest)', toNumber('face'), D.face)
    .option('--min-face-area <percent>', 'smallest face, in percent of the image area', toNumber('min-face-area'), D.minFaceArea)
    .option('--no-cache', 'analyse the photo again instead of reusing its avatar from the cache folder (REAL3D_CACHE_DIR, else $XDG_CACHE_HOME/real3d or ~/.cache/real3d)')
    .option('-q, --quiet', 'no progress output')
    .option('--json', 'print progress and the result as JSON lines on stdout')
    .action(async (opts) => {
      const style = chooseProgressStyle(opts);
      const { signal, dispose } = abortOnSignals();
      const input: GenerateInput = {
        image: opts.image,
        avatar: opts.avatar,
        audio: opts.audio,
        video: opts.video,
        motion: opts.motion,
        output: opts.output,
        pose: opts.pose,
        mapToInitPose: opts.mapToInitPose,
        steadyCamera: opts.steadyCamera,
        blink: opts.blink,
        mouthAmp: opts.mouthAmp,
        temperature: opts.temperature,
        seed: opts.seed,
        bg: opts.bg,
        size: opts.size,
        fps: opts.fps,
        crop: opts.crop,
        mode: opts.mode,
        saveAvatar: opts.saveAvatar,
        saveMotion: opts.saveMotion,
        face: opts.face,
        minFaceArea: opts.minFaceArea,
        cache: opts.cache,
      };
      try {
        const { generate } = await import('../pipeline/generate.ts');
        const result = await generate(input, { onProgress: progressPrinter(style), signal });
        if (style === 'json') process.stdout.write(JSON.stringify({ type: 'result', ...result }) + '\n');
        else if (!opts.quiet) {
          const total = Object.values(result.timings).reduce((a, b) => a + b, 0) / 1000;
          const sound = result.soundtrack ? `sound from ${path.basename(result.soundtrack)}` : 'silent';
          process.stderr.write(`wrote ${result.output} (${result.width}x${result.height}, ${result.frames} frames, ${result.duration.toFixed(2)} s, ${sound}) in ${total.toFixed(1)} s\n`);
        }
        // notes are not progress: even --quiet shows them (--json carries them in the result)
        if (style !== 'json') for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      } finally {
        dispose();
      }
    });
}
