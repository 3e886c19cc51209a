// Outcomes at scale. A jest process of its own (`npm run test:solo`): see jest.config.js.
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { findBooking, triggers } from '../operations';
import { booking, callDetail, lead } from '../fixtures';
import { API, API_KEY, API_PATH, appTester } from '../helpers';
import { observe, type Observed } from './outcome';
import { checkSection } from './report';

const run =
  <T>(operation: (z: ZObject, bundle: Bundle) => Promise<T>, extra: object = {}) =>
  () =>
    appTester(operation, { authData: { api_key: API_KEY }, inputData: {}, ...extra });

const check = async (runCase: () => Promise<unknown>): Promise<Observed> => {
  const observed = await observe(runCase);
  expect(observed.crashed).toBe(false);
  expect(observed.visible).not.toContain(API_KEY);
  return observed;
};

const many = <T>(make: (i: number) => T) => Array.from({ length: 100_000 }, (_, i) => make(i));
const stamp = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

describe('scale', () => {
  jest.setTimeout(120_000);

  it('a 20,000-turn transcript and lists of 100,000 records', async () => {
    const turns = Array.from({ length: 20_000 }, (_, i) => ({
      speaker: i % 2 ? 'caller' : 'agent',
      text: `turn ${String(i)}`,
    }));
    const long = await check(
      run(triggers.new_call.operation.perform, {
        cleanedRequest: { event: 'new_call', data: callDetail({ transcript: turns as never }) },
      }),
    );

    // Lists this long are built from the fixtures; a plain nock scope serves them without checking 100,000 records.
    nock(API)
      .get(`${API_PATH}/leads`)
      .reply(200, {
        data: many((i) => lead({ id: `lead_${String(i)}`, created_at: stamp(i) })),
        count: 100_000,
      });
    const leads = await check(run(triggers.new_lead.operation.performList));

    nock(API)
      .get(`${API_PATH}/bookings`)
      .reply(200, {
        data: many((i) =>
          booking({
            id: `book_${String(i)}`,
            phone_number: `+1555${String(1_000_000 + (i % 5000))}`,
            created_at: stamp(i),
          }),
        ),
        count: 100_000,
      });
    const bookings = await check(run(findBooking.operation.perform, { inputData: { phone_number: '(555) 100-0042' } }));

    expect(long.outcome).toBe('ok: 1 record');
    expect((JSON.parse(long.visible) as { transcript_text: string }[])[0]?.transcript_text.split('\n')).toHaveLength(
      20_000,
    );
    expect(leads.outcome).toBe('ok: 100 records');
    expect((JSON.parse(leads.visible) as { id: string }[])[0]?.id).toBe('lead_99999');
    expect(bookings.outcome).toBe('ok: 20 records');
    checkSection({
      id: 'scale',
      cases: 3,
      title: 'Scale',
      intro:
        'Outcomes only (test/reliability/scale.solo.ts): time and memory against a bare fetch + parse baseline are in BENCHMARKS.md.',
      header: ['operation', 'input', 'outcome'],
      rows: [
        ['new_call perform', 'a call with a 20,000-turn transcript', `${long.outcome}, 20,000 transcript lines`],
        ['new_lead performList', '100,000 leads', `${leads.outcome}, newest first`],
        ['find_booking by phone', '100,000 bookings, 20 from the number', bookings.outcome],
      ],
    });
  });
});
