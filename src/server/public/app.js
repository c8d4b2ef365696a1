// The real3d web page: photo preview, audio upload or recording, options, job progress, result.
// Plain browser JavaScript, no build step. Talks only to this server's /api.
const $ = (id) => document.getElementById(id);
const form = $('job-form');
const errorBox = $('error');
let recorded = null; // Blob from the microphone
let currentJob = null; // { id, events: EventSource|null, poll: timer|null }

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = !message;
}

async function apiError(res) {
  try {
    const body = await res.json();
    return body.error || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

// ---- photo preview with the detected face ----
$('photo').addEventListener('change', async () => {
  const file = $('photo').files[0];
  const status = $('photo-status');
  if (!file) return;
  $('photo-preview').hidden = false;
  status.textContent = 'Looking for the face...';
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    status.textContent = 'Your browser cannot show this image; the server will still check it.';
  }
  drawPhoto(img, null);
  const body = new FormData();
  body.append('photo', file);
  try {
    const res = await fetch('/api/analyze', { method: 'POST', body });
    if (!res.ok) {
      status.textContent = await apiError(res);
      return;
    }
    const a = await res.json();
    drawPhoto(img, a);
    if (!a.faces.length) status.textContent = a.message || 'No face found.';
    else {
      const pose = a.pose ? `, head turned ${Math.round(a.pose.yaw)}°` : '';
      status.textContent = `${a.faces.length} face${a.faces.length > 1 ? 's' : ''} found (${a.width}x${a.height}${pose}). Blue: the face used; dashed: the crop.`;
    }
  } catch (err) {
    status.textContent = `Preview failed: ${err.message}`;
  }
});

function drawPhoto(img, analysis) {
  const canvas = $('photo-canvas');
  const w = img.naturalWidth || 1;
  const h = img.naturalHeight || 1;
  const scale = Math.min(1, 640 / Math.max(w, h));
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  if (!analysis) return;
  // the server's coordinates are in its decoded image; map them to this canvas
  const sx = canvas.width / analysis.width;
  const sy = canvas.height / analysis.height;
  ctx.lineWidth = Math.max(2, canvas.width / 200);
  analysis.faces.forEach((f, i) => {
    ctx.strokeStyle = i === 0 ? '#3b82f6' : '#f59e0b';
    ctx.strokeRect(f.box[0] * sx, f.box[1] * sy, f.box[2] * sx, f.box[3] * sy);
  });
  if (analysis.crop) {
    ctx.setLineDash([8, 6]);
    ctx.strokeStyle = '#ffffff';
    const c = analysis.crop;
    ctx.strokeRect(c.x * sx, c.y * sy, c.side * sx, c.side * sy);
    ctx.setLineDash([]);
  }
}

// ---- driver: audio file, microphone, or video ----
function driver() {
  return form.querySelector('input[name=driver]:checked').value;
}
// the head pose follows the driver as the server's default does (moves with the voice; a video's own
// pose) until the user picks one
let poseChosen = false;
$('pose').addEventListener('change', () => (poseChosen = true));
function poseForDriver() {
  if (!poseChosen) $('pose').value = driver() === 'video' ? 'video' : 'auto';
}
poseForDriver();
form.querySelectorAll('input[name=driver]').forEach((r) =>
  r.addEventListener('change', () => {
    document.querySelectorAll('[data-driver]').forEach((el) => (el.hidden = el.dataset.driver !== driver()));
    poseForDriver();
  }),
);

let recorder = null;
let recordTimer = null;
$('record-btn').addEventListener('click', async () => {
  const status = $('record-status');
  if (recorder && recorder.state === 'recording') {
    recorder.stop();
    return;
  }
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
    status.textContent = 'Recording needs a browser with microphone access over https or on localhost. Upload an audio file instead.';
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (err) {
    status.textContent = `No microphone: ${err.message}`;
    return;
  }
  const types = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];
  const mimeType = types.find((t) => MediaRecorder.isTypeSupported(t));
  recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const chunks = [];
  const started = Date.now();
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  recorder.onstop = () => {
    stream.getTracks().forEach((t) => t.stop());
    clearInterval(recordTimer);
    recorded = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
    const playback = $('record-playback');
    playback.src = URL.createObjectURL(recorded);
    playback.hidden = false;
    $('record-btn').textContent = 'Record again';
    status.textContent = `Recorded ${((Date.now() - started) / 1000).toFixed(1)} s.`;
  };
  recorder.start(250);
  $('record-btn').textContent = 'Stop';
  status.textContent = 'Recording... speak now.';
  recordTimer = setInterval(() => ($('record-time').textContent = `${((Date.now() - started) / 1000).toFixed(0)} s`), 500);
});

