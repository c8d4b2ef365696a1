// The OpenAPI 3 description of the HTTP API, served at /openapi.json.
import { z } from 'zod';
import type { UploadLimits } from './limits.ts';
import { JobOptionsSchema } from './options.ts';

/** The job options as OpenAPI properties, derived from the one declaration of each option (config.ts). */
export function jobOptionProperties(): Record<string, Record<string, unknown>> {
  const schema = z.toJSONSchema(JobOptionsSchema, { io: 'output', target: 'openapi-3.0', unrepresentable: 'any' }) as { properties: Record<string, Record<string, unknown>> };
  for (const p of Object.values(schema.properties)) {
    // zod states the range of safe integers; an API reader needs no such bound
    if (p.maximum === Number.MAX_SAFE_INTEGER) delete p.maximum;
    if (p.minimum === Number.MIN_SAFE_INTEGER) delete p.minimum;
  }
  // a form field accepts true/false/on/off/1/0; the value is a boolean
  schema.properties.mapToInitPose = { ...schema.properties.mapToInitPose, type: 'boolean' };
  return schema.properties;
}

const errorBody = {
  type: 'object',
  required: ['error', 'code'],
  properties: { error: { type: 'string', description: 'what went wrong and what to do' }, code: { type: 'string' } },
};

const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const common = {
  '403': err('sent from a page of another site (cross-site request); see --allow-origin'),
  '408': err('the upload stalled (no data for the body timeout); nothing was kept'),
  '507': err("the server's disk is full; nothing was kept"),
};

export function openApiDocument(limits: UploadLimits, version: string, maxJobPixels = 0): Record<string, unknown> {
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } };
  return {
    openapi: '3.0.3',
    info: {
      title: 'real3d serve',
      version,
      description: 'One photo + speech audio (or a driving video) -> a talking-portrait video. Jobs run in a queue; results are mp4 (webm when the background is transparent).',
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Server status',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
      '/api/analyze': {
        post: {
          summary: 'Detect the faces of a photo (for a preview); nothing is stored',
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', required: ['photo'], properties: { photo: { type: 'string', format: 'binary' } } } } },
          },
          responses: {
            '200': { description: 'faces found (possibly none)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Analysis' } } } },
            '400': err('not an image, or too many form fields'),
            '413': err(`photo larger than ${limits.photoBytes} bytes or ${limits.maxImagePixels} pixels`),
            '429': err('too many previews at once'),
            ...common,
          },
        },
      },
      '/api/jobs': {
        post: {
          summary: 'Submit a generate job',
          description: `Files are checked by decoding them (never by name or MIME type). Limits: photo ${limits.photoBytes} B, audio ${limits.audioBytes} B, video ${limits.videoBytes} B, background ${limits.backgroundBytes} B, media up to ${limits.maxSeconds} s.`,
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/JobRequest' } } },
          },
          responses: {
            '202': { description: 'queued', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } },
            '400': err('missing or undecodable file, bad option, too many form fields'),
            '413': err('a file above its size limit, an image above its pixel limit, or media too long'),
            '422': err(`more work than the server's budget: frames x pixels of the video above ${maxJobPixels || 'the limit'} (the debug view counts 4 panels); the message says what fits`),
            '429': err('queue full; retry later (Retry-After header)'),
            ...common,
          },
        },
      },
      '/api/jobs/{id}': {
        get: {
          summary: 'Job state and progress',
          parameters: [idParam],
          responses: { '200': { description: 'the job', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } }, '404': err('unknown job') },
        },
        delete: {
          summary: 'Cancel the job (if queued or running) and delete its files',
          parameters: [idParam],
          responses: { '200': { description: 'cancelled / deleted', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, state: { type: 'string' } } } } } }, '403': common['403'], '404': err('unknown job') },
        },
      },
      '/api/jobs/{id}/events': {
        get: {
          summary: 'Server-sent events: `job` events carry the Job record on every change; the stream ends when the job finishes',
          parameters: [idParam],
          responses: { '200': { description: 'event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '404': err('unknown job'), '429': err('too many event streams open; poll the job instead') },
        },
      },
      '/api/jobs/{id}/result': {
        get: {
          summary: 'The result video; supports Range requests (206) for seeking. ?download=1 sets Content-Disposition: attachment',
          parameters: [idParam, { name: 'download', in: 'query', required: false, schema: { type: 'string' } }, { name: 'Range', in: 'header', required: false, schema: { type: 'string', example: 'bytes=0-1023' } }],
          responses: {
            '200': { description: 'the whole video', content: { 'video/mp4': { schema: { type: 'string', format: 'binary' } }, 'video/webm': { schema: { type: 'string', format: 'binary' } } } },
            '206': { description: 'a byte range of the video' },
            '404': err('unknown job, or its result deleted'),
            '409': err('job not finished (or failed)'),
            '416': err('range not satisfiable'),
          },
        },
      },
    },
    components: {
      schemas: {
        Error: errorBody,
        Health: {
          type: 'object',
          properties: { ok: { type: 'boolean' }, version: { type: 'string' }, workers: { type: 'integer' }, queued: { type: 'integer' }, running: { type: 'integer' }, jobs: { type: 'integer' }, uptime: { type: 'number' } },
        },
        Analysis: {
          type: 'object',
          properties: {
            width: { type: 'integer' },
            height: { type: 'integer' },
            faces: { type: 'array', items: { type: 'object', properties: { box: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 }, score: { type: 'number' } } } },
            crop: { type: 'object', nullable: true, properties: { x: { type: 'number' }, y: { type: 'number' }, side: { type: 'number' } } },
            pose: { type: 'object', nullable: true, properties: { yaw: { type: 'number' }, pitch: { type: 'number' }, roll: { type: 'number' } } },
            message: { type: 'string', description: 'present when no usable face was found' },
          },
        },
        JobRequest: {
          type: 'object',
          required: ['photo'],
          properties: {
            photo: { type: 'string', format: 'binary', description: 'the portrait (JPEG, PNG, WebP...)' },
            audio: { type: 'string', format: 'binary', description: 'speech (any format ffmpeg reads); audio or video is required' },
            video: { type: 'string', format: 'binary', description: 'a driving video (expressions, and head pose with pose=video)' },
            background: { type: 'string', format: 'binary', description: 'background image, used with bg=image' },
            ...jobOptionProperties(),
          },
        },
        Job: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            state: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
            position: { type: 'integer', description: 'place in the waiting line (queued jobs)' },
            createdAt: { type: 'string', format: 'date-time' },
            startedAt: { type: 'string', format: 'date-time' },
            finishedAt: { type: 'string', format: 'date-time' },
            progress: {
              type: 'object',
              properties: { stage: { type: 'string' }, done: { type: 'number' }, total: { type: 'number' }, fraction: { type: 'number' }, fps: { type: 'number' }, eta: { type: 'number' }, message: { type: 'string' } },
            },
            options: { type: 'object' },
            inputs: { type: 'object', description: 'what decoding found in each upload' },
            error: { type: 'string', description: 'why the job failed' },
            note: { type: 'string' },
            avatar: { type: 'string', enum: ['built', 'cached'], description: 'the 3D avatar of this photo was built (and cached) or reused from the cache' },
            result: { type: 'object', properties: { url: { type: 'string' }, bytes: { type: 'integer' }, contentType: { type: 'string' }, frames: { type: 'integer' }, duration: { type: 'number' } } },
            links: { type: 'object', properties: { self: { type: 'string' }, events: { type: 'string' }, result: { type: 'string' } } },
          },
        },
      },
    },
  };
}
