// What the demo Qtickets sells: events, shows and venues. Dates are relative to the day the
// server starts (Moscow time, +03:00) so upcoming shows stay upcoming; everything random is
// drawn from seeded PRNGs elsewhere, so codes do not depend on the date.

export interface Zone {
  name: string;
  /** Internal zone key, as in Qtickets' scheme_properties. */
  key: string;
  price: number;
  /** Seated zones have rows × places; admission zones have neither. */
  rows?: number;
  places?: number;
}

export interface ShowPlan {
  id: number;
  name: string | null;
  dayOffset: number;
  time: string;
  hours: number;
  tickets: number;
  venue: readonly Zone[];
  isActive?: boolean;
  deleted?: boolean;
  /**
   * The doors, for the door's entry window. `open-now`: whatever hour the demo starts, they opened
   * an hour before it at the latest and the show ends 12 h after it at the earliest, so a try-out
   * at 10 a.m. or 2 a.m. admits today's tickets. `later-today`: they open 3 h after the demo
   * started (`time` is then ignored), so a ticket is "too early" until then. Absent: an hour before `time`.
   */
  doors?: 'open-now' | 'later-today';
}

export interface EventPlan {
  id: number;
  name: string;
  placeName: string;
  placeAddress: string;
  isActive?: boolean;
  deleted?: boolean;
  shows: ShowPlan[];
}

export const DANCE_FLOOR: Zone = { name: 'Танцевальный партер', key: 'DANCE', price: 1800 };

const THEATRE: readonly Zone[] = [
  { name: 'Партер', key: 'PARTER', price: 3500, rows: 40, places: 40 },
  { name: 'Амфитеатр', key: 'AMPHI', price: 2500, rows: 20, places: 30 },
  { name: 'Балкон', key: 'BALCONY', price: 1500, rows: 15, places: 30 },
  { name: 'VIP', key: 'VIP', price: 7000, rows: 10, places: 10 },
];
const CLUB: readonly Zone[] = [{ name: 'VIP', key: 'VIP', price: 5000, rows: 10, places: 4 }, DANCE_FLOOR];
const OPEN_AIR: readonly Zone[] = [{ name: 'VIP', key: 'VIP', price: 9000, rows: 5, places: 20 }, { ...DANCE_FLOOR, price: 2500 }];
const HALL: readonly Zone[] = [{ name: 'Партер', key: 'PARTER', price: 800, rows: 10, places: 12 }];

export const FIRST_SHOW_ID = 1001;
/** The show whose doors open 3 h after the demo started. */
export const LATER_TODAY_SHOW_ID = 1016;
/** How long after the demo started that show's doors open. */
export const LATER_TODAY_OPENS_AFTER_MS = 3 * 3600_000;
export const DEFAULT_FIRST_SHOW_TICKETS = 3000;
/** Shows of the optional festival (DEMO_FESTIVAL_TICKETS) are numbered from here. */
export const FESTIVAL_FIRST_SHOW_ID = 1101;
export const DEFAULT_FESTIVAL_SHOWS = 5;

/** A festival's tickets spread over several shows held together (`npm run bench:scale`). */
export interface FestivalOptions {
  /** All its shows together. */
  tickets: number;
  shows: number;
}

/** The ids of the festival's shows, in order. */
export function festivalShowIds(shows: number): number[] {
  return Array.from({ length: shows }, (_, i) => FESTIVAL_FIRST_SHOW_ID + i);
}

/**
 * Every stage of a festival on today's grounds, doors open now, so a device set up for all of them
 * admits any of their tickets. Tickets are shared out evenly (the first stages take the remainder).
 */
function festivalPlan({ tickets, shows }: FestivalOptions): EventPlan {
  const base = Math.floor(tickets / shows);
  return {
    id: 114,
    name: 'Фестиваль «Тысяча огней»',
    placeName: 'Парк «Сокольники»',
    placeAddress: 'г. Москва, Сокольнический Вал, 1',
    shows: festivalShowIds(shows).map((id, i) => ({
      id,
      name: `Сцена ${i + 1}`,
      dayOffset: 0,
      time: '12:00',
      hours: 10,
      tickets: base + (i < tickets % shows ? 1 : 0),
      venue: OPEN_AIR,
      doors: 'open-now',
    })),
  };
}