// ---- options ----
// Defaults and ranges come from the server's API description (one declaration per option, in
// the server's code), never from this page. Until they arrive (or if they cannot), empty fields
// mean "the server's default".
const OPTION_FIELDS = ['pose', 'blink', 'mouthAmp', 'size', 'crop', 'fps', 'temperature', 'seed'];
async function loadOptionDefaults() {
  const doc = await fetch('/openapi.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
  const props = doc?.components?.schemas?.JobRequest?.properties;
  if (!props) return;
  for (const id of OPTION_FIELDS) {
    const el = $(id);
    const p = props[id];
    if (!el || !p) continue;
    if (el.tagName === 'INPUT') {
      if (p.minimum !== undefined) el.min = String(p.minimum);
      if (p.maximum !== undefined) el.max = String(p.maximum);
    }
    if (p.default === undefined) continue;
    if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === String(p.default))) el.add(new Option(`${p.default} px`, String(p.default)));
    el.value = String(p.default);
  }
  $('mouthAmp-out').textContent = $('mouthAmp').value;
}
void loadOptionDefaults();
$('mouthAmp').addEventListener('input', () => ($('mouthAmp-out').textContent = $('mouthAmp').value));
$('bg-kind').addEventListener('change', () => {
  $('bg-color-row').hidden = $('bg-kind').value !== 'color';
  $('bg-image-row').hidden = $('bg-kind').value !== 'image';
});

function buildForm() {
  const photo = $('photo').files[0];
  if (!photo) throw new Error('Choose a photo first.');
  const body = new FormData();
  body.append('photo', photo);
  const d = driver();
  if (d === 'audio') {
    const f = $('audio').files[0];
    if (!f) throw new Error('Choose an audio file, record your voice, or choose a video.');
    body.append('audio', f);
  } else if (d === 'record') {
    if (!recorded) throw new Error('Record your voice first (press Start recording, then Stop).');
    body.append('audio', recorded, 'recording');
  } else {
    const f = $('video').files[0];
    if (!f) throw new Error('Choose a driving video.');
    body.append('video', f);
  }
  const pose = $('pose').value;
  if (pose === 'video' && d !== 'video') throw new Error('"Head pose: from the video" needs a driving video.');
  body.append('pose', pose);
  for (const id of ['blink', 'mouthAmp', 'size', 'crop', 'fps', 'temperature', 'seed']) body.append(id, $(id).value);
  const bgKind = $('bg-kind').value;
  if (bgKind === 'color') body.append('bg', $('bg-color').value);
  else if (bgKind === 'image') {
    const f = $('background').files[0];
    if (!f) throw new Error('Choose a background image, or another background.');
    body.append('bg', 'image');
    body.append('background', f);
  } else body.append('bg', bgKind);
  body.append('mode', $('debug').checked ? 'debug' : 'final');
  return body;
}

// ---- job submission and progress ----
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  showError('');
  let body;
  try {
    body = buildForm();
  } catch (err) {
    showError(err.message);
    return;
  }
  setBusy(true);
  $('result-card').hidden = true;
  $('progress-card').hidden = false;
  $('progress').value = 0;
  $('progress-text').textContent = 'Uploading...';
  try {
    const res = await fetch('/api/jobs', { method: 'POST', body });
    if (!res.ok) throw new Error(await apiError(res));
    const job = await res.json();
    history.replaceState(null, '', `?job=${encodeURIComponent(job.id)}`);
    watch(job);
  } catch (err) {
    setBusy(false);
    $('progress-card').hidden = true;
    showError(err.message);
  }
});

