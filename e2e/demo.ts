// Talking to the embedded demo Qtickets from tests: its public token, its listed codes, what it
// has received, and its switches (refunds, faults).
import type { APIRequestContext } from '@playwright/test';

export const DEMO_TOKEN = 'demo-kontrol-token';
export const SHOW = 1001;
export const OTHER_SHOW = 1002;
/** Its doors open 3 h after the demo server started (server/demo/catalog.ts). */
export const LATER_TODAY_SHOW = 1016;

export interface ReceivedCheckIn {
  barcode: string;
  checked_at: string;
  via: 'batch' | 'single';
  /** Whether the demo found the code and recorded the check-in (not refused). */
  accepted: boolean;
}

export function demo(request: APIRequestContext) {
  return {
    async reset() {
      const res = await request.post('/demo/control/reset');
      if (!res.ok()) throw new Error(`demo reset: HTTP ${res.status()}`);
    },
    async codes(show: number): Promise<string[]> {
      return (await request.get(`/demo/state/barcodes?show=${show}`)).json();
    },
    async received(show: number): Promise<ReceivedCheckIn[]> {
      return (await request.get(`/demo/state/checkins?show=${show}`)).json();
    },
    async refund(showId: number, barcode: string) {
      const res = await request.post('/demo/control/refund', { data: { showId, barcode } });
      if (!res.ok()) throw new Error(`demo refund: HTTP ${res.status()}`);
    },
    /** The box office sells one more ticket of the show (after the door pulled its list): its code. */
    async sell(showId: number): Promise<string> {
      const res = await request.post('/demo/control/sell', { data: { showId } });
      if (!res.ok()) throw new Error(`demo sell: HTTP ${res.status()}`);
      return ((await res.json()) as { barcode: string }).barcode;
    },
    /** What the demo keeps when a checked ticket is checked in again; reset() restores keep-earliest. */
    async checkInPolicy(policy: 'keep-earliest' | 'keep-first' | 'keep-last' | 'refuse-repeat') {
      const res = await request.post('/demo/control/checkin-policy', { data: { policy } });
      if (!res.ok()) throw new Error(`demo check-in policy: HTTP ${res.status()}`);
    },
    async fault(mode: string, count?: number, paths: 'barcodes-post' | 'all' = 'all') {
      const res = await request.post('/demo/control/fault', { data: { mode, count, paths } });
      if (!res.ok()) throw new Error(`demo fault: HTTP ${res.status()}`);
    },
  };
}
