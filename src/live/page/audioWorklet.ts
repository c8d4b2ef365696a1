// The live page's AudioWorklet: microphone samples (the AudioContext runs at 16 kHz, the rate the
// audio features use) go straight into the causal mouth model on the audio thread, and after every
// 10 ms hop the mouth's state is posted to the page. The mouth is the learned causal lip model
// (src/live/lipMouth.ts; the page decodes the model and passes it in) or, with ?mouth=rules, the
// rule-based jaw (src/live/mouth.ts). Anything implementing LiveMouth fits.
import './workletGlobals.ts';
import { createLiveMouth } from '../mouth.ts';
import { createLearnedLiveMouth } from '../lipMouth.ts';
import type { LiveMouthState } from '../mouth.ts';
import type { MouthModel } from '../../motion/mouthModel.ts';
import type { LipModel } from '../../motion/lipModel.ts';

/** The worklet's options: the learned causal lip model (the default), or the rule-based jaw with its ridge shapes. */
export type MouthProcessorOptions = { mouthAmp?: number } & ({ lipModel: LipModel } | { model: MouthModel | null });

/** What the worklet posts per analysed hop (audioTime: the AudioContext time at the end of the block). */
export type MouthMessage = LiveMouthState & { audioTime: number };

// The AudioWorkletGlobalScope's API (not in TypeScript's DOM library).
declare const sampleRate: number;
declare const currentTime: number;
declare function registerProcessor(name: string, ctor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}

class MouthProcessor extends AudioWorkletProcessor {
  private readonly mouth;
  private readonly wrongRate: boolean;

  constructor(options: { processorOptions: MouthProcessorOptions }) {
    super(options);
    const o = options.processorOptions;
    this.mouth = 'lipModel' in o ? createLearnedLiveMouth(o.lipModel, { mouthAmp: o.mouthAmp }) : createLiveMouth(o.model, { mouthAmp: o.mouthAmp });
    this.wrongRate = sampleRate !== 16000;
    if (this.wrongRate) this.port.postMessage({ error: `the audio runs at ${sampleRate} Hz, the mouth model needs 16000 Hz` });
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel || this.wrongRate) return true;
    if (this.mouth.push(channel) > 0) {
      const s = this.mouth.state;
      this.port.postMessage({ ...s, weights: { ...s.weights }, audioTime: currentTime + channel.length / sampleRate } satisfies MouthMessage);
    }
    return true;
  }
}

registerProcessor('real3d-mouth', MouthProcessor);