$('cancel-btn').addEventListener('click', async () => {
  if (!currentJob) return;
  const id = currentJob.id;
  stopWatching();
  await fetch(`/api/jobs/${id}`, { method: 'DELETE' }).catch(() => {});
  $('progress-text').textContent = 'Cancelled.';
  history.replaceState(null, '', location.pathname);
  setBusy(false);
});

function setBusy(busy) {
  $('generate-btn').disabled = busy;
  $('generate-btn').textContent = busy ? 'Working...' : 'Generate';
  $('cancel-btn').hidden = !busy;
}

function stopWatching() {
  if (!currentJob) return;
  currentJob.events?.close();
  clearInterval(currentJob.poll);
  currentJob = null;
}

function watch(job) {
  stopWatching();
  currentJob = { id: job.id, events: null, poll: null };
  update(job);
  if (!currentJob) return; // already finished
  if (typeof EventSource !== 'undefined') {
    const es = new EventSource(job.links.events);
    currentJob.events = es;
    es.addEventListener('job', (ev) => update(JSON.parse(ev.data)));
    // the stream ends when the job finishes; fall back to polling on a real failure
    es.onerror = () => {
      if (!currentJob || currentJob.events !== es) return;
      es.close();
      currentJob.events = null;
      startPolling(job.id);
    };
  } else startPolling(job.id);
}

function startPolling(id) {
  if (!currentJob || currentJob.poll) return;
  currentJob.poll = setInterval(async () => {
    const res = await fetch(`/api/jobs/${id}`).catch(() => null);
    if (!res) return;
    if (res.status === 404) {
      stopWatching();
      setBusy(false);
      showError('The job no longer exists.');
      return;
    }
    update(await res.json());
  }, 1000);
}

const STAGES = { queued: 'Waiting in the queue', analyze: 'Finding the face', avatar: 'Building the 3D avatar', motion: 'Computing the motion', render: 'Rendering', encode: 'Encoding', done: 'Done' };

function update(job) {
  if (!currentJob || job.id !== currentJob.id) return;
  const p = job.progress || { fraction: 0, stage: 'queued' };
  $('progress').value = p.fraction || 0;
  let text = STAGES[p.stage] || p.stage;
  if (job.state === 'queued' && job.position) text += ` (position ${job.position})`;
  if (p.stage === 'render' && p.total) text += `: frame ${p.done} of ${p.total}`;
  if (p.fps) text += `, ${p.fps} fps`;
  if (p.eta !== undefined && job.state === 'running') text += `, about ${Math.ceil(p.eta)} s left`;
  $('progress-text').textContent = text;
  if (job.state === 'done') {
    stopWatching();
    setBusy(false);
    showResult(job);
  } else if (job.state === 'failed' || job.state === 'cancelled') {
    stopWatching();
    setBusy(false);
    $('progress-text').textContent = job.state === 'failed' ? 'Failed.' : 'Cancelled.';
    showError(job.error || `The job ${job.state}.`);
  }
}

async function showResult(job) {
  const video = $('result-video');
  $('result-card').hidden = false;
  video.src = job.result.url;
  $('download-link').href = `${job.result.url}?download=1`;
  $('progress-text').textContent = `Done: ${job.result.frames} frames, ${job.result.duration.toFixed(1)} s.`;
  $('result-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  try {
    await video.play();
  } catch {
    // browsers refuse sound without a recent click: start muted, the user can unmute
    video.muted = true;
    await video.play().catch(() => {});
  }
}

// resume a job after a reload (?job=id)
const resumeId = new URLSearchParams(location.search).get('job');
if (resumeId) {
  fetch(`/api/jobs/${encodeURIComponent(resumeId)}`)
    .then(async (res) => {
      if (!res.ok) return history.replaceState(null, '', location.pathname);
      const job = await res.json();
      $('progress-card').hidden = false;
      if (job.state === 'queued' || job.state === 'running') setBusy(true);
      watch(job);
    })
    .catch(() => {});
}
