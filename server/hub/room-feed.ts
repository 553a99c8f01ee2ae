// One device's stream of one organiser's rooms (its shows): replay from where it was, then live,
// every event exactly once and in log order, whichever store holds the log.
//
// How nothing is lost or doubled between the replay and the live feed: the live listener is
// registered first and holds what it gets while the replay reads the log (in pages, waiting for
// the socket to drain, so a device back after an hour does not pin 60 MB in memory). When the
// replay reaches the end, the held events that are newer than the last one read are sent, and
// from then on live events go straight out. `ready` (store.ts) makes sure the replay, which
// starts after it, sees everything the live feed will not.
import { compareIds, type EventId } from './event-id.ts';
import type { Heartbeat, LogEvent } from './protocol.ts';
import type { HubStore, Live } from './store.ts';

export interface FeedSink {
  /** Writes an SSE frame; false when the socket's buffer is full. */
  write(frame: string | Buffer): boolean;
  /** Settles when the buffer has drained or the stream is gone. */
  drained(): Promise<void>;
  /** Bytes written but not yet taken by the socket. */
  buffered(): number;
  /** Ends the stream; the device reconnects with the last id it saw and resumes. */
  end(reason: string): void;
  gone(): boolean;
}

export interface FeedOptions {
  store: HubStore;
  org: string;
  shows: ReadonlySet<number>;
  /**
   * The device's Last-Event-ID, or null for a device that has none yet: it gets everything the log
   * still holds for its shows. Its list pull may predate admissions other doors made since (not yet
   * delivered to Qtickets, or made while it was setting up): starting from now would miss them.
   */
  resumeAfter: EventId | null;
  sink: FeedSink;
  /** Called once the start is known, before any event: writes the response head. */
  begin(startId: EventId): void;
}

export interface Feed {
  stop(): void;
}

/** Events read from the log per page of a replay. */
const PAGE = 500;
/** Live events held while a replay runs; a replay this far behind ends, and the device resumes. */
const MAX_HELD = 20_000;
/** A live stream whose socket has not taken this much is too slow: it ends and resumes later. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

export function frameOf(event: LogEvent): string {
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${event.data}\n\n`;
}

/**
 * A live event is one object handed to every listener of the process: its frame is encoded once
 * and the same bytes go to every device, not 500 copies of the same string.
 */
const encoded = new WeakMap<LogEvent, Buffer>();
function bytesOf(event: LogEvent): Buffer {
  let bytes = encoded.get(event);
  if (!bytes) encoded.set(event, (bytes = Buffer.from(frameOf(event), 'utf8')));
  return bytes;
}

export function deviceFrame(heartbeat: Heartbeat): string {
  // No id: heartbeats are not in the log, and an id here would move the device's resume point.
  return `event: device\ndata: ${JSON.stringify(heartbeat)}\n\n`;
}

const encodedDevices = new WeakMap<Heartbeat, Buffer>();
function deviceBytes(heartbeat: Heartbeat): Buffer {
  let bytes = encodedDevices.get(heartbeat);
  if (!bytes) encodedDevices.set(heartbeat, (bytes = Buffer.from(deviceFrame(heartbeat), 'utf8')));
  return bytes;
}

/** Starts the feed; rejects (before `begin`) when the store cannot serve it. */
export async function openFeed(options: FeedOptions): Promise<Feed> {
  const { store, org, shows, sink } = options;
  let held: LogEvent[] | null = []; // null once live
  let cursor: EventId = options.resumeAfter ?? '0-0';
  let stopped = false;
  let live: Live | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    live?.close();
  };
  const end = (reason: string) => {
    stop();
    sink.end(reason);
  };

  /** Sends the event if it is new to this stream and of its shows; false when the socket is full. */
  const send = (event: LogEvent): boolean => {
    if (compareIds(event.id, cursor) <= 0) return true;
    cursor = event.id;
    return shows.has(event.showId) ? sink.write(bytesOf(event)) : true;
  };

  live = store.listen(org, {
    onEvent(event) {
      if (stopped) return;
      if (held) {
        held.push(event);
        if (held.length > MAX_HELD) end('too far behind');
        return;
      }
      send(event);
      if (sink.buffered() > MAX_BUFFERED_BYTES) end('the device reads too slowly');
    },
    onDevice(heartbeat) {
      if (stopped || !heartbeat.shows.some((s) => shows.has(s))) return;
      sink.write(deviceBytes(heartbeat));
    },
    onError: () => end('the store failed'),
  });

  try {
    await live.ready;
  } catch (err) {
    stop();
    throw err;
  }
  if (stopped || sink.gone()) {
    stop();
    return { stop };
  }
  options.begin(cursor);
  void catchUp().catch(() => end('the store failed'));
  return { stop };

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await store.read(org, cursor, PAGE);
      if (stopped || sink.gone()) return stop();
      let room = true;
      for (const event of page) room = send(event) && room;
      if (!room) await sink.drained();
      if (page.length < PAGE) break;
    }
    if (stopped) return;
    const pending = held ?? [];
    held = null;
    for (const event of pending) send(event);
  }
}
