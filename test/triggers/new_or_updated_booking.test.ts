// New or Updated Booking: a polling trigger whose id changes when a booking does, played against Zapier's
// de-duplication (a Zap runs once for every id Zapier has not seen before; the first poll only records them).
import nock from 'nock';

import app from '../../index';
import { bookingChangeSample, bookingDigest, MAX_UPCOMING, WATCHED_FIELDS } from '../../lib/booking-changes';
import { bookingSample, type Booking } from '../../lib/bookings';
import { newBooking, newOrUpdatedBooking } from '../operations';
import { booking } from '../fixtures';
import { API, API_PATH, api, appTester, authBundle, failureOf } from '../helpers';

// 16:00 UTC on Wednesday 2026-04-15: 11:00 in Chicago (CDT); yesterday there is the 14th.
const NOW = Date.parse('2026-04-15T16:00:00Z');
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => {
  jest.restoreAllMocks();
});

const { perform } = newOrUpdatedBooking.operation;
const inChicago = (inputData: Record<string, unknown> = {}) =>
  authBundle({ inputData, meta: { timezone: 'America/Chicago' } });

/** NeverMiss's booking list, as it is at each poll. */
const answering = (list: () => unknown[]) =>
  api({ offContract: 'bookings the tests change in place' })
    .persist()
    .get(`${API_PATH}/bookings`)
    .reply(200, () => ({ data: list(), count: list().length }));

/** Zapier's de-duplication: the records of a poll whose id it has not seen; the first poll only records ids. */
const zapier = () => {
  const seen = new Set<string>();
  let polls = 0;
  return async (bundle = inChicago()) => {
    const results = await appTester(perform, bundle);
    const fresh = results.filter(({ id }) => !seen.has(id));
    for (const { id } of results) seen.add(id);
    polls += 1;
    return polls === 1 ? [] : fresh;
  };
};

const at = (id: string, date: string, time = '09:00', created = '2026-04-10', extra: Partial<Booking> = {}) =>
  booking({ id, scheduled_date: date, scheduled_time: time, created_at: `${created}T12:00:00Z`, ...extra });

