// Where an opening's size goes astray between the motion and the read-back (s58 overopen58, #13 "parted photos
// over-open"). Reads bench/openSize.ts's --json table (driver and each root's per-frame read-back, with the rig
// mesh's own gap) and the motion it was made from, and per frame over the driver's open frames prints
//   driver   the driver's read gap (IOD)
//   target   what the motion asks: jawOpen x RENDER_GAP_PER_JAW + the driver's rest gap (restLipGap; the renderer
//            keeps min(rest, photo's gap)), before the narrow-mouth / short-face gains
//   mesh     the rig mesh's gap 13-14 (target + the lip-band allowance, opening.ts)
//   drawn    the mesh's gap less the inner-lip bands the shader draws inside it (lipSurface.ts shownGap)
//   read     our render read back by the face mesh
// and per driver-gap bin the geometric-mean ratios read/driver, read/target, mesh/target, read/mesh, with the
// mean |log(read/driver)| over frames read open (the per-frame error, which a whole-clip ratio hides). Never asserts.
//   node --import tsx bench/openTarget.ts --json openSize.json --motion m.json [--open .04] [--per-frame]
import { readFile } from 'node:fs/promises';
import { RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { shownGap } from '../src/render/mouth/lipSurface.ts';
import type { MotionFrame } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
interface Row { f: string; driver: number; target: number; mesh: number; drawn: number; read: number }
/** a read-back of a shut mouth (0) counts as this, so one shut frame does not send a log ratio to infinity */
const READ_FLOOR = 0.005;

const gmean = (v: number[]) => (v.length ? Math.exp(v.reduce((a, x) => a + Math.log(x), 0) / v.length).toFixed(2) : '-');

/** The per-frame chain target -> mesh -> drawn -> read for one root, over the driver's open frames. */
export function chainRows(driver: Record<string, { gap: number }>, ours: Record<string, { gap: number; mesh?: number }>, frames: MotionFrame[], open: number): Row[] {
  const rows: Row[] = [];
  for (const f of Object.keys(driver)) {
    const o = ours[f], w = frames[Number(f)]?.w as Record<string, number> | undefined;
    if (!o || !w || driver[f]!.gap <= open || o.mesh === undefined) continue;
    const target = (w.jawOpen ?? 0) * RENDER_GAP_PER_JAW + (w.restLipGap ?? 0);
    rows.push({ f, driver: driver[f]!.gap, target, mesh: o.mesh, drawn: shownGap(o.mesh, 0), read: Math.max(READ_FLOOR, o.gap) });
  }
  return rows;
}

function summary(rows: Row[]): string {
  const r = (s: Row[], a: keyof Row, b: keyof Row) => gmean(s.map((x) => (x[a] as number) / (x[b] as number)));
  const read = rows.filter((x) => x.read > READ_FLOOR);
  const mal = read.length ? (read.reduce((a, x) => a + Math.abs(Math.log(x.read / x.driver)), 0) / read.length).toFixed(3) : '-';
  const bins = [[0.04, 0.1], [0.1, 0.18], [0.18, 1]].map(([a, b]) => {
    const s = rows.filter((x) => x.driver > a! && x.driver <= b!);
    return `  ${a}-${b} (${s.length}): read/driver ${r(s, 'read', 'driver')} read/target ${r(s, 'read', 'target')} mesh/target ${r(s, 'mesh', 'target')} read/mesh ${r(s, 'read', 'mesh')} read/drawn ${r(s, 'read', 'drawn')}`;
  });
  return `all (${rows.length}): mean|log read/driver| ${mal} read/driver ${r(rows, 'read', 'driver')} read/target ${r(rows, 'read', 'target')} read/mesh ${r(rows, 'read', 'mesh')}\n${bins.join('\n')}`;
}

if (process.argv[1]?.endsWith('openTarget.ts')) {
  const table = JSON.parse(await readFile(arg('--json', ''), 'utf8')) as Record<string, Record<string, { gap: number; mesh?: number }>>;
  const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
  const open = Number(arg('--open', '0.04'));
  for (const tag of Object.keys(table).filter((k) => k !== 'driver')) {
    const rows = chainRows(table.driver!, table[tag]!, motion.frames, open);
    console.log(`${tag}: ${summary(rows)}`);
    if (process.argv.includes('--per-frame')) {
      for (const x of rows) console.log(`  f${x.f.padEnd(4)} driver ${x.driver.toFixed(3)} target ${x.target.toFixed(3)} mesh ${x.mesh.toFixed(3)} drawn ${x.drawn.toFixed(3)} read ${x.read.toFixed(3)}`);
    }
  }
}
