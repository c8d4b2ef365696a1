// `real3d eval`: measure the engine on real videos against the real frames and against the
// trivial baseline (the photo repeated). See src/eval/harness.ts for what each mode measures.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { InputError, CancelledError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { abortOnSignals } from './progress.ts';
import { addOutputOption, numberArg } from './options.ts';
import type { EvalMode, EvalOptions, EvalReport, loadEngine } from '../eval/harness.ts';
import { DEFAULT_EVAL_OPTIONS } from '../eval/defaults.ts';

/**
 * Videos of the shared test set whose soundtrack is not speech (music, or none): the audio mode
 * would measure nothing there. Taken from the data set's README; override with --skip-audio.
 */
const NON_SPEECH_VIDEOS = ['lp_d0', 'lp_d6', 'lp_d10', 'lp_d11', 'lp_d14'];

const toNumber = (name: string, min: number) => numberArg(`--${name}`, { min });

/** ../shared/data from the working directory, else relative to this file (repo/../shared/data). */
function defaultDataDir(): string {
  const fromCwd = path.resolve('..', 'shared', 'data');
  if (existsSync(fromCwd)) return fromCwd;
  return path.resolve(fileURLToPath(new URL('../../../shared/data/', import.meta.url)));
}

export function register(program: Command): void {
  const cmd = program
    .command('eval')
    .description('measure realism, identity, expression, pose and lip sync on real videos, next to the photo-repeated baseline')
    .option('-v, --video <file>', 'a video of a person talking')
    .addOption(new Option('--mode <mode>', 'reenact: the video drives its own frame; audio: its speech drives its frame; cross: it drives --image').choices(['reenact', 'audio', 'cross']).default('reenact'))
    .option('-i, --image <photo>', 'cross mode: the photo driven by the video')
    .option('-a, --audio <file>', "audio mode: the speech (default: the video's own soundtrack, or ../audio/<name>.wav)")
    .option('--frame <n>', 'which frame of the video is the photo', toNumber('frame', 0), 0)
    .option('--max-seconds <s>', 'evaluate only the first S seconds (--all: default 8)', toNumber('max-seconds', 0.1))
    .option('--fps <n>', 'evaluation frame rate', toNumber('fps', 1), 25)
    .option('--detect-every <n>', 'face-detection metrics on every Nth frame (reenact, cross)', toNumber('detect-every', 1), DEFAULT_EVAL_OPTIONS.detectEvery);
  addOutputOption(cmd, 'write report.json, report.md and sheet.png there (--all: one folder per run plus summary.md/json)', { placeholder: 'dir' });
  cmd
    .option('--all', 'reenact (and audio, for speech videos) on every video in <data>/video, then a summary table')
    .option('--data <dir>', 'the test-media folder for --all (default ../shared/data)')
    .option('--skip-audio <names>', '--all: videos (base names, comma-separated) whose soundtrack is not speech', NON_SPEECH_VIDEOS.join(','))
    .option('--json', 'print the report as JSON instead of Markdown')
    .option('-q, --quiet', 'no progress lines on stderr')
    .action(async (opts) => {
      const { signal, dispose } = abortOnSignals();
      const log = opts.quiet ? () => {} : (line: string) => process.stderr.write(`eval: ${line}\n`);
      try {
        // the harness loads the face models and media tools: only when a command runs, never for --help
        const { loadEngine, evaluate, writeReport, toJson } = await import('../eval/harness.ts');
        const { reportMarkdown } = await import('../eval/report.ts');
        const { probeVideo } = await import('../io/media.ts');
        const engine = await loadEngine();
        if (engine.missing.length) log(`engine pieces missing, their rows are left out: ${engine.missing.join('; ')}`);
        const base: Omit<EvalOptions, 'video' | 'mode'> = {
          ...DEFAULT_EVAL_OPTIONS,
          frame: opts.frame,
          fps: opts.fps,
          detectEvery: Math.round(opts.detectEvery),
          maxSeconds: opts.maxSeconds,
        };
        if (opts.all) {
          await runAll(opts, base, engine, log, signal);
          return;
        }
        if (!opts.video) throw new InputError('Give a video with --video (or --all for every video in the test set).');
        const o: EvalOptions = { ...base, video: opts.video, mode: opts.mode as EvalMode, image: opts.image, audio: opts.audio };
        if (o.mode === 'cross' && !o.image) throw new InputError('--mode cross needs --image PHOTO (the person driven by the video).');
        await probeVideo(o.video);
        const { report, sheet, mouthSheet } = await evaluate(o, engine, { log, signal });
        const md = reportMarkdown(report);
        if (opts.output) {
          await writeReport(opts.output, report, sheet, md, mouthSheet);
          log(`wrote ${path.join(opts.output, 'report.json')}, report.md, sheet.png${mouthSheet ? ', mouth.png' : ''}`);
        }
        process.stdout.write(opts.json ? toJson(report) + '\n' : md);
      } finally {
        dispose();
      }
    });
}

