// Barcode lists at their edges through the client: none, duplicated codes, 200,000 tickets
// (a stadium), bare or paged. The client returns the whole list, unique by code, or an error.
import { describe, expect, it } from 'vitest';
import { fakeFetch, jsonReply } from './fakeGateway.ts';
import { createQticketsClient } from './qtickets.ts';
import { createTransport } from './transport.ts';

const code = (i: number) => `87${String(i).padStart(10, '0')}`;
const ticket = (i: number) => ({ barcode: code(i), admission: 0, price: '1500.00', seat_name: `Партер: ряд ${i % 30}, место ${i % 40}`, zone_name: 'Партер', row: null, place: null, client_name: null, client_surname: null, client_middlename: null });

function clientAnswering(pages: unknown[]) {
  const { fetch, calls } = fakeFetch(() => jsonReply(pages[calls.length - 1] ?? []));
  return { client: createQticketsClient(createTransport({ fetch })), calls };
}

describe('barcode lists at their edges (client)', () => {
  it('an empty list is a valid answer: zero tickets, not an error', async () => {
    for (const answer of [[], { data: [] }, { data: [], paging: { perPage: 500, currentPage: 1, total: 0 } }]) {
      const { client } = clientAnswering([answer]);
      expect(await client.getShowBarcodes('t', 1001)).toMatchObject({ ok: true, value: [] });
    }
  });

  it('a code listed twice comes back once', async () => {
    const { client } = clientAnswering([[ticket(1), ticket(2), ticket(1), ticket(3), ticket(2)]]);
    const result = await client.getShowBarcodes('t', 1001);
    expect(result.ok && result.value.map((t) => t.code)).toEqual([code(1), code(2), code(3)]);
  });

  it('reads 200,000 tickets, in one bare list or in 400 pages, whole and unique', async () => {
    const N = 200_000;
    const all = Array.from({ length: N }, (_, i) => ticket(i));
    const bare = clientAnswering([all]);
    const one = await bare.client.getShowBarcodes('t', 1001);
    expect(one.ok && one.value.length).toBe(N);

    const perPage = 500;
    const pages = Array.from({ length: N / perPage }, (_, p) => ({
      data: all.slice(p * perPage, (p + 1) * perPage),
      paging: { perPage, currentPage: p + 1, total: N },
    }));
    const paged = clientAnswering(pages);
    const many = await paged.client.getShowBarcodes('t', 1001);
    expect(paged.calls).toHaveLength(N / perPage);
    expect(many.ok && many.value.length).toBe(N);
    expect(many.ok && new Set(many.value.map((t) => t.code)).size).toBe(N);
  }, 60_000);
});
