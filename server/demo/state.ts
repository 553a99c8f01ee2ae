// The demo's mutable world: scan state, refunds, the record of every check-in received, and
// injected faults. Tickets themselves are generated once; reset() restores the start state.
import { mulberry32 } from './prng.ts';
import { buildSeed, type ApiRecord, type DemoSeed, type DemoTicket, type SeedOptions, type ShowSpecials } from './seed.ts';

export type FaultMode =
  | 'none'
  | '503'
  | '500'
  | 'html200'
  /** An HTTP 409 Conflict with a JSON body: a client error, so no retry will make it pass. */
  | '409'
  | 'reset'
  | 'timeout'
  | 'badjson'
  /** A 2xx that says all is well and records nothing (`{"status":"ok"}`). */
  | 'ok-nothing'
  /** A 2xx that says "error" and records nothing. */
  | 'error200'
  /** Records every other item of a batch and answers `{"success":true}`. */
  | 'half'
  /** The barcode list answers an empty 2xx list (a broken filter upstream), nothing else changes. */
  | 'empty-list';
export const FAULT_MODES: readonly FaultMode[] = ['none', '503', '500', '409', 'html200', 'reset', 'timeout', 'badjson', 'ok-nothing', 'error200', 'half', 'empty-list'];
export type FaultScope = 'barcodes-post' | 'all';

export interface Fault {
  mode: FaultMode;
  /** How many more matching requests fail; null = until set back to none. */
  remaining: number | null;
  paths: FaultScope;
}

/**
 * What the demo does with a check-in of a barcode that already has a `checked_at`. The document
 * does not say, so the app must be right under each; tests switch between them. The default keeps
 * the earliest time, the most natural reading of "when the ticket was used".
 */
export type CheckInPolicy =
  /** Keep the earliest checked_at ever received. */
  | 'keep-earliest'
  /** Keep the first one received, ignore later ones (and answer with the one kept). */
  | 'keep-first'
  /** Overwrite with the last one received. */
  | 'keep-last'
  /** Keep the first one received and refuse the repeat by name. */
  | 'refuse-repeat';
export const CHECK_IN_POLICIES: readonly CheckInPolicy[] = ['keep-earliest', 'keep-first', 'keep-last', 'refuse-repeat'];
export const DEFAULT_CHECK_IN_POLICY: CheckInPolicy = 'keep-earliest';

export interface ReceivedCheckIn {
  showId: number;
  barcode: string;
  checked_at: string;
  via: 'batch' | 'single';
  received_at: string;
  /** Whether the demo found the code listed in that show and did not refuse the check-in. */
  accepted: boolean;
}

export type CheckInResult =
  | { found: false }
  | { found: true; checkedAt: string }
  /** Refused as a repeat (policy `refuse-repeat`): `checkedAt` is the time already held. */
  | { found: true; checkedAt: string; refused: string };

export class DemoState {
  private readonly seed: DemoSeed;
  private checked = new Map<number, Map<string, string>>();
  private refunded = new Map<number, Set<string>>();
  private received: ReceivedCheckIn[] = [];
  private fault: Fault = { mode: 'none', remaining: null, paths: 'all' };
  private policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY;
  /** Index of each show's tickets by code, for O(1) look-ups on 100k lists. */
  private readonly byCode = new Map<number, Map<string, DemoTicket>>();
  /** Tickets sold since the start (a box office selling after the door pulled its list); reset() takes them back. */
  private sold = new Map<number, DemoTicket[]>();

  constructor(options: SeedOptions) {
    this.seed = buildSeed(options);
    for (const [showId, list] of this.seed.tickets) {
      this.byCode.set(showId, new Map(list.map((t) => [t.barcode, t])));
    }
    this.reset();
  }

  reset(): void {
    for (const [showId, tickets] of this.sold) for (const t of tickets) this.byCode.get(showId)?.delete(t.barcode);
    this.sold = new Map();
    this.checked = new Map([...this.seed.checked].map(([id, m]) => [id, new Map(m)]));
    this.refunded = new Map([...this.seed.refunded].map(([id, s]) => [id, new Set(s)]));
    this.received = [];
    this.fault = { mode: 'none', remaining: null, paths: 'all' };
    this.policy = DEFAULT_CHECK_IN_POLICY;
  }

  get checkInPolicy(): CheckInPolicy {
    return this.policy;
  }

  setCheckInPolicy(policy: CheckInPolicy): void {
    this.policy = policy;
  }

  get events(): readonly ApiRecord[] {
    return this.seed.events;
  }

  showIds(): number[] {
    return [...this.seed.tickets.keys()].sort((a, b) => a - b);
  }

  hasShow(showId: number): boolean {
    return this.seed.tickets.has(showId);
  }

  /** The show's currently valid tickets, in the order Qtickets lists them; null for no such show. */
  listed(showId: number): DemoTicket[] | null {
    const list = this.seed.tickets.get(showId);
    if (!list) return null;
    const gone = this.refunded.get(showId);
    return gone && gone.size > 0 ? list.filter((t) => !gone.has(t.barcode)) : list;
  }

