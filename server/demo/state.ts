// The demo's mutable world: scan state, refunds, the record of every check-in received, and
// injected faults. Tickets themselves are generated once; reset() restores the start state.
import { buildSeed, type ApiRecord, type DemoSeed, type DemoTicket, type ShowSpecials } from './seed.ts';

export type FaultMode = 'none' | '503' | '500' | 'html200' | 'reset' | 'timeout' | 'badjson';
export const FAULT_MODES: readonly FaultMode[] = ['none', '503', '500', 'html200', 'reset', 'timeout', 'badjson'];
export type FaultScope = 'barcodes-post' | 'all';

export interface Fault {
  mode: FaultMode;
  /** How many more matching requests fail; null = until set back to none. */
  remaining: number | null;
  paths: FaultScope;
}

export interface ReceivedCheckIn {
  showId: number;
  barcode: string;
  checked_at: string;
  via: 'batch' | 'single';
  received_at: string;
  /** Whether the demo found the code listed in that show. */
  accepted: boolean;
}

export type CheckInResult = { found: false } | { found: true; checkedAt: string };

export class DemoState {
  private readonly seed: DemoSeed;
  private checked = new Map<number, Map<string, string>>();
  private refunded = new Map<number, Set<string>>();
  private received: ReceivedCheckIn[] = [];
  private fault: Fault = { mode: 'none', remaining: null, paths: 'all' };
  /** Index of each show's tickets by code, for O(1) look-ups on 100k lists. */
  private readonly byCode = new Map<number, Map<string, DemoTicket>>();

  constructor(options: { now: Date; firstShowTickets: number }) {
    this.seed = buildSeed(options);
    for (const [showId, list] of this.seed.tickets) {
      this.byCode.set(showId, new Map(list.map((t) => [t.barcode, t])));
    }
    this.reset();
  }

  reset(): void {
    this.checked = new Map([...this.seed.checked].map(([id, m]) => [id, new Map(m)]));
    this.refunded = new Map([...this.seed.refunded].map(([id, s]) => [id, new Set(s)]));
    this.received = [];
    this.fault = { mode: 'none', remaining: null, paths: 'all' };
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
    return this.seed.tickets.get(showId) ?? null;
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

  /** Records a received check-in and keeps the earliest checked_at per code. */
  checkIn(showId: number, code: string, checkedAt: string, via: 'batch' | 'single'): CheckInResult {
    const found = this.find(showId, code) !== null;
    this.received.push({
      showId,
      barcode: code,
      checked_at: checkedAt,
      via,
      received_at: new Date().toISOString(),
      accepted: found,
    });
    if (!found) return { found: false };
    let perShow = this.checked.get(showId);
    if (!perShow) {
      perShow = new Map();
      this.checked.set(showId, perShow);
    }
    const earlier = perShow.get(code);
    if (earlier === undefined || Date.parse(checkedAt) < Date.parse(earlier)) perShow.set(code, checkedAt);
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
  takeFault(isBarcodesPost: boolean): FaultMode {
    const fault = this.fault;
    if (fault.mode === 'none') return 'none';
    if (fault.paths === 'barcodes-post' && !isBarcodesPost) return 'none';
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
  describeShow(showId: number): { eventName: string; showName: string | null; startDate: string } | null {
    for (const event of this.seed.events) {
      const shows = event.shows as ApiRecord[];
      const show = shows.find((s) => s.id === showId);
      if (show) {
        return {
          eventName: String(event.name),
          showName: (show.name as string | null) ?? null,
          startDate: String(show.start_date),
        };
      }
    }
    return null;
  }
}
