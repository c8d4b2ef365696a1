// The moved iris's top under the upper lid, measured in the eye texture as the gaze shader draws it
// (gaze28, #14): a look down or aside brings part of the iris that the photo's lid hid into the
// opening. Per eye, the "cap" is the texels inside the opening, within 0.9 of the iris radius (the face mesh ring) of the
// moved centre, whose source (texel - shift) lies outside the opening; their luminance is printed
// against the moved iris's own (its core, from sources well inside the opening) and the eye's white:
// grey = (cap - iris) / (white - iris) (0 = as dark as the iris, 1 = as light as the white), and the
// cap's chroma against the iris's; the same for the moved iris's texels (within the whole radius) up to LID_SLACK px over the photo's
// lid line (they show where the mesh's lid sits higher than the texture's line). Frames: the given ones, or the N with the largest caps in the clip.
// Never asserts. Runs on another checkout too (copy it to <checkout>/bench).
//   node --import tsx bench/irisTop.ts lp_s12.jpg:lp_d14.mp4[:65,80] lp_s10.jpg:MOTION.json ... [--top 3] [--seconds 8]
// (a motion JSON from `real3d motion -a SPEECH.wav`: an audio clip's gaze)
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { faceTextures, GAZE_SHIFT_X, GAZE_SHIFT_Y } from '../src/render/faceTextures.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { loadMotion } from '../src/motion/record.ts';
import { openingShare } from '../src/render/irisDisc.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { luminance } from '../src/math/colour.ts';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const top = arg('--top', 3), seconds = arg('--seconds', 8);
const pairs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const rgb = (c: number) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
const lumP = (c: number) => { const [r, g, b] = rgb(c); return luminance(r!, g!, b!); };
const chroma = (c: number[]) => Math.max(...c) - Math.min(...c);
/** How far over the photo's lid line the "lid" texels are counted (texture px). */
const LID_SLACK = 2;

interface EyeCap { n: number; cap: number[]; iris: number[]; white: number; nLid: number; lid: number[] }

/** One eye's cap and references at this frame's shift (texture space). */
function measureEye(ft: ReturnType<typeof faceTextures>, e: number, poly: [number, number][]): EyeCap | null {
  const disc = ft.gazeWarp.discs[e]!, shader = ft.gazeWarp.shaders[e];
  if (!shader) return null;
  const [sx, sy] = ft.gazeWarp.shiftOf(e);
  const iris = (disc.radius - 1.5) / 1.3;
  const mx = disc.cx + sx, my = disc.cy + sy;
  const acc = { cap: [0, 0, 0], iris: [0, 0, 0], lid: [0, 0, 0] }, n = { cap: 0, iris: 0, lid: 0 };
  for (let y = Math.floor(my - iris); y <= Math.ceil(my + iris); y++) for (let x = Math.floor(mx - iris); x <= Math.ceil(mx + iris); x++) {
    const u = x + 0.5, v = y + 0.5, d = Math.hypot(u - mx, v - my);
    const src = openingShare(poly, u - sx, v - sy);
    // texels just over the upper lid line show on screen where the mesh's lid sits higher (lp_s12: ~2 px, wide27)
    const overLid = v < my && openingShare(poly, u, v) === 0 && openingShare(poly, u, v + LID_SLACK) > 0;
    if (openingShare(poly, u, v) < 1 && !overLid) continue;
    const kind = overLid ? (d < iris && src < 0.5 ? 'lid' : null) : d < 0.9 * iris && src < 0.5 ? 'cap' : d < 0.6 * iris && src >= 1 ? 'iris' : null;
    if (!kind) continue;
    const c = rgb(shader(x, y, u, v));
    for (let ch = 0; ch < 3; ch++) acc[kind][ch]! += c[ch]!;
    n[kind]++;
  }
  // the eye's white: the texture's lighter half inside the opening, outside 1.2 radii of the rest iris
  const whites: number[] = [];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    if (openingShare(poly, x + 0.5, y + 0.5) < 1 || Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) < 1.2 * iris) continue;
    whites.push(lumP(ft.eyeTex.data32[y * ft.eyeTex.width + x]!));
  }
  whites.sort((a, b) => b - a);
  return { n: n.cap, nLid: n.lid, lid: acc.lid.map((v) => v / Math.max(1, n.lid)), cap: acc.cap.map((v) => v / Math.max(1, n.cap)), iris: acc.iris.map((v) => v / Math.max(1, n.iris)), white: whites[Math.floor(whites.length / 4)] ?? 255 };
}