  /** Every ticket ever sold for the show, refunded ones included (the printed page stays stable). */
  allTickets(showId: number): readonly DemoTicket[] | null {
    const seeded = this.seed.tickets.get(showId);
    const sold = this.sold.get(showId);
    return seeded && sold ? [...seeded, ...sold] : (seeded ?? null);
  }

  /** Codes sold since the start, oldest first. */
  soldCodes(showId: number): string[] {
    return (this.sold.get(showId) ?? []).map((t) => t.barcode);
  }

  /**
   * Sells one more ticket of a show at the box office (no buyer's name, the show's first zone):
   * what a door that pulled its list earlier has never seen. The n-th sale after a reset always
   * gets the same code, so the demo's list cache (keyed by the list's length) never goes stale.
   */
  sell(showId: number): DemoTicket | null {
    const seeded = this.seed.tickets.get(showId);
    const index = this.byCode.get(showId);
    const model = seeded?.[0];
    if (!seeded || !index || !model) return null;
    const sold = this.sold.get(showId) ?? [];
    const random = mulberry32(showId * 104_729 + sold.length);
    let barcode = '';
    do barcode = String(870_000_000_000 + Math.floor(random() * 10_000_000_000));
    while (this.showIds().some((id) => this.byCode.get(id)?.has(barcode)));
    const ticket: DemoTicket = { ...model, barcode, client_name: null, client_surname: null, client_middlename: null };
    sold.push(ticket);
    this.sold.set(showId, sold);
    index.set(barcode, ticket);
    return ticket;
  }

  refundedCodes(showId: number): ReadonlySet<string> {
    return this.refunded.get(showId) ?? new Set();
  }

  /** A ticket that exists and is not refunded. */
  find(showId: number, code: string): DemoTicket | null {
    const ticket = this.byCode.get(showId)?.get(code);
    if (!ticket || this.refunded.get(showId)?.has(code)) return null;
    return ticket;
  }

  checkedAt(showId: number, code: string): string | null {
    return this.checked.get(showId)?.get(code) ?? null;
  }

  /** Records a received check-in and keeps a checked_at per code as the policy says. */
  checkIn(showId: number, code: string, checkedAt: string, via: 'batch' | 'single'): CheckInResult {
    const found = this.find(showId, code) !== null;
    const perShow = this.checked.get(showId) ?? new Map<string, string>();
    const held = found ? perShow.get(code) : undefined;
    // The same time again is a resend of the same check-in (an answer lost on the way), not a repeat.
    const refused = held !== undefined && this.policy === 'refuse-repeat' && Date.parse(held) !== Date.parse(checkedAt);
    this.received.push({
      showId,
      barcode: code,
      checked_at: checkedAt,
      via,
      received_at: new Date().toISOString(),
      accepted: found && !refused,
    });
    if (!found) return { found: false };
    if (refused) return { found: true, checkedAt: held, refused: `Barcode already checked at ${held}` };
    const replace =
      held === undefined ||
      this.policy === 'keep-last' ||
      (this.policy === 'keep-earliest' && Date.parse(checkedAt) < Date.parse(held));
    if (replace) perShow.set(code, checkedAt);
    this.checked.set(showId, perShow);
    return { found: true, checkedAt: perShow.get(code) ?? checkedAt };
  }

  receivedCheckIns(showId?: number): ReceivedCheckIn[] {
    return showId === undefined ? [...this.received] : this.received.filter((c) => c.showId === showId);
  }

  refund(showId: number, code: string): boolean {
    if (!this.find(showId, code)) return false;
    this.refunded.get(showId)?.add(code);
    return true;
  }

  setFault(fault: Fault): void {
    this.fault = fault.mode === 'none' ? { mode: 'none', remaining: null, paths: 'all' } : fault;
  }

  /** The fault to apply to this request, consuming one of its count. */
  takeFault(isBarcodesPost: boolean, isBarcodesGet = false): FaultMode {
    const fault = this.fault;
    if (fault.mode === 'none') return 'none';
    if (fault.paths === 'barcodes-post' && !isBarcodesPost) return 'none';
    // A wrong list is a fault of the list route only: other calls must not use it up.
    if (fault.mode === 'empty-list' && !isBarcodesGet) return 'none';
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.setFault({ mode: 'none', remaining: null, paths: 'all' });
    }
    return fault.mode;
  }

  specials(showId: number): ShowSpecials | null {
    return this.seed.specials.get(showId) ?? null;
  }

  /** The event and show names of a show, for the tickets page. */
  describeShow(showId: number): { eventName: string; showName: string | null; startDate: string; openDate: string; finishDate: string } | null {
    for (const event of this.seed.events) {
      const shows = event.shows as ApiRecord[];
      const show = shows.find((s) => s.id === showId);
      if (show) {
        return {
          eventName: String(event.name),
          showName: (show.name as string | null) ?? null,
          startDate: String(show.start_date),
          openDate: String(show.open_date),
          finishDate: String(show.finish_date),
        };
      }
    }
    return null;
  }
}