async function runAll(opts: Record<string, any>, base: Omit<EvalOptions, 'video' | 'mode'>, engine: Awaited<ReturnType<typeof loadEngine>>, log: (s: string) => void, signal: AbortSignal): Promise<void> {
  const { evaluate, soundtrackFor, writeReport, toJson } = await import('../eval/harness.ts');
  const { reportMarkdown, summaryMarkdown } = await import('../eval/report.ts');
  const { probeVideo } = await import('../io/media.ts');
  const data = path.resolve(opts.data ?? defaultDataDir());
  const videoDir = path.join(data, 'video');
  let names: string[];
  try {
    names = (await readdir(videoDir)).filter((f) => /\.(mp4|mov|webm|mkv|avi)$/i.test(f)).sort();
  } catch {
    throw new InputError(`--all reads the videos in ${videoDir}, which does not exist: give --data DIR (a folder with video/ and audio/).`);
  }
  if (!names.length) throw new InputError(`No videos in ${videoDir}.`);
  const out = path.resolve(opts.output ?? 'eval-out');
  await mkdir(out, { recursive: true });
  const maxSeconds = base.maxSeconds ?? 8;
  const skipAudio = new Set(String(opts.skipAudio ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const reports: EvalReport[] = [];
  const failures: { video: string; mode: string; error: string }[] = [];
  const started = performance.now();
  for (const name of names) {
    const video = path.join(videoDir, name);
    const stem = path.basename(name, path.extname(name));
    const modes: EvalMode[] = ['reenact'];
    if (!skipAudio.has(stem)) {
      const info = await probeVideo(video);
      if (await soundtrackFor(video, info)) modes.push('audio');
    }
    for (const mode of modes) {
      if (signal.aborted) throw new CancelledError();
      log(`${name} ${mode} (first ${maxSeconds} s)`);
      const t = performance.now();
      try {
        const { report, sheet, mouthSheet } = await evaluate({ ...base, maxSeconds, video, mode }, engine, { log, signal });
        const md = reportMarkdown(report);
        await writeReport(path.join(out, `${stem}-${mode}`), report, sheet, md, mouthSheet);
        reports.push(report);
        log(`${name} ${mode} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
      } catch (err) {
        if (signal.aborted) throw err;
        failures.push({ video, mode, error: (err as Error).message.split('\n')[0]! });
        log(`${name} ${mode} FAILED: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  }
  const md = `${summaryMarkdown(reports, { maxSeconds, failures })}\nTotal evaluation time ${((performance.now() - started) / 60000).toFixed(1)} min on this machine.\n`;
  await writeFileAtomic(path.join(out, 'summary.md'), md);
  await writeFileAtomic(path.join(out, 'summary.json'), toJson({ date: new Date().toISOString(), maxSeconds, failures, reports: reports.map(({ perFrame: _p, ...r }) => r) }));
  process.stdout.write(opts.json ? toJson({ reports: reports.map(({ perFrame: _p, ...r }) => r), failures }) + '\n' : md);
  if (failures.length && !reports.length) throw new InputError(`Every evaluation failed; first: ${failures[0]!.error}`);
}
