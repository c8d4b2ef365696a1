// What every subcommand shares: the output option (same spelling everywhere), number parsing that
// reports a usage error, the package version, and the exit codes.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';

/**
 * Exit codes of the `real3d` command (README "Exit codes"). Usage errors and unusable inputs share
 * one code; the classes in src/errors.ts carry the others.
 */
export const EXIT = { ok: 0, runtime: 1, usage: 2, noFace: 3, setup: 4, cancelled: 130 } as const;

/** The version in package.json (read once, at `--version`). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The one hint line printed under a usage error. */
export function usageHint(command?: string): string {
  return command ? `(run real3d ${command} --help for the options)` : '(run real3d --help for the commands)';
}

/**
 * A number option's parser. A bad value is a commander usage error, so it prints like every other
 * usage error: the error, then the hint line, exit code 2.
 */
export function numberArg(flag: string, limits: { min?: number; max?: number; integer?: boolean } = {}) {
  return (value: string): number => {
    const n = Number(value);
    const { min, max, integer } = limits;
    const range = min !== undefined && max !== undefined ? ` in ${min}..${max}` : min !== undefined ? ` >= ${min}` : max !== undefined ? ` <= ${max}` : '';
    if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || (min !== undefined && n < min) || (max !== undefined && n > max))
      throw new InvalidArgumentError(`${flag} needs a ${integer ? 'whole number' : 'number'}${range}.`);
    return n;
  };
}

/**
 * `-o, --output <path>` with `--out` accepted as the same option, on every command that writes.
 * The value lands in `opts.output`. `required`: a missing output is a usage error.
 */
export function addOutputOption(cmd: Command, description: string, o: { required?: boolean; defaultValue?: string; placeholder?: string } = {}): Command {
  const placeholder = o.placeholder ?? 'file';
  const shown = new Option(`-o, --output <${placeholder}>`, `${description} (also --out)`);
  if (o.defaultValue !== undefined) shown.default(o.defaultValue);
  cmd.addOption(shown);
  cmd.addOption(new Option(`--out <${placeholder}>`).hideHelp());
  cmd.hook('preAction', (command) => {
    const opts = command.opts() as { output?: string; out?: string };
    const fromOut = command.getOptionValueSource('out') === 'cli' ? opts.out : undefined;
    const fromOutput = command.getOptionValueSource('output') === 'cli' ? opts.output : undefined;
    if (fromOut !== undefined && fromOutput !== undefined && fromOut !== fromOutput) command.error(`error: --out and -o/--output are the same option; give it once.`);
    const value = fromOutput ?? fromOut ?? opts.output;
    if (value === undefined && o.required) command.error(`error: required option '-o, --output <${placeholder}>' not specified`);
    command.setOptionValue('output', value);
  });
  return cmd;
}
