// Test fixture: one mouth placement lit three ways — an audio frame (no driver reading), a driver that hides its lower row
// (driverLowerShow 0) and one that shows it (`shown`, IOD) — for the lower row's gating (frameLight.ts).
import { FrameLight } from '../src/render/mouth/frameLight.ts';

export function frameLightByDriverRow(gap: number, shown: number): { audio: FrameLight; hidden: FrameLight; shown: FrameLight } {
  const place = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap, photoGap: 0, rebuilt: 1 };
  const empty = { width: 2, height: 2, anchorX: 1, anchorY: 1, data: new Float32Array(16) };
  const layers = { upper: empty, lower: empty, tongue: null, cavity: [20, 20, 24] as [number, number, number], fromPhoto: false };
  const lip = [140, 60, 55], edge = [180, 100, 90];
  const lit = (driverLowerShow?: number) => {
    const f = new FrameLight();
    f.set(driverLowerShow === undefined ? place : { ...place, driverLowerShow }, layers, null, null, lip, edge);
    return f;
  };
  return { audio: lit(), hidden: lit(0), shown: lit(shown) };
}
