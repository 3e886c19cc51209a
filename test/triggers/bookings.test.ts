import nock from 'nock';

import { bookingCancelled, newBooking } from '../operations';
import { booking } from '../fixtures';
import { API, API_PATH, api, appTester, authBundle, failureOf } from '../helpers';

const bookings = [
  booking({ id: 'book_confirmed', status: 'confirmed', created_at: '2026-04-11T15:00:00Z' }),
  booking({ id: 'book_cancelled', status: 'cancelled', created_at: '2026-04-11T14:00:00Z' }),
  booking({ id: 'book_canceled', status: 'Canceled', created_at: '2026-04-11T13:00:00Z' }),
];

describe('new_booking', () => {
  it('adds scheduled_start with the Zap’s time zone offset on that date, and an empty end without a length', async () => {
    const delivered = booking({ scheduled_date: '2026-01-20', scheduled_time: '7:30' });
    const [result] = await appTester(
      newBooking.operation.perform,
      authBundle({ cleanedRequest: delivered, inputData: {}, meta: { timezone: 'America/Chicago' } }),
    );
    expect(result).toMatchObject({
      ...delivered,
      scheduled_start: '2026-01-20T07:30:00-06:00',
      scheduled_start_pretty: 'Tue, Jan 20, 2026, 7:30 AM CST',
      // Always there, so a Zap that maps it never meets a missing field: empty when it cannot be derived.
      scheduled_end: null,
      scheduled_end_pretty: null,
    });
  });

  it('gives UTC (+00:00) when the run has no time zone (outside a Zap)', async () => {
    const [result] = await appTester(newBooking.operation.perform, authBundle({ cleanedRequest: booking() }));
    expect(result).toMatchObject({ scheduled_start: '2026-04-15T09:00:00+00:00' });
  });

  it('adds scheduled_end when an Appointment Length is given (a string, as Zapier may map it)', async () => {
    const [result] = await appTester(
      newBooking.operation.perform,
      authBundle({
        cleanedRequest: booking({ scheduled_time: '16:45' }),
        inputData: { appointment_length_minutes: '90' },
        meta: { timezone: 'Asia/Kolkata' },
      }),
    );
    expect(result).toMatchObject({
      scheduled_start: '2026-04-15T16:45:00+05:30',
      scheduled_end: '2026-04-15T18:15:00+05:30',
    });
  });

  it('polls every booking', async () => {
    api({ offContract: 'a status in odd case' }).get(`${API_PATH}/bookings`).reply(200, { data: bookings, count: 3 });
    const results = await appTester(newBooking.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['book_confirmed', 'book_cancelled', 'book_canceled']);
  });
});

describe('booking_cancelled', () => {
  it('polls only cancelled bookings, in either spelling', async () => {
    const scope = api({ offContract: 'a status in odd case' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: bookings, count: 3 });
    const results = await appTester(bookingCancelled.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['book_cancelled', 'book_canceled']);
    expect(scope.isDone()).toBe(true);
  });
});

describe.each([
  ['new_booking', newBooking],
  ['booking_cancelled', bookingCancelled],
])('%s: Appointment Length', (_key, trigger) => {
  it('is an optional integer input', () => {
    expect(trigger.operation.inputFields).toContainEqual(
      expect.objectContaining({
        key: 'appointment_length_minutes',
        label: 'Appointment Length (Minutes)',
        type: 'integer',
        required: false,
      }),
    );
  });

  it.each([
    ['perform', { cleanedRequest: { id: 'book_x' } }],
    ['performList', {}],
  ] as const)('refuses a negative length in %s, before any request', async (operation, extra) => {
    const scope = nock(API).get(/.*/).reply(200, { data: [] });
    const error = await failureOf(
      appTester(
        trigger.operation[operation],
        authBundle({ inputData: { appointment_length_minutes: '-30' }, ...extra }),
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'The Appointment Length "-30" is not a whole number of minutes from 0 to 10080 (a week). Enter a length such as 60, or leave it empty for no end time.',
    );
    expect(scope.isDone()).toBe(false);
  });
});