const f2 = (v: number) => v.toFixed(2);
for (const spec of pairs) {
  const [photo, driver, list] = spec.split(':') as [string, string, string?];
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, 'portraits', photo)));
  const ft = faceTextures(avatar);
  const frames = driver.endsWith('.json') ? (await loadMotion(driver)).frames.slice(0, seconds * 25) : motionFramesFromRaw((await cachedTrack(driver, 25)).slice(0, seconds * 25), 25, true).frames;
  const polys = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => loop.map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]));
  const iod = avatar.head.iod, rig = avatar.rig;
  const measure = (f: MotionFrame) => {
    const g = f.gaze ?? [0, 0];
    const gx = Math.max(-1, Math.min(1, g[0] || 0)) - rig.gaze[0], gy = Math.max(-1, Math.min(1, g[1] || 0)) - rig.gaze[1];
    ft.gazeWarp.set(gx * GAZE_SHIFT_X * iod, gy * GAZE_SHIFT_Y * iod, Math.max(-1, Math.min(1, f.vergence ?? 0)) * GAZE_SHIFT_X * iod);
    return [0, 1].map((e) => measureEye(ft, e, polys[e]!));
  };
  const chosen = list ? list.split(',').map(Number) : frames.map((f, i) => [i, measure(f).reduce((s, m) => s + (m?.n ?? 0), 0)] as const).sort((a, b) => b[1] - a[1]).slice(0, top).map(([i]) => i).sort((a, b) => a - b);
  console.log(`${photo} <- ${driver}: frames ${chosen.join(',')}   (per eye, image-right / image-left: cap px, lum cap [iris, white], grey share, chroma cap [iris])`);
  const sum = { grey: 0, n: 0, lid: 0, nLid: 0 };
  for (const i of chosen) {
    const ms = measure(frames[i]!);
    const parts = ms.map((m) => {
      if (!m || m.n === 0) return '-';
      const lc = luminance(m.cap[0]!, m.cap[1]!, m.cap[2]!), li = luminance(m.iris[0]!, m.iris[1]!, m.iris[2]!);
      const grey = (lc - li) / Math.max(1, m.white - li);
      const ll = luminance(m.lid[0]!, m.lid[1]!, m.lid[2]!), greyLid = (ll - li) / Math.max(1, m.white - li);
      sum.grey += grey * m.n; sum.n += m.n; sum.lid += greyLid * m.nLid; sum.nLid += m.nLid;
      return `${m.n} px ${lc.toFixed(0)} [${li.toFixed(0)}, ${m.white.toFixed(0)}] grey ${f2(grey)} chroma ${chroma(m.cap).toFixed(0)} [${chroma(m.iris).toFixed(0)}]; over lid ${m.nLid} px grey ${m.nLid ? f2(greyLid) : '-'}`;
    });
    const g = frames[i]!.gaze ?? [0, 0];
    console.log(`  f${i} gaze ${f2(g[0])},${f2(g[1])} verg ${f2(frames[i]!.vergence ?? 0)}: ${parts.join('  |  ')}`);
  }
  console.log(`  weighted grey share ${sum.n ? f2(sum.grey / sum.n) : '-'} over ${sum.n} px; over the lid line ${sum.nLid ? f2(sum.lid / sum.nLid) : '-'} over ${sum.nLid} px`);
}
