// The moved iris in texture space at a hard glance, per eye, for this checkout and `--base` (another): over the mesh's
// iris ring round the moved centre, inside the opening, the mean luma over the white behind the rest iris (`iris/white`)
// and the share of those texels lighter than PALE of that white (`pale`: a faint iris's pale disc, s44 glance44); at
// gaze 0 (the photo), -1 and +1. Never asserts.
//   node --import tsx bench/glanceIrisRead.ts lp_s0.jpg,lp_s2.jpg [--base /work/wt/before44] [--gaze 0,0.1,0.2,0.3]
// `--gaze`: other gaze x values (default 0,-1,1); each figure then also gives |shift| over the open reach that side (glanceShare's input).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { luminance } from '../src/math/colour.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

const PALE = 0.8;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const list = process.argv[2]!.split(',');
const GAZES = (arg('--gaze') ?? '0,-1,1').split(',').map(Number);
const roots = [...(arg('--base') ? [arg('--base')!] : []), process.cwd()];
const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
for (const file of list) {
  const lines: string[] = [];
  for (const root of roots) {
    const imp = (p: string) => import(pathToFileURL(path.join(root, p)).href);
    const { cachedPortrait } = await imp('bench/portraitCache.ts');
    const { buildAvatar } = await imp('src/avatar/build.ts');
    const { GazeIris, irisOverWhite } = await imp('src/render/gazeIris.ts');
    const { GAZE_SHIFT_X } = await imp('src/render/faceTextures.ts');
    const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
    const uv = avatar.uv, iod = avatar.head.iod;
    const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
    const gi = new GazeIris(uv, tex);
    const per: string[] = [];
    for (let e = 0; e < 2; e++) {
      const d = gi.discs[e]!, ring = (d.radius - 1.5) / 1.3;
      const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
      let wsum = 0, wn = 0;
      for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) if (Math.hypot(d.x0 + i + 0.5 - d.cx, d.y0 + j + 0.5 - d.cy) < ring) { wsum += lum(d.white[j * d.size + i]!); wn++; }
      const white = wsum / wn;
      const figs = GAZES.map((g) => {
        gi.set(g * GAZE_SHIFT_X * iod, 0);
        const [sx, sy] = g === 0 ? [0, 0] : gi.shiftOf(e);
        let s = 0, n = 0, pale = 0;
        for (let y = Math.floor(d.cy + sy - ring); y <= d.cy + sy + ring; y++) for (let x = Math.floor(d.cx + sx - ring); x <= d.cx + sx + ring; x++) {
          const u = x + 0.5, v = y + 0.5;
          if (Math.hypot(u - d.cx - sx, v - d.cy - sy) > ring || !insidePolygon(u, v, poly)) continue;
          const l = lum(g === 0 ? tex.data32[y * tex.width + x]! : irisOverWhite(tex, d, u, v, sx, sy));
          s += l; n++; if (l > PALE * white) pale++;
        }
        const open = d.open?.[sx < 0 ? 0 : 1] ?? d.reach[sx < 0 ? 0 : 1];
        return `${g}: ${(s / n / white).toFixed(2)}/${(pale / n).toFixed(2)}${arg('--gaze') ? ` r${(Math.abs(sx) / open).toFixed(2)}` : ''}`;
      });
      per.push(`eye ${e} ${figs.join('  ')}`);
    }
    lines.push(`${path.basename(root).padEnd(10)} ${per.join('  |  ')}`);
  }
  console.log(`${file} (iris/white / pale [r: |shift| / open reach] at gaze ${GAZES.join(', ')})\n  ${lines.join('\n  ')}`);
}
