// The Record button: the canvas (and the driver's sound, when there is any) recorded by
// MediaRecorder into a WebM that the page offers for download and plays back.

export interface RecordingUi {
  button: HTMLButtonElement;
  status: HTMLElement;
  download: HTMLAnchorElement;
  playback: HTMLVideoElement;
}

/** The first WebM flavour this browser can record, or undefined for its default. */
function webmType(): string | undefined {
  return ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
}

/** Makes `ui.button` start and stop a recording of `canvas`; `onRecorded` gets each finished one. */
export function wireRecording(ui: RecordingUi, canvas: HTMLCanvasElement, soundTracks: () => MediaStreamTrack[], onRecorded: (blob: Blob) => void): void {
  let recorder: MediaRecorder | null = null;
  ui.button.addEventListener('click', () => {
    if (recorder) {
      recorder.stop();
      return;
    }
    const stream = canvas.captureStream(30);
    for (const track of soundTracks()) stream.addTrack(track);
    const type = webmType();
    const rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
    rec.onstop = () => {
      const blob = new Blob(chunks, { type: rec.mimeType || 'video/webm' });
      onRecorded(blob);
      if (ui.download.href) URL.revokeObjectURL(ui.download.href);
      ui.download.href = URL.createObjectURL(blob);
      ui.download.hidden = false;
      ui.playback.src = ui.download.href;
      ui.playback.hidden = false;
      ui.status.textContent = `Recorded ${(blob.size / 1024).toFixed(0)} KB${stream.getAudioTracks().length ? ' with sound' : ' (no sound: start the microphone or webcam first)'}.`;
      ui.button.textContent = 'Record';
      ui.button.classList.remove('active');
      recorder = null;
    };
    rec.start(500);
    recorder = rec;
    ui.button.textContent = 'Stop recording';
    ui.button.classList.add('active');
    ui.status.textContent = 'Recording...';
  });
}
