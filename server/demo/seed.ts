// Builds the demo's data: events in the Qtickets API shape and every show's tickets.
// Codes come from per-show seeded PRNGs (never from the date), so the same code means the same
// ticket on every start; show 1001 is generated after the fixed shows so DEMO_TICKETS cannot shift
// them, and the optional festival's shows after it, so they shift nothing at all.
import { DOOR_DAY_STARTS_AT_HOUR } from '../../src/domain/door-day.ts';
import {
  DANCE_FLOOR,
  eventPlans,
  FESTIVAL_FIRST_SHOW_ID,
  FIRST_SHOW_ID,
  LATER_TODAY_OPENS_AFTER_MS,
  type EventPlan,
  type FestivalOptions,
  type ShowPlan,
  type Zone,
} from './catalog.ts';
import { FEMALE, MALE } from './names.ts';
import { mulberry32, pick, shuffle, type Random } from './prng.ts';

export interface DemoTicket {
  barcode: string;
  admission: boolean;
  price: number;
  seat_name: string;
  zone_name: string;
  row: string | null;
  place: string | null;
  client_name: string | null;
  client_surname: string | null;
  client_middlename: string | null;
}

export type ApiRecord = Record<string, unknown>;

/** Codes on a show's demo tickets page that exercise the verdicts other than "valid". */
export interface ShowSpecials {
  /** Already checked at the server before this device saw it (another entrance). */
  checkedElsewhere: string | null;
  /** Refunded before the first pull: never listed. */
  refunded: string | null;
  /** A listed code to print as EAN-13 (a scanner reads 13 digits). */
  ean13: string | null;
  otherShow: { showId: number; code: string } | null;
  unknown: string;
}

export interface DemoSeed {
  events: ApiRecord[];
  tickets: Map<number, DemoTicket[]>;
  /** show id → code → checked_at the server already knows at start. */
  checked: Map<number, Map<string, string>>;
  /** show id → codes refunded at start. */
  refunded: Map<number, Set<string>>;
  specials: Map<number, ShowSpecials>;
}

/** Never issued: the demo tickets page prints it as "unknown". */
export const UNKNOWN_CODE = '870000000001';
const MSK_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86400_000;
/** Tickets 0..23 are printed as ordinary ones; the specials come right after. */
export const PRINTED_TICKETS = 24;

export interface SeedOptions {
  now: Date;
  firstShowTickets: number;
  festival?: FestivalOptions;
}

export function buildSeed(options: SeedOptions): DemoSeed {
  const plans = eventPlans(options.firstShowTickets, options.festival);
  const clock = moscowClock(options.now);
  const events = plans.map((plan, index) => eventRecord(plan, index, plans.length, clock));

  const showPlans = plans.flatMap((e) => e.shows);
  const festival = (s: ShowPlan) => s.id >= FESTIVAL_FIRST_SHOW_ID;
  const order = [
    ...showPlans.filter((s) => s.id !== FIRST_SHOW_ID && !festival(s)),
    ...showPlans.filter((s) => s.id === FIRST_SHOW_ID),
    ...showPlans.filter(festival),
  ];
  const used = new Set<number>([Number(UNKNOWN_CODE)]);
  const tickets = new Map<number, DemoTicket[]>();
  for (const show of order) tickets.set(show.id, generateTickets(show, used));

  const checked = new Map<number, Map<string, string>>();
  const refunded = new Map<number, Set<string>>();
  const specials = new Map<number, ShowSpecials>();
  const checkedAt = formatMoscow(options.now.getTime() + MSK_OFFSET_MS - 10 * 60_000);
  for (const show of showPlans) {
    const list = tickets.get(show.id) ?? [];
    const elsewhere = list[PRINTED_TICKETS]?.barcode ?? null;
    const gone = list[PRINTED_TICKETS + 1]?.barcode ?? null;
    checked.set(show.id, new Map(elsewhere ? [[elsewhere, checkedAt]] : []));
    refunded.set(show.id, new Set(gone ? [gone] : []));
    const otherId = show.id === FIRST_SHOW_ID ? 1002 : FIRST_SHOW_ID;
    const otherCode = tickets.get(otherId)?.[0]?.barcode;
    specials.set(show.id, {
      checkedElsewhere: elsewhere,
      refunded: gone,
      ean13: list[PRINTED_TICKETS + 2]?.barcode ?? null,
      otherShow: otherCode ? { showId: otherId, code: otherCode } : null,
      unknown: UNKNOWN_CODE,
    });
  }
  return { events, tickets, checked, refunded, specials };
}

interface MoscowClock {
  /**
   * Moscow midnight of the start's door day, as a UTC timestamp of the same wall-clock time: until
   * 06:00 the door is still on last night's shows (domain/door-day.ts), so a demo started at 00:30
   * puts "today's" 19:00 show on the evening that just ended, not on the one to come, exactly as
   * the door counts it.
   */
  dayStart: number;
  /** The start itself, Moscow wall-clock time held the same way, to the minute. */
  start: number;
}

function moscowClock(now: Date): MoscowClock {
  const wall = now.getTime() + MSK_OFFSET_MS;
  const doorWall = wall - DOOR_DAY_STARTS_AT_HOUR * 3600_000;
  return { dayStart: doorWall - (doorWall % DAY_MS), start: wall - (wall % 60_000) };
}

/** Formats a Moscow wall-clock timestamp (held as if it were UTC) as ISO 8601 with +03:00. */
function formatMoscow(wallMs: number): string {
  return `${new Date(wallMs).toISOString().slice(0, 19)}+03:00`;
}