export function eventPlans(firstShowTickets: number, festival?: FestivalOptions): EventPlan[] {
  const plans = fixedEventPlans(firstShowTickets);
  return festival ? [...plans, festivalPlan(festival)] : plans;
}

function fixedEventPlans(firstShowTickets: number): EventPlan[] {
  const filler = (id: number, name: string, showId: number, day: number): EventPlan => ({
    id,
    name,
    placeName: 'Культурный центр «Орбита»',
    placeAddress: 'г. Москва, ул. Садовая, 12',
    shows: [{ id: showId, name: null, dayOffset: day, time: '18:30', hours: 2, tickets: 40, venue: HALL }],
  });
  return [
    {
      id: 101,
      name: 'Щелкунчик',
      placeName: 'Театр оперы и балета',
      placeAddress: 'г. Москва, Театральная пл., 1',
      shows: [
        { id: 1001, name: null, dayOffset: 0, time: '19:00', hours: 3, tickets: firstShowTickets, venue: THEATRE, doors: 'open-now' },
        { id: 1002, name: null, dayOffset: 1, time: '19:00', hours: 3, tickets: 2000, venue: THEATRE },
      ],
    },
    {
      id: 102,
      name: 'Джазовый вечер',
      placeName: 'Клуб «Синяя птица»',
      placeAddress: 'г. Москва, Малый Козихинский пер., 3',
      shows: [{ id: 1003, name: null, dayOffset: 0, time: '20:00', hours: 3, tickets: 800, venue: CLUB, doors: 'open-now' }],
    },
    {
      id: 103,
      name: 'Фестиваль «Летний звук»',
      placeName: 'Парк «Сокольники»',
      placeAddress: 'г. Москва, Сокольнический Вал, 1',
      shows: [
        { id: 1004, name: 'День 1', dayOffset: 2, time: '12:00', hours: 10, tickets: 1500, venue: OPEN_AIR },
        { id: 1005, name: 'День 2', dayOffset: 3, time: '12:00', hours: 10, tickets: 1200, venue: OPEN_AIR },
      ],
    },
    {
      id: 104,
      name: 'Новогодний концерт',
      placeName: 'Театр оперы и балета',
      placeAddress: 'г. Москва, Театральная пл., 1',
      shows: [{ id: 1006, name: null, dayOffset: -30, time: '19:00', hours: 2, tickets: 500, venue: THEATRE }],
    },
    {
      id: 105,
      name: 'Отменённый спектакль',
      placeName: 'Театр оперы и балета',
      placeAddress: 'г. Москва, Театральная пл., 1',
      isActive: false,
      deleted: true,
      shows: [{ id: 1007, name: null, dayOffset: 10, time: '19:00', hours: 2, tickets: 50, venue: THEATRE, isActive: false }],
    },
    {
      id: 106,
      name: 'Стендап-вечер',
      placeName: 'Клуб «Синяя птица»',
      placeAddress: 'г. Москва, Малый Козихинский пер., 3',
      shows: [
        { id: 1008, name: null, dayOffset: 5, time: '20:00', hours: 2, tickets: 300, venue: CLUB },
        { id: 1009, name: null, dayOffset: 6, time: '20:00', hours: 2, tickets: 100, venue: CLUB, deleted: true, isActive: false },
      ],
    },
    filler(107, 'Лекция «История джаза»', 1010, 7),
    filler(108, 'Детский спектакль «Колобок»', 1011, 8),
    filler(109, 'Органный концерт', 1012, 9),
    filler(110, 'Квиз «Кино и музыка»', 1013, 10),
    filler(111, 'Мастер-класс по гончарному делу', 1014, 11),
    filler(112, 'Поэтический вечер', 1015, 12),
    {
      id: 113,
      name: 'Ночной киносеанс',
      placeName: 'Кинотеатр «Октябрь»',
      placeAddress: 'г. Москва, ул. Новый Арбат, 24',
      // Its doors open later today: its tickets are "too early" until then (the entry window).
      shows: [{ id: LATER_TODAY_SHOW_ID, name: null, dayOffset: 0, time: '00:00', hours: 2, tickets: 60, venue: HALL, doors: 'later-today' }],
    },
  ];
}
