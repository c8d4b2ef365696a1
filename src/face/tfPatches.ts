// Fixes to the tfjs WebAssembly backend the face models need, shared by node (runtime.ts) and the
// live page, which runs the same models in the browser (src/live/page/webcam.ts).

/**
 * The face-mesh graph multiplies two small int32 tensors (an index computation), which the wasm
 * backend's BatchMatMul refuses. Run those in float32 and cast back: exact for the small integers involved.
 */
export function patchIntegerMatMul(tf: any): void {
  const kernel = tf.getKernel('BatchMatMul', 'wasm');
  if (!kernel || kernel.real3dPatched) return;
  const floatMatMul = kernel.kernelFunc;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...kernel,
    real3dPatched: true,
    kernelFunc: (args: any) => {
      const { a, b } = args.inputs;
      if (a.dtype === 'float32' && b.dtype === 'float32') return floatMatMul(args);
      const backend = args.backend;
      const cast = (t: any) => tf.engine().runKernel('Cast', { x: t }, { dtype: 'float32' });
      const af = cast(a), bf = cast(b);
      const out = floatMatMul({ ...args, inputs: { a: af, b: bf } });
      const outTensor = tf.engine().makeTensorFromTensorInfo(out, backend);
      const rounded = tf.round(outTensor);
      const result = tf.engine().runKernel('Cast', { x: rounded }, { dtype: a.dtype });
      tf.dispose([af, bf, outTensor, rounded]);
      return result;
    },
  });
}
