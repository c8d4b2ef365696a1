// The `--case name=video[,photo=P][,audio=A]` arguments shared by the audio-mouth benches
// (audioMouth.ts, lipChain.ts): one entry per case, in the order given.
export interface CaseArg { name: string; video: string; photo?: string; audio?: string }

export function caseArgs(argv: readonly string[]): CaseArg[] {
  const cases: CaseArg[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] !== '--case') continue;
    const [head, ...opts] = (argv[k + 1] ?? '').split(',');
    const [name, video] = (head ?? '').split('=');
    const kv = Object.fromEntries(opts.map((s) => s.split('='))) as Record<string, string | undefined>;
    cases.push({ name: name!, video: video!, photo: kv.photo, audio: kv.audio });
  }
  return cases;
}
