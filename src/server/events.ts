// GET /api/jobs/:id/events: server-sent events of one job. Every event carries the whole job
// record, so a client that reads slower than events come loses nothing by skipping some: while its
// socket is congested only the latest record is kept, and written when the socket drains. The
// number of open streams is bounded (429 beyond).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FINISHED_STATES, isJobId, type JobRecord } from './jobs.ts';
import type { JobBackend } from './backend.ts';

/** What an event stream writes to (an http.ServerResponse). */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  on(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes snapshots to a sink without queueing them in memory: when the sink says stop (write
 * returns false) the next snapshots replace each other until 'drain'. Pings are dropped then.
 */
export class SnapshotWriter {
  private blockedSince = 0;
  private latest: string | undefined;
  private ending = false;
  private giveUp: NodeJS.Timeout | undefined;

  constructor(private readonly sink: StreamSink) {
    sink.on('drain', () => this.flush());
  }

  /** ms the sink has been congested (0 when it is not) */
  congestedFor(now = Date.now()): number {
    return this.blockedSince ? now - this.blockedSince : 0;
  }

  snapshot(text: string): void {
    if (this.blockedSince) this.latest = text;
    else this.write(text);
  }

  /** A keep-alive comment; skipped when the client is not reading anyway. */
  ping(text: string): void {
    if (!this.blockedSince) this.write(text);
  }

  /** Ends the stream once the latest snapshot has been written; drops it if the client never reads it. */
  end(giveUpMs = 60_000): void {
    this.ending = true;
    if (!this.blockedSince) return this.sink.end();
    this.giveUp = setTimeout(() => this.sink.destroy(), giveUpMs);
    this.giveUp.unref();
  }

  private write(text: string): void {
    if (!this.sink.write(text)) this.blockedSince = Date.now();
  }

  private flush(): void {
    this.blockedSince = 0;
    const text = this.latest;
    this.latest = undefined;
    if (text !== undefined) this.write(text);
    if (this.ending && !this.blockedSince) {
      clearTimeout(this.giveUp);
      this.sink.end();
    }
  }
}

export interface EventRoutesOptions {
  maxStreams: number;
  /** the job as the API shows it */
  view: (job: JobRecord) => unknown;
  notFound: (reply: FastifyReply, id: string) => unknown;
  tooMany: (reply: FastifyReply, message: string) => unknown;
}

const HEARTBEAT_MS = 15_000;
/** a client that has not read anything for this long is dropped */
const STALLED_CLIENT_MS = 60_000;
/** progress can come per frame: at most ~8 events a second; state and stage changes always at once */
const MIN_EVENT_GAP_MS = 125;

/** Registers the events route; returns a function that ends every open stream (server close). */
export function registerEventRoutes(app: FastifyInstance, queue: JobBackend, o: EventRoutesOptions): () => void {
  const open = new Set<() => void>();

  app.get<{ Params: { id: string } }>('/api/jobs/:id/events', async (req, reply) => {
    const job = isJobId(req.params.id) ? queue.get(req.params.id) : undefined;
    if (!job) return o.notFound(reply, req.params.id);
    if (open.size >= o.maxStreams) return o.tooMany(reply, `Too many open event streams (${o.maxStreams}). Close some, or poll GET /api/jobs/${job.id} instead.`);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    const out = new SnapshotWriter(raw);
    // state and stage: a change of either is sent at once (a short stage must not vanish in the throttle)
    let lastKey = '';
    let lastSent = 0;
    let trailing: NodeJS.Timeout | undefined;
    let ended = false;
    const send = (j: JobRecord) => {
      if (ended) return;
      lastKey = `${j.state}/${j.progress.stage}`;
      lastSent = Date.now();
      out.snapshot(`event: job\ndata: ${JSON.stringify(o.view(j))}\n\n`);
      if (FINISHED_STATES.has(j.state)) end();
    };
    const onJob = (j: JobRecord) => {
      if (`${j.state}/${j.progress.stage}` !== lastKey || Date.now() - lastSent >= MIN_EVENT_GAP_MS) {
        if (trailing) clearTimeout(trailing);
        trailing = undefined;
        return send(j);
      }
      trailing ??= setTimeout(() => {
        trailing = undefined;
        send(j);
      }, MIN_EVENT_GAP_MS);
    };
    const heartbeat = setInterval(() => {
      if (out.congestedFor() > STALLED_CLIENT_MS) return drop();
      out.ping(': ping\n\n');
    }, HEARTBEAT_MS);
    const stop = () => {
      if (ended) return false;
      ended = true;
      queue.off(job.id, onJob);
      clearInterval(heartbeat);
      if (trailing) clearTimeout(trailing);
      open.delete(end);
      return true;
    };
    const end = () => {
      if (stop()) out.end(STALLED_CLIENT_MS);
    };
    const drop = () => {
      if (stop()) raw.destroy();
    };
    open.add(end);
    raw.on('close', drop);
    queue.on(job.id, onJob);
    out.snapshot('retry: 2000\n\n');
    send(job);
  });

  return () => {
    for (const end of [...open]) end();
  };
}