describe('new_or_updated_booking', () => {
  it('is a polling trigger with New Booking’s fields, the booking’s own id beside it, and New Booking’s option', () => {
    expect(app.triggers.new_or_updated_booking).toBe(newOrUpdatedBooking);
    expect(newOrUpdatedBooking).toMatchObject({
      key: 'new_or_updated_booking',
      noun: 'Booking',
      display: { label: 'New or Updated Booking' },
      operation: { type: 'polling' },
    });
    expect(newOrUpdatedBooking.display.description).toMatch(/^Triggers when .*moved.*cancelled\.$/);
    const keys = newOrUpdatedBooking.operation.outputFields.map(({ key }) => key);
    expect(keys.sort()).toEqual([...newBooking.operation.outputFields.map(({ key }) => key), 'booking_id'].sort());
    expect(newOrUpdatedBooking.operation.outputFields.find(({ key }) => key === 'booking_id')?.label).toBe(
      'Booking ID',
    );
    expect(newOrUpdatedBooking.operation.inputFields.map(({ key }) => key)).toEqual(
      newBooking.operation.inputFields.map(({ key }) => key),
    );
    expect(Object.keys(newOrUpdatedBooking.operation.sample).sort()).toEqual(keys.sort());
    expect(bookingChangeSample).toEqual({
      ...bookingSample,
      id: `${bookingSample.id}-${bookingDigest(bookingSample)}`,
      booking_id: bookingSample.id,
    });
  });

  it('gives each upcoming booking, newest booked first, with one request: from yesterday on in the Zap’s time zone', async () => {
    const list = [
      at('book_two_days_ago', '2026-04-13', '09:00', '2026-04-12'),
      at('book_yesterday', '2026-04-14', '16:00', '2026-04-01'),
      at('book_today', '2026-04-15', '09:00', '2026-04-05'),
      at('book_next_month', '2026-05-20', '09:00', '2026-04-14'),
      at('book_tomorrow', '2026-04-16', '09:00', '2026-04-08'),
      at('book_padded', ' 2026-04-17 ', '09:00', '2026-03-01'),
      { ...at('book_no_date', '2026-04-15'), scheduled_date: 'next week' },
      { ...at('book_null_date', '2026-04-15'), scheduled_date: null },
    ];
    const scope = api({ offContract: 'a date that is none' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: list, count: list.length });
    const results = await appTester(perform, inChicago());
    expect(results.map(({ booking_id }) => booking_id)).toEqual([
      'book_next_month',
      'book_tomorrow',
      'book_today',
      'book_yesterday',
      'book_padded',
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('counts yesterday in the Zap’s time zone: at 03:00 UTC on the 15th, Chicago’s yesterday is the 13th', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-04-15T03:00:00Z'));
    const list = [at('book_13th', '2026-04-13'), at('book_12th', '2026-04-12')];
    api().get(`${API_PATH}/bookings`).times(2).reply(200, { data: list, count: 2 });
    expect((await appTester(perform, inChicago())).map(({ booking_id }) => booking_id)).toEqual(['book_13th']);
    // Outside a Zap (UTC) it is already the 15th, and yesterday the 14th.
    expect(await appTester(perform, authBundle({ inputData: {} }))).toEqual([]);
  });

  it('outputs the booking as New Booking does, its id made of the booking’s id and a digest of what a calendar shows', async () => {
    const record = at('book_01HXM4A9ZK', '2026-04-16', '09:00');
    api()
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: [record], count: 1 });
    const [result] = await appTester(perform, inChicago({ appointment_length_minutes: '60' }));
    expect(result).toEqual({
      ...record,
      id: expect.stringMatching(/^book_01HXM4A9ZK-[0-9a-f]{12}$/) as unknown,
      booking_id: 'book_01HXM4A9ZK',
      created_at_pretty: 'Fri, Apr 10, 2026, 7:00 AM CDT',
      customer_first_name: 'David',
      customer_last_name: 'Lee',
      address_street: '123 Main St',
      address_city: 'Austin',
      address_state: 'TX',
      address_postal_code: '',
      scheduled_start: '2026-04-16T09:00:00-05:00',
      scheduled_start_pretty: 'Thu, Apr 16, 2026, 9:00 AM CDT',
      scheduled_end: '2026-04-16T10:00:00-05:00',
      scheduled_end_pretty: 'Thu, Apr 16, 2026, 10:00 AM CDT',
    });
    expect(result?.id).toBe(`book_01HXM4A9ZK-${bookingDigest(record)}`);
  });

  it.each<[string, Partial<Booking>]>([
    ['moved to another day', { scheduled_date: '2026-04-17' }],
    ['moved to another time', { scheduled_time: '15:30' }],
    ['moved to another address', { address: '9 Elm St, Austin, TX 78701' }],
    ['given another service', { service_type: 'Furnace Repair' }],
    ['cancelled', { status: 'cancelled' }],
  ])('fires once more when a booking is %s, and not again while it stays so', async (_case, change) => {
    let list = [at('book_a', '2026-04-16'), at('book_b', '2026-04-18')];
    answering(() => list);
    const poll = zapier();
    await poll(); // the Zap is turned on: what is there now is recorded, nothing fires
    list = [{ ...list[0]!, ...change }, list[1]!];
    const fired = await poll();
    expect(fired.map(({ booking_id }) => booking_id)).toEqual(['book_a']);
    expect(fired[0]).toMatchObject(change);
    await expect(poll()).resolves.toEqual([]);
  });

  it.each<[string, Partial<Booking>]>([
    ['its notes', { notes: 'Gate code 9999' }],
    ['the customer’s name as written', { customer_name: 'David  Lee' }],
    ['the customer’s phone number', { phone_number: '+15550001111' }],
  ])('does not fire when only %s changes', async (_case, change) => {
    let list = [at('book_a', '2026-04-16')];
    answering(() => list);
    const poll = zapier();
    await poll();
    list = [{ ...list[0]!, ...change }];
    await expect(poll()).resolves.toEqual([]);
  });

  it('fires for a new booking, for a change back and forth, and not for one moved into the past', async () => {
    let list: Booking[] = [at('book_a', '2026-04-16')];
    answering(() => list);
    const poll = zapier();
    await poll();
    list = [...list, at('book_new', '2026-04-20', '10:00', '2026-04-15')];
    expect((await poll()).map(({ booking_id }) => booking_id)).toEqual(['book_new']);
    list = [{ ...list[0]!, scheduled_time: '13:00' }, list[1]!];
    expect((await poll()).map(({ scheduled_time }) => scheduled_time)).toEqual(['13:00']);
    // Back to the time Zapier has already seen: that state has fired once, it does not fire again.
    list = [{ ...list[0]!, scheduled_time: '09:00' }, list[1]!];
    await expect(poll()).resolves.toEqual([]);
    // Moved to last week: no longer upcoming, so nothing to put in a calendar.
    list = [{ ...list[0]!, scheduled_date: '2026-04-08' }, list[1]!];
    await expect(poll()).resolves.toEqual([]);
  });

  it('misses no change when more than 100 appointments are upcoming: every one is given, not the newest 100', async () => {
    let list = Array.from({ length: 250 }, (_, i) =>
      at(
        `book_${String(i).padStart(3, '0')}`,
        `2026-05-${String((i % 28) + 1).padStart(2, '0')}`,
        '09:00',
        '2026-04-01',
      ),
    );
    answering(() => list);
    const poll = zapier();
    await poll();
    const oldest = list.at(-1)!;
    list = [...list.slice(0, -1), { ...oldest, scheduled_time: '16:00' }];
    const fired = await poll();
    expect(fired.map(({ booking_id }) => booking_id)).toEqual([oldest.id]);
  });

  it(`gives the ${String(MAX_UPCOMING)} soonest appointments when more are upcoming`, async () => {
    const count = MAX_UPCOMING + 5;
    // One a day from tomorrow on; a time that is none (or null) counts as the end of its day.
    const list = Array.from({ length: count }, (_, i) =>
      at(
        `book_${String(i)}`,
        new Date(Date.parse('2026-04-16T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
        i % 7 === 0 ? 'after lunch' : i % 11 === 0 ? (null as never) : '09:00',
        '2026-04-01',
      ),
    );
    api({ offContract: 'times that are none' }).get(`${API_PATH}/bookings`).reply(200, { data: list, count });
    const results = await appTester(perform, inChicago());
    expect(results).toHaveLength(MAX_UPCOMING);
    const given = new Set(results.map(({ booking_id }) => booking_id));
    expect(list.slice(-5).some(({ id }) => given.has(id))).toBe(false);
  });

  it('gives a booking NeverMiss lists twice once, and a record without an id not at all', async () => {
    const list = [at('book_a', '2026-04-16'), at('book_a', '2026-04-16'), { ...at('x', '2026-04-16'), id: '' }];
    api({ offContract: 'a record without an id' }).get(`${API_PATH}/bookings`).reply(200, { data: list, count: 3 });
    expect((await appTester(perform, inChicago())).map(({ booking_id }) => booking_id)).toEqual(['book_a']);
  });

  it('digests only what it watches, and every one of those', () => {
    const base = at('book_a', '2026-04-16');
    expect(WATCHED_FIELDS).toEqual(['scheduled_date', 'scheduled_time', 'address', 'service_type', 'status']);
    const digests = new Set([
      bookingDigest(base),
      ...WATCHED_FIELDS.map((key) => bookingDigest({ ...base, [key]: `${base[key]} changed` })),
    ]);
    expect(digests.size).toBe(WATCHED_FIELDS.length + 1);
    expect(bookingDigest({ ...base, notes: 'other', customer_name: 'Other', created_at: '2026-01-01T00:00:00Z' })).toBe(
      bookingDigest(base),
    );
    // A field that is missing and one that is null are the same state.
    const { address: _address, ...withoutAddress } = base;
    expect(bookingDigest(withoutAddress as Booking)).toBe(bookingDigest({ ...base, address: null as never }));
  });

  it('takes the same time, spacing or case of status as the same state: no run for a reformatting', () => {
    const base = at('book_a', '2026-04-16', '09:00', '2026-04-10', {
      status: 'confirmed',
      address: '9 Elm St, Austin, TX',
    });
    for (const same of [
      { scheduled_time: '9:00' },
      { scheduled_time: '09:00:00' },
      { status: ' Confirmed ' as never },
      { address: ' 9 Elm St,  Austin, TX ' },
      { scheduled_date: ' 2026-04-16' },
    ]) {
      expect(bookingDigest({ ...base, ...same })).toBe(bookingDigest(base));
    }
    expect(bookingDigest({ ...base, scheduled_time: '09:30' })).not.toBe(bookingDigest(base));
    // Values of other types than NeverMiss documents are digested as they are, without a throw.
    const odd = { ...base, scheduled_date: 20260416, scheduled_time: null, status: 3, address: {} } as never;
    expect(bookingDigest(odd)).toMatch(/^[0-9a-f]{12}$/);
    expect(bookingDigest({ ...base, address: '9 ELM ST, Austin, TX' })).not.toBe(bookingDigest(base));
  });

  it('gives the booking’s own id as booking_id, even when NeverMiss sends a field of that name', async () => {
    const record = { ...at('book_a', '2026-04-16'), booking_id: 'something else' };
    api({ offContract: 'a field the contract does not name' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: [record], count: 1 });
    const [result] = await appTester(perform, inChicago());
    expect(result).toMatchObject({ booking_id: 'book_a', id: `book_a-${bookingDigest(record)}` });
  });

  it('refuses a bad Appointment Length before any request', async () => {
    const scope = nock(API).get(/.*/).reply(200, { data: [] });
    const error = await failureOf(appTester(perform, inChicago({ appointment_length_minutes: '-5' })));
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(scope.isDone()).toBe(false);
  });
});
