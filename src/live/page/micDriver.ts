// The microphone driver: the AudioWorklet runs the mouth (the learned causal lip model, src/live/lipMouth.ts,
// or with ?mouth=rules the rule-based jaw, src/live/mouth.ts) on the 16 kHz microphone; blinks, gaze and
// head come from src/live/micMotion.ts on the page. Each mouth state is logged in `live.audio`.
import type { MouthModel } from '../../motion/mouthModel.ts';
import { parseLipModel, type LipModel } from '../../motion/lipModel.ts';
import { MicMotion } from '../micMotion.ts';
import type { LiveMouthState } from '../mouth.ts';
import type { MouthMessage, MouthProcessorOptions } from './audioWorklet.ts';
import { push, type DriverSession, type LiveState } from './liveState.ts';

export type MicMouth = 'learned' | 'rules';

let mouthModel: Promise<MouthModel> | null = null;
let lipModel: Promise<LipModel> | null = null;

/** The worklet's mouth: the learned causal lip model, decoded here (plain TS base64, no Buffer), or the rule-based jaw. */
async function mouthOptions(mouth: MicMouth): Promise<MouthProcessorOptions> {
  if (mouth === 'rules') {
    mouthModel ??= fetch('/live/mouth-model.json').then((r) => r.json() as Promise<MouthModel>);
    return { model: await mouthModel, mouthAmp: 0.45 };
  }
  lipModel ??= fetch('/live/lip-model.json').then(async (r) => parseLipModel(await r.text(), '/live/lip-model.json'));
  lipModel.catch(() => { lipModel = null; });
  return { lipModel: await lipModel, mouthAmp: 0.45 };
}

export interface MicOptions {
  live: LiveState;
  mouth: MicMouth;
  /** the head's motion: from the speech (auto) or still */
  pose: 'static' | 'auto';
  showError: (message: string) => void;
}

/** Starts the microphone into the (stopped) session: its media, audio context, frames and clean-up. */
export async function startMic(session: DriverSession, o: MicOptions): Promise<void> {
  const { live } = o;
  const mouthSetup = mouthOptions(o.mouth);
  mouthSetup.catch(() => {}); // awaited below; this only keeps an early failure from being reported twice
  // no browser clean-up of the voice: the mouth model was trained on plain recordings
  live.audioState = 'asking for the microphone';
  const media = session.media = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 } });
  // the audio features run at 16 kHz: the browser resamples the microphone into this context
  const audioContext = session.audioContext = new AudioContext({ sampleRate: 16000, latencyHint: 'interactive' });
  live.audioState = 'loading the audio worklet';
  await audioContext.audioWorklet.addModule('/live/audio-worklet.js');
  live.audioState = 'loading the mouth model';
  const node = new AudioWorkletNode(audioContext, 'real3d-mouth', { numberOfInputs: 1, numberOfOutputs: 1, processorOptions: await mouthSetup });
  audioContext.createMediaStreamSource(media).connect(node);
  // a silent path to the speakers keeps the graph (and so the worklet) running
  const mute = audioContext.createGain();
  mute.gain.value = 0;
  node.connect(mute).connect(audioContext.destination);
  const motion = new MicMotion({ fps: 25, blink: 'natural', pose: o.pose });
  let mouth: LiveMouthState = { weights: {}, speech: 0, energy: -8, loudnessDb: -100, time: 0 };
  let mouthAt = 0;
  node.port.onmessage = (e: MessageEvent<MouthMessage | { error: string }>) => {
    if ('error' in e.data) {
      console.error(e.data.error);
      o.showError(e.data.error);
      return;
    }
    mouth = e.data;
    mouthAt = performance.now();
    push(live.audio, { t: mouthAt, loudnessDb: mouth.loudnessDb, jaw: mouth.weights.jawOpen ?? 0, speech: mouth.speech });
  };
  live.audioState = audioContext.state;
  // (the session's context: after stop() it is null and the state reads 'closed')
  audioContext.onstatechange = () => { live.audioState = session.audioContext?.state ?? 'closed'; };
  const t0 = performance.now();
  session.source = () => ({ frame: motion.frameAt((performance.now() - t0) / 1000, mouth), mouthAt });
  session.stopDriver = () => node.port.close();
}
