// A plain Node client of the hub's event stream, for the tests and `npm run bench:hub`: sends the
// Bearer token in a header (as the app does with fetch; EventSource cannot), parses frames as the
// SSE standard says (id, event, data, retry, comments), and keeps the last event id the way a
// browser does — so a test can reconnect with it.
import http from 'node:http';
import { StringDecoder } from 'node:string_decoder';

export interface SseFrame {
  /** The frame's own id line, or null (a heartbeat's frame has none). */
  id: string | null;
  event: string;
  data: string;
  /** Arrival time (performance.now()). */
  at: number;
}

export interface SseClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, for an answer that is not a stream (401, 403…). */
  body(): string;
  frames: SseFrame[];
  comments: string[];
  retry: number | null;
  /** What a browser would send back as Last-Event-ID. */
  lastEventId: string;
  /** Frames of one kind. */
  of(event: string): SseFrame[];
  until(check: () => boolean, what: string, ms?: number): Promise<void>;
  close(): void;
  ended: Promise<void>;
}

export interface SseOptions {
  token?: string;
  lastEventId?: string;
  headers?: Record<string, string>;
  agent?: http.Agent | false;
  /** Called for every frame as it is parsed (the bench measures latency here). */
  onFrame?: (frame: SseFrame) => void;
  /** Keep every frame in `frames` (tests). The bench turns it off: 500 devices × 80 000 frames/s is garbage, not data. */
  keepFrames?: boolean;
}

export function openSse(base: string, path: string, options: SseOptions = {}): Promise<SseClient> {
  const url = new URL(base);
  const headers: Record<string, string> = { Accept: 'text/event-stream', ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: url.hostname, port: url.port, path, method: 'GET', headers, agent: options.agent ?? false });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      const decoder = new StringDecoder('utf8'); // a Cyrillic door name may straddle two chunks
      let buffer = '';
      let pending: { id: string | null; event: string; data: string[] } = { id: null, event: '', data: [] };
      let endedResolve = () => {};
      const ended = new Promise<void>((r) => (endedResolve = r));
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: () => Buffer.concat(chunks).toString('utf8'),
        frames: [],
        comments: [],
        retry: null,
        lastEventId: '',
        of: (event) => client.frames.filter((f) => f.event === event),
        async until(check, what, ms = 3000) {
          const deadline = Date.now() + ms;
          while (!check()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
            await new Promise((r) => setTimeout(r, 5));
          }
        },
        close: () => req.destroy(),
        ended,
      };
      const line = (text: string) => {
        if (text === '') {
          if (pending.data.length > 0) {
            const frame: SseFrame = { id: pending.id, event: pending.event || 'message', data: pending.data.join('\n'), at: performance.now() };
            if (options.keepFrames !== false) client.frames.push(frame);
            options.onFrame?.(frame);
          }
          pending = { id: null, event: '', data: [] };
          return;
        }
        if (text.startsWith(':')) return void client.comments.push(text.slice(1).trim());
        const colon = text.indexOf(':');
        const field = colon === -1 ? text : text.slice(0, colon);
        let value = colon === -1 ? '' : text.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'id' && !value.includes('\u0000')) {
          pending.id = value;
          client.lastEventId = value; // set on the field, as browsers do, even without data
        } else if (field === 'event') pending.event = value;
        else if (field === 'data') pending.data.push(value);
        else if (field === 'retry' && /^\d+$/.test(value)) client.retry = Number(value);
      };
      const streaming = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
      res.on('data', (chunk: Buffer) => {
        if (!streaming) return void chunks.push(chunk);
        buffer += decoder.write(chunk);
        // Lines end in \n or \r\n (the hub writes \n; a lone \r, which the standard also allows, is not read here).
        let start = 0;
        let newline: number;
        while ((newline = buffer.indexOf('\n', start)) !== -1) {
          const end = newline > start && buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
          line(buffer.slice(start, end));
          start = newline + 1;
        }
        buffer = buffer.slice(start);
      });
      res.on('close', endedResolve);
      res.on('error', endedResolve);
      if (streaming) resolve(client);
      else res.on('end', () => resolve(client));
    });
    req.end();
  });
}
