import { describe, expect, it } from 'vitest';
import { createAdmissions, MAX_ACCEPTED_TOKENS, type AdmissionOptions } from './gateway-admission.ts';

const options: AdmissionOptions = {
  tokenRate: false,
  addressRate: { burst: 1, perSecond: 0.001 },
  maxInFlight: 10,
  maxInFlightPerToken: 2,
};
const frozen = () => 0;

describe('createAdmissions', () => {
  it('counts a release once, however often it is called', () => {
    const admissions = createAdmissions(options, frozen);
    const a = admissions.admit('fp-a', 'addr');
    if (!a.ok) throw new Error('refused');
    a.upstreamAnswered(200);
    const b = admissions.admit('fp-a', 'addr');
    expect(admissions.inFlight()).toBe(2);
    expect(admissions.admit('fp-a', 'addr')).toMatchObject({ ok: false, code: 'TOO_MANY_IN_FLIGHT' });
    a.release();
    a.release();
    expect(admissions.inFlight()).toBe(1);
    expect(b.ok).toBe(true);
  });

  it('trusts a token after an answer other than 401/403 or 5xx', () => {
    const admissions = createAdmissions({ ...options, maxInFlightPerToken: 100 }, frozen);
    const first = admissions.admit('fp-a', 'addr'); // the address's only unverified request
    if (!first.ok) throw new Error('refused');
    first.upstreamAnswered(503); // proves nothing
    expect(admissions.admit('fp-a', 'addr')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });

    const other = createAdmissions({ ...options, maxInFlightPerToken: 100 }, frozen);
    const verified = other.admit('fp-a', 'addr');
    if (!verified.ok) throw new Error('refused');
    verified.upstreamAnswered(404); // Qtickets let the token in, the show just is not there
    expect(other.admit('fp-a', 'addr').ok).toBe(true);
    expect(other.admit('fp-b', 'addr')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });

  it(`remembers at most ${MAX_ACCEPTED_TOKENS} accepted tokens`, () => {
    const limited = createAdmissions({ ...options, maxInFlight: 1e6 }, frozen);
    const seed = (fp: string) => {
      const a = limited.admit(fp, `addr-${fp}`); // each from its own address: always room
      if (!a.ok) throw new Error('refused');
      a.upstreamAnswered(200);
      a.release();
    };
    seed('fp-0');
    for (let i = 1; i <= MAX_ACCEPTED_TOKENS; i++) seed(`fp-${i}`);
    // fp-0 was pushed out by the 1000 after it; fp-1000 is still known.
    expect(limited.admit('fp-1000', 'shared').ok).toBe(true);
    expect(limited.admit('fp-0', 'shared').ok).toBe(true); // unknown again: charged to 'shared' (burst 1)
    expect(limited.admit('fp-0', 'shared')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});
