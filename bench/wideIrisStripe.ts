// A raised lid's iris top in the eye texture (stare33): per portrait and eye, at eyeWide W (gaze 0), the drawn
// iris's rows from the photo's lid line down to its centre row, each row's median against the same row of the
// photo's lower half mirrored, the darkest (1 = as light as the iris's lower half; under 1 a darker stripe across
// the iris's top: the photo's lid shade left under the drawing), and the largest row-to-row jump of the iris's mean luminance over those rows
// (a step where the drawing ends). Per checkout (--root, --before). Never asserts.
//   node --import tsx bench/wideIrisStripe.ts lp_s42.jpg,lp_s12.jpg [--wide .6] [--before /work/main]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const wide = Number(arg('--wide') ?? 0.6);
const [list] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const roots = [...(arg('--before') ? [['before', path.resolve(arg('--before')!)]] : []), ['this', path.resolve(import.meta.dirname, '..')]] as [string, string][];
const lum = (d: Uint8ClampedArray, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

for (const photo of list!.split(',')) {
  const p = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
  for (const [name, root] of roots) {
    const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
    const { WideEyes } = await import(pathToFileURL(path.join(root, 'src/render/wideEyes.ts')).href);
    const av = buildAvatar(p), rig = av.rig, R = rig.rotation, t = av.eyeTexture;
    const lidLift = (k: number, i: number) => { const o = (k * LANDMARK_COUNT + i) * 3; return -rig.scale * (R[3] * rig.basis[o] + R[4] * rig.basis[o + 1] + R[5] * rig.basis[o + 2]); };
    const we = new WideEyes(t, (i: number) => [av.uv[i * 2], av.uv[i * 2 + 1]], lidLift);
    const wv = Float64Array.from(rig.photoWeights as ArrayLike<number>);
    wv[CONTROL_INDEX.eyeWideLeft] = wide; wv[CONTROL_INDEX.eyeWideRight] = wide;
    we.update(wv, rig.photoWeights);
    const out: string[] = [];
    for (const [side, o] of (we.openings as any[]).entries()) {
      if (!o?.model.iris) { out.push(`eye ${side}: no iris`); continue; }
      const { cx, cy, r } = o.model.iris;
      // per row the median over the iris's middle columns (a catchlight is not the iris's shade)
      const rows: number[] = [], ratios: number[] = [];
      const med = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1]!;
      const top = Math.ceil(Math.min(...o.model.columns.filter((c: any) => Math.abs(c.x + 0.5 - cx) < 0.7 * r).map((c: any) => c.top)));
      for (let y = top; y < Math.floor(cy); y++) {
        const d: number[] = [], m: number[] = [];
        for (let x = Math.ceil(cx - 0.7 * r); x <= Math.floor(cx + 0.7 * r); x++) {
          const col = o.model.columns.find((c: any) => c.x === x);
          if (!col || y + 0.5 < col.top) continue;
          const my = Math.floor(2 * cy - y - 0.5);
          if (my >= col.bottom - 1) continue;
          d.push(lum(we.data, (y * t.width + x) * 4)); m.push(lum(t.data, (my * t.width + x) * 4));
        }
        if (d.length) { rows.push(med(d)); ratios.push(med(d) / Math.max(1, med(m))); }
      }
      const drawn = Math.min(...ratios), mirrored = 1;
      let jump = 0;
      for (let k = 1; k < rows.length; k++) jump = Math.max(jump, Math.abs(rows[k]! - rows[k - 1]!));
      out.push(`eye ${side}: darkest row/mirrored ${(drawn / mirrored).toFixed(2)} jump ${jump.toFixed(0)} (${rows.length} rows)`);
    }
    console.log(`${photo.padEnd(16)} ${name.padEnd(7)} eyeWide ${wide}: ${out.join(' | ')}`);
  }
}
