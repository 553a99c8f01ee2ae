// Search speed on 100 000 tickets: builds the index once, then runs door-like queries many
// times and prints the median and the 95th percentile of each. Run: npx tsx scripts/bench-search.ts [tickets]
// (Node's V8 is Chrome's engine; a phone is several times slower — the target is < 100 ms there.)
import { performance } from 'node:perf_hooks';
import { FEMALE, MALE } from '../server/demo/names.ts';
import { mulberry32, pick } from '../server/demo/prng.ts';
import { buildSearchIndex, searchTickets } from '../src/domain/search.ts';
import type { Ticket } from '../src/domain/types.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const RUNS = 41;
const ZONES = ['Партер', 'Амфитеатр', 'Балкон', 'VIP', 'Танцевальный партер'];

const random = mulberry32(20261229);
const tickets: Ticket[] = [];
for (let i = 0; i < COUNT; i++) {
  const people = random() < 0.5 ? MALE : FEMALE;
  const zone = pick(random, ZONES);
  const row = String(1 + Math.floor(random() * 40));
  const place = String(1 + Math.floor(random() * 40));
  tickets.push({
    showId: 1001 + (i % 3),
    code: String(870_000_000_000 + Math.floor(random() * 9_999_999_999)),
    admission: zone === 'Танцевальный партер',
    price: 1500,
    seatName: `${zone}: ряд ${row}, место ${place}`,
    zoneName: zone,
    row,
    place,
    clientName: pick(random, people.names),
    clientSurname: pick(random, people.surnames),
    clientMiddlename: pick(random, people.middlenames),
    revoked: 0,
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

const buildStart = performance.now();
const index = buildSearchIndex(tickets);
const buildMs = performance.now() - buildStart;

const sample = tickets[12345 % COUNT]!;
const queries = [
  'се', // two letters: the widest query a person can type
  'семенов', // ё typed as е
  'СОЛОВЬЕВА АЛЕНА',
  `${sample.clientSurname} ${sample.clientName}`,
  sample.code.slice(-5), // code fragment
  'vip ряд 3 место 12',
  'зюзюзю', // nothing matches: a full pass
];

console.log(`search bench: ${COUNT} tickets, ${RUNS} runs per query, node ${process.version}`);
console.log(`index build: ${buildMs.toFixed(1)} ms`);
const medians: number[] = [];
for (const q of queries) {
  const times: number[] = [];
  let hits = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    hits = searchTickets(index, q).length;
    times.push(performance.now() - t0);
  }
  medians.push(median(times));
  console.log(`${JSON.stringify(q).padEnd(28)} median ${median(times).toFixed(2)} ms  p95 ${p95(times).toFixed(2)} ms  hits ${hits}`);
}
console.log(`worst median: ${Math.max(...medians).toFixed(2)} ms (target < 100 ms)`);
