// The `real3d` command line. Each subcommand lives in its own file and is loaded on demand: a run
// of one command loads only that command's file (and its heavy modules only in its action), so
// usage errors and --version answer at once, and one broken stage does not break the others.
import { Command, CommanderError } from 'commander';
import { Real3dError } from '../errors.ts';
import { EXIT, packageVersion, usageHint } from './options.ts';

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

/** The command files a run needs: the named command's only; all of them for help and unknown commands. */
export function commandFilesFor(argv: string[]): string[] {
  const args = argv.slice(2);
  const name = args.find((a) => !a.startsWith('-'));
  const named = commands.filter(({ file }) => file === `./${name}.ts`);
  if (named.length) return named.map((c) => c.file);
  if (name === undefined && (args.includes('--version') || args.includes('-V'))) return [];
  return commands.map((c) => c.file);
}

/** The program with the commands of these files registered, usage errors set to throw. */
export async function buildProgram(files: string[] = commands.map((c) => c.file)): Promise<Command> {
  const program = new Command();
  program
    .name('real3d')
    .description('One-shot 3D talking portraits: one photo + speech audio (or a driving video) -> a talking video')
    .version(packageVersion(), '-V, --version', 'print the version');
  for (const file of files) {
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
  // A usage error is the error and one hint line (not the whole help), and throws instead of exiting
  // so that every usage error leaves with the same code.
  program.exitOverride().showHelpAfterError(usageHint());
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError(usageHint(cmd.name()));
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(commandFilesFor(argv));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    reportAndExit(err);
  }
}

/** Prints a user-facing error in one line (stack only with REAL3D_DEBUG=1) and sets the exit code. */
export function reportAndExit(err: unknown): never {
  if (err instanceof CommanderError) {
    // commander has already printed the message (and the hint); help and --version end with 0
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  if (err instanceof Real3dError) {
    process.stderr.write(`error: ${err.message}\n`);
    if (process.env.REAL3D_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`error: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(EXIT.runtime);
}
