// The `real3d` command line. Each subcommand lives in its own file and is loaded on demand, so
// `real3d --help` is fast and one broken stage does not break the others.
import { Command } from 'commander';
import { Real3dError } from '../errors.ts';

type Register = (program: Command) => void;

const commands: Array<{ file: string }> = [
  { file: './analyze.ts' },
  { file: './avatar.ts' },
  { file: './view.ts' },
  { file: './motion.ts' },
  { file: './generate.ts' },
  { file: './eval.ts' },
  { file: './serve.ts' },
  { file: './worker.ts' },
  { file: './demo.ts' },
];

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('real3d')
    .description('One-shot 3D talking portraits: one photo + speech audio (or a driving video) -> a talking video')
    .showHelpAfterError();
  for (const { file } of commands) {
    try {
      const mod = (await import(file)) as { register: Register };
      mod.register(program);
    } catch (err) {
      // A command whose module cannot load must not take the others down: it stays listed and says why.
      const name = file.replace(/^\.\//, '').replace(/\.ts$/, '');
      if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(`cli/${name}.ts`)) continue;
      program
        .command(name, { hidden: false })
        .description(`(unavailable: ${(err as Error).message.split('\n')[0]})`)
        .allowUnknownOption()
        .action(() => {
          throw err;
        });
    }
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    reportAndExit(err);
  }
}

/** Prints a user-facing error in one line (stack only with REAL3D_DEBUG=1) and sets the exit code. */
export function reportAndExit(err: unknown): never {
  if (err instanceof Real3dError) {
    process.stderr.write(`error: ${err.message}\n`);
    if (process.env.REAL3D_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`error: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
}
