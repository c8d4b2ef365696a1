// The half-shut eye's look (visor45): per eye, across the eye (u .2-.8, outer -> inner) the lash band's darkest luma
// and its lower edge's width, the white's flatness, the inner corner's light; rendered frames of a saved motion or a
// driver's half-shut frames (closure .5-.8 by the face mesh). All lumas over the lid skin's (a band .10-.16 eye widths
// below the lower lid line: lp_s7's painted liner fills the band above the lid). Never asserts.
//   node --import tsx bench/halfLidLook.ts lp_s7.jpg --motion m.motion.json --frames 59,64 [--eye 0|1] [--ab: underLidShade off, on] [--png out.png]
//   node --import tsx bench/halfLidLook.ts --real WDA_KatieHill_000.mp4 [--n 8]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { EYE_SIDES, eyeFrame, toImage, toEye } from '../src/render/closedEye/frame.ts';
import { lidLineAt } from '../src/render/closedEye/lidLine.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage, MotionFrame } from '../src/types.ts';

type Pt = [number, number];
const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const q = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN; };

function px(img: RgbaImage, x: number, y: number): [number, number, number] {
  const xi = Math.max(0, Math.min(img.width - 1, Math.round(x - 0.5))), yi = Math.max(0, Math.min(img.height - 1, Math.round(y - 0.5)));
  const i = (yi * img.width + xi) * 4, d = img.data;
  return [d[i]!, d[i + 1]!, d[i + 2]!];
}
const luma = ([r, g, b]: number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

export interface HalfLidLook { close: number; skin: number; band: number; bandSpread: number; edgePx: number; edgeW: number; white: number; whiteSpread: number; whiteN: number; inner: number }

/** The figures for one eye (side 0 image-left) of an image with landmarks lm (pixel [x, y] per mesh point). */
export function halfLidLook(img: RgbaImage, lm: Pt[], side: number): HalfLidLook {
  const s = EYE_SIDES[side]!;
  const down: Pt = [(lm[13]![0] + lm[14]![0]) / 2 - (lm[33]![0] + lm[263]![0]) / 2, (lm[13]![1] + lm[14]![1]) / 2 - (lm[33]![1] + lm[263]![1]) / 2];
  const f = eyeFrame(lm[s.outer]!, lm[s.inner]!, down);
  const up = s.upper.map((i) => toEye(f, lm[i]![0], lm[i]![1])), lo = s.lower.map((i) => toEye(f, lm[i]![0], lm[i]![1]));
  const U = { u: up.map((p) => p[0]), v: up.map((p) => p[1]) }, L = { u: lo.map((p) => p[0]), v: lo.map((p) => p[1]) };
  const at = (u: number, v: number) => px(img, ...toImage(f, u, v));
  const step = 0.5 / f.width; // half a pixel in eye widths
  const skinS: number[] = [], bands: number[] = [], edges: number[] = [], whites: number[] = [], inner: number[] = [];
  for (let u = 0.2; u <= 0.8001; u += 0.04) for (let v = 0.1; v <= 0.16; v += step) skinS.push(luma(at(u, lidLineAt(L.u, L.v, u) + v)));
  const skin = med(skinS);
  for (let u = 0.2; u <= 0.8001; u += 0.04) {
    const vu = lidLineAt(U.u, U.v, u), vl = lidLineAt(L.u, L.v, u);
    const prof: number[] = [];
    for (let v = vu - 0.08; v <= vl; v += step) prof.push(luma(at(u, v)));
    // the band: the darkest point within .08 of the lid line; its lower edge: from it down to the opening's median light
    const nb = Math.min(prof.length, Math.round((0.16) / step));
    let k0 = 0; for (let k = 1; k < nb; k++) if (prof[k]! < prof[k0]!) k0 = k;
    bands.push(prof[k0]! / skin);
    const below = prof.slice(k0);
    const openL = q(below, 0.75), rise = openL - prof[k0]!;
    if (rise > 0.1 * skin) {
      const a = below.findIndex((l) => l >= prof[k0]! + 0.2 * rise), b = below.findIndex((l) => l >= prof[k0]! + 0.8 * rise);
      if (a >= 0 && b >= 0) edges.push((b - a) * 0.5);
    }
    for (let v = vu + 0.01; v < vl - 0.01; v += step) {
      const c = at(u, v), l = luma(c), mx = Math.max(...c), mn = Math.min(...c), sat = mx > 0 ? (mx - mn) / mx : 0;
      if (sat < 0.3 && l > 0.45 * skin && (c[2] - c[0]) / Math.max(1, l) < 0.04) whites.push(l / skin);
    }
  }
  for (let u = 0.82; u <= 0.96; u += 0.02) { const vu = lidLineAt(U.u, U.v, u), vl = lidLineAt(L.u, L.v, u); for (let v = vu; v <= vl; v += step) inner.push(luma(at(u, v)) / skin); }
  const opening = med(Array.from({ length: 7 }, (_, k) => lidLineAt(L.u, L.v, 0.35 + 0.05 * k) - lidLineAt(U.u, U.v, 0.35 + 0.05 * k)));
  return { close: opening, skin, band: med(bands), bandSpread: q(bands, 0.9) - q(bands, 0.1), edgePx: med(edges), edgeW: med(edges) / f.width, white: med(whites), whiteSpread: whites.length > 5 ? q(whites, 0.9) - q(whites, 0.1) : NaN, whiteN: whites.length, inner: q(inner, 0.9) };
}

export const fmt = (h: HalfLidLook) => `open ${h.close.toFixed(3)} skin ${h.skin.toFixed(0)} band ${h.band.toFixed(2)} (spread ${h.bandSpread.toFixed(2)}) edge ${h.edgePx.toFixed(1)} px (${h.edgeW.toFixed(3)} w) white ${h.white.toFixed(2)} spread ${h.whiteSpread.toFixed(3)} n${h.whiteN} inner90 ${h.inner.toFixed(2)}`;

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
if (process.argv[1]?.endsWith('halfLidLook.ts')) {
  const { SHARED_DATA } = await import('./sharedData.ts');
  const cells: GridCell[][] = [];
  if (arg('--real')) {
    const { cachedTrack } = await import('./driverTracks.ts');
    const { decodeVideoFrames } = await import('../src/io/media.ts');
    const { lidShape } = await import('./lidArch.ts');
    const video = arg('--real')!, track = await cachedTrack(video, 25);
    const sides = EYE_SIDES.map((s) => ({ u: [...s.upper], l: [...s.lower] }));
    const openW = sides.map((e) => med(track.filter((r) => r?.lm).map((r) => { const s = lidShape(r!.lm!, e.u, e.l); return s.open / s.w; })));
    const pick: number[] = [];
    track.forEach((r, i) => { if (!r?.lm) return; const c = sides.map((e, k) => 1 - lidShape(r.lm!, e.u, e.l).open / lidShape(r.lm!, e.u, e.l).w / openW[k]!); const m = (c[0]! + c[1]!) / 2; if (m >= 0.5 && m <= 0.8) pick.push(i); });
    const n = Number(arg('--n') ?? 8), want = new Set(pick.filter((_, k) => k % Math.max(1, Math.ceil(pick.length / n)) === 0));
    let i = 0;
    for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps: 25, maxSide: 720 })) {
      if (want.has(i)) {
        const lm = track[i]!.lm!, P = Array.from({ length: lm.length / 3 }, (_, k) => [lm[k * 3]!, lm[k * 3 + 1]!] as Pt);
        const row: GridCell[] = [];
        for (const side of [0, 1]) {
          const c = 1 - lidShape(lm, sides[side]!.u, sides[side]!.l).open / lidShape(lm, sides[side]!.u, sides[side]!.l).w / openW[side]!;
          console.log(`${video} f${i} eye ${side} c ${c.toFixed(2)} ${fmt(halfLidLook(img, P, side))}`);
          if (arg('--png')) row.push({ label: `f${i} eye ${side} c ${c.toFixed(2)}`, image: cropImage(img, eyeBox(P, side, img)) });
        }
        cells.push(row);
      }
      if (++i > Math.max(...want)) break;
    }
  } else {
    const { cachedPortrait } = await import('./portraitCache.ts');
    const { buildAvatar } = await import('../src/avatar/build.ts');
    const { createRenderer } = await import('../src/render/renderer.ts');
    const file = process.argv[2]!, motion = (JSON.parse(readFileSync(arg('--motion')!, 'utf8')) as { frames: MotionFrame[] }).frames;
    const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file))), { width: 512, height: 512 });
    const { underLidShadeSetting } = await import('../src/render/closedEye/underLidShade.ts');
    const hooks = process.argv.includes('--ab') ? { setOn: (on: boolean) => { underLidShadeSetting.on = on; } } : null;
    for (const fr of arg('--frames')!.split(',').map(Number)) {
      const lm = (r.landmarks(motion[fr]!) as unknown as number[][]).map((p) => [p[0]!, p[1]!] as Pt);
      const row: GridCell[] = [];
      for (const on of hooks ? [false, true] : [true]) {
        hooks?.setOn(on);
        const img = r.render(motion[fr]!);
        for (const side of arg('--eye') ? [Number(arg('--eye'))] : [0, 1]) {
          console.log(`${file} f${fr} eye ${side} blink ${(motion[fr]!.blink ?? 0).toFixed(2)} ${hooks ? (on ? 'after ' : 'before') : ''} ${fmt(halfLidLook(img, lm, side))}`);
          if (arg('--png')) row.push({ label: `${file} f${fr} eye ${side} ${hooks ? (on ? 'after' : 'before') : ''}`, image: cropImage(img, eyeBox(lm, side, img)) });
        }
      }
      cells.push(row);
    }
  }
  if (arg('--png')) { await writeFile(arg('--png')!, await labelledGrid(cells, { title: 'half-shut eye', cellW: 360, cellH: 220 })); console.log('sheet', arg('--png')); }
}

function eyeBox(lm: Pt[], side: number, img: RgbaImage): [number, number, number, number] {
  const s = EYE_SIDES[side]!, a = lm[s.outer]!, b = lm[s.inner]!, w = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const x = Math.max(0, Math.round(Math.min(a[0], b[0]) - 0.25 * w)), y = Math.max(0, Math.round((a[1] + b[1]) / 2 - 0.45 * w));
  return [x, y, Math.min(img.width - x, Math.round(1.5 * w)), Math.min(img.height - y, Math.round(0.8 * w))];
}