/** A Moscow wall-clock moment held as if it were UTC (see formatMoscow). */
function wallAt(clock: MoscowClock, dayOffset: number, time: string, plusHours = 0): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return clock.dayStart + dayOffset * DAY_MS + (h + plusHours) * 3600_000 + m * 60_000;
}

function at(clock: MoscowClock, dayOffset: number, time: string, plusHours = 0): string {
  return formatMoscow(wallAt(clock, dayOffset, time, plusHours));
}

function eventRecord(plan: EventPlan, index: number, count: number, clock: MoscowClock): ApiRecord {
  // Oldest first by id: created 10 days apart, the last one 10 days ago.
  const createdDay = -10 * (count - index) - 60;
  const created = at(clock, createdDay, '11:00');
  return {
    id: plan.id,
    name: plan.name,
    is_active: plan.isActive === false ? 0 : 1,
    currency_id: 'RUB',
    place_name: plan.placeName,
    place_address: plan.placeAddress,
    created_at: created,
    updated_at: at(clock, createdDay + 1, '12:30'),
    deleted_at: plan.deleted ? at(clock, -2, '09:15') : null,
    shows: plan.shows.map((show) => showRecord(show, createdDay, clock)),
  };
}

function showRecord(show: ShowPlan, createdDay: number, clock: MoscowClock): ApiRecord {
  const zones: ApiRecord = {};
  show.venue.forEach((zone, i) => {
    zones[zone.key] = { disabled: '0', shared: '', price_id: `#${i}` };
  });
  return {
    id: show.id,
    name: show.name,
    is_active: show.isActive === false ? 0 : 1,
    sale_start_date: at(clock, createdDay, '12:00'),
    sale_finish_date: at(clock, show.dayOffset, show.time, show.hours),
    ...showTimes(show, clock),
    created_at: at(clock, createdDay, '11:05'),
    updated_at: at(clock, createdDay + 1, '12:30'),
    deleted_at: show.deleted ? at(clock, -1, '10:00') : null,
    scheme_properties: { zones },
    prices: show.venue.map((zone, i) => ({ default_price: zone.price, color_theme: i + 1 })),
  };
}

/** open_date, start_date, finish_date: see ShowPlan.doors. */
function showTimes(show: ShowPlan, clock: MoscowClock): ApiRecord {
  if (show.doors === 'later-today') {
    const open = clock.start + LATER_TODAY_OPENS_AFTER_MS;
    return { open_date: formatMoscow(open), start_date: formatMoscow(open + 1800_000), finish_date: formatMoscow(open + 1800_000 + show.hours * 3600_000) };
  }
  const open = wallAt(clock, show.dayOffset, show.time, -1);
  const finish = wallAt(clock, show.dayOffset, show.time, show.hours);
  const openNow = show.doors === 'open-now';
  return {
    open_date: formatMoscow(openNow ? Math.min(open, clock.start - 3600_000) : open),
    start_date: at(clock, show.dayOffset, show.time),
    finish_date: formatMoscow(openNow ? Math.max(finish, clock.start + 12 * 3600_000) : finish),
  };
}

function generateTickets(show: ShowPlan, used: Set<number>): DemoTicket[] {
  const random = mulberry32(show.id * 7919);
  // Seats in hall order, then shuffled: Qtickets lists tickets in order of sale, not of seat.
  const tickets = shuffle(random, seatedTickets(show));
  for (const ticket of tickets) {
    ticket.barcode = uniqueCode(random, used);
    assignHolder(random, ticket);
  }
  return tickets;
}

function seatedTickets(show: ShowPlan): DemoTicket[] {
  const tickets: DemoTicket[] = [];
  for (const zone of show.venue) {
    if (zone.rows === undefined || zone.places === undefined) continue;
    for (let row = 1; row <= zone.rows && tickets.length < show.tickets; row++) {
      for (let place = 1; place <= zone.places && tickets.length < show.tickets; place++) {
        tickets.push(ticket(zone, String(row), String(place)));
      }
    }
  }
  // Whatever the seats cannot hold (clubs, festivals, DEMO_TICKETS=100000) stands on the floor.
  const floor = show.venue.find((z) => z.rows === undefined) ?? DANCE_FLOOR;
  while (tickets.length < show.tickets) tickets.push(ticket(floor, null, null));
  return tickets;
}

function ticket(zone: Zone, row: string | null, place: string | null): DemoTicket {
  const admission = row === null;
  return {
    barcode: '',
    admission,
    price: zone.price,
    seat_name: admission ? zone.name : `${zone.name}: ряд ${row}, место ${place}`,
    zone_name: zone.name,
    row,
    place,
    client_name: null,
    client_surname: null,
    client_middlename: null,
  };
}

/** 12 digits starting with 87, like real Qtickets codes; numbers in the set keep 100k fast. */
function uniqueCode(random: Random, used: Set<number>): string {
  for (;;) {
    const code = 870_000_000_000 + Math.floor(random() * 100_000) * 100_000 + Math.floor(random() * 100_000);
    if (!used.has(code)) {
      used.add(code);
      return String(code);
    }
  }
}

function assignHolder(random: Random, ticket: DemoTicket): void {
  const roll = random();
  // Box-office sales and invitations carry no buyer.
  if (roll < 0.05) return;
  const forms = random() < 0.5 ? MALE : FEMALE;
  ticket.client_name = pick(random, forms.names);
  ticket.client_surname = pick(random, forms.surnames);
  ticket.client_middlename = roll < 0.35 ? null : pick(random, forms.middlenames);
}
