// Shared by the hub's HTTP tests: the demo's token, requests with a token, an admission body.
import { randomUUID } from 'node:crypto';
import { request, type RawResponse } from '../test-support.ts';

export const DEMO_TOKEN = 'demo-kontrol-token';

export function post(base: string, path: string, body: unknown, token: string | null = DEMO_TOKEN): Promise<RawResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return request(base, path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export function get(base: string, path: string, token: string | null = DEMO_TOKEN): Promise<RawResponse> {
  return request(base, path, token === null ? {} : { headers: { Authorization: `Bearer ${token}` } });
}

export interface Scan {
  showId: number;
  code: string;
  checkedAt: string;
  nonce: string;
}

export const scan = (showId: number, code: string, nonce: string = randomUUID()): Scan => ({
  showId,
  code,
  checkedAt: '2026-12-29T19:03:12+03:00',
  nonce,
});

export function admit(base: string, items: Scan[], device = { deviceId: 'door-2', deviceName: 'Вход 2' }, token: string = DEMO_TOKEN) {
  return post(base, '/hub/v1/admissions', { ...device, items }, token);
}

export const heartbeatBody = (deviceId: string, shows: number[]) => ({
  deviceId,
  deviceName: `Вход ${deviceId}`,
  version: '0.1.0',
  stored: 2999,
  lastPullAt: '2026-12-29T18:00:00+03:00',
  pending: 2,
  rejected: 0,
  storageBytes: 1_234_567,
  battery: 0.8,
  scansLastMinute: 12,
  shows,
});
