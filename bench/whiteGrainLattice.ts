// s51 whites51: the stare white's drawn grain pattern (render/whiteGrain.ts). G(k, y) = grainAt(field, k, y - floor(lid_k) + 2) over each column's
// uncovered rows at eyeWide +amt (texture space); the largest correlation of G with itself shifted by (dx 1..3, dy -6..6):
// ~1 a lattice (each column its neighbour shifted), ~.2 noise. Never asserts.
//   node --import tsx bench/whiteGrainLattice.ts CHECKOUT st_happy.png,lp_s42.jpg [amount]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const args = process.argv.slice(2);
const root = args[0]!, files = args[1]!.split(','), amt = Number(args[2] ?? '.7');
const imp = (m: string) => import(pathToFileURL(path.join(root, m)).href);
const { cachedPortrait } = await import('./portraitCache.ts');
const { SHARED_PORTRAITS } = await import('./sharedData.ts');
const { buildAvatar } = await imp('src/avatar/build.ts');
const { faceTextures } = await imp('src/render/faceTextures.ts');
const { grainAt } = await imp('src/render/whiteGrain.ts');
for (const file of files) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
  const we = faceTextures(avatar).wideEyes as any;
  const out: string[] = [];
  for (const eye of we.eyes) {
    const cols = eye.model.columns; const G = new Map<string, number>();
    cols.forEach((c: any, k: number) => { const lid = c.top - amt * eye.lifts[k]; for (let y = Math.floor(lid); y < c.top; y++) G.set(`${k},${y}`, grainAt(eye.grain, k, y - Math.floor(lid) + 2)); });
    let best = 0, at = '';
    for (let dx = 1; dx <= 3; dx++) for (let dy = -6; dy <= 6; dy++) {
      const a: number[] = [], b: number[] = [];
      for (const [key, v] of G) { const [k, y] = key.split(',').map(Number); const u = G.get(`${k! + dx},${y! + dy}`); if (u !== undefined) { a.push(v); b.push(u); } }
      if (a.length < 20) continue;
      const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
      let sab = 0, saa = 0, sbb = 0; for (let i = 0; i < a.length; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
      const r = saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
      if (r > best) { best = r; at = `${dx},${dy}`; }
    }
    out.push(`eye${eye.side} n ${G.size} max corr ${best.toFixed(2)} at (${at})`);
  }
  console.log(`${file} +${amt}: ${out.join(' | ')}`);
}
