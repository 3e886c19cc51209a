import app from '../../index';
import { getStats } from '../operations';
import { stats } from '../fixtures';
import { API_PATH, api, apiError, appTester, authBundle, failureOf } from '../helpers';

const run = (meta?: object) =>
  appTester(getStats.operation.perform, authBundle({ inputData: {}, ...(meta ? { meta } : {}) }));

describe('get_stats', () => {
  it('is registered under its key with a singular noun, a label naming calls, leads and bookings, and labelled, typed figures', () => {
    expect(app.creates.get_stats).toBe(getStats);
    expect(getStats.noun).toBe('Report');
    expect(getStats.display.label).toBe('Get Call, Lead and Booking Statistics');
    expect(getStats.display.description).toMatch(/calls.*leads.*bookings/);
    const keys = [...Object.keys(stats), 'busiest_hour_local'].sort();
    expect(getStats.operation.outputFields.map((field) => field.key).sort()).toEqual(keys);
    for (const field of getStats.operation.outputFields) {
      expect(['integer', 'number', 'string']).toContain(field.type);
    }
    expect(Object.keys(getStats.operation.sample).sort()).toEqual(keys);
  });

  it.each([
    ['total_calls_today', 'Calls Today'],
    ['total_calls_this_week', 'Calls This Week'],
    ['total_calls_this_month', 'Calls This Month'],
    ['missed_calls_today', 'Missed Calls Today'],
    ['average_call_duration_seconds', 'Average Call Length (All Time, Seconds)'],
    ['total_leads_captured', 'Leads Captured (All Time)'],
    ['total_bookings', 'Bookings (All Time)'],
    ['busiest_hour', 'Busiest Hour of the Day (All Time, UTC)'],
    ['busiest_hour_local', 'Busiest Hour of the Day (All Time, Zap Time Zone)'],
    ['response_time_average_seconds', 'Average Time to Answer a Call (All Time, Seconds)'],
  ])('labels %s with its period and unit: %j', (key, label) => {
    expect(getStats.operation.outputFields.find((field) => field.key === key)?.label).toBe(label);
  });

  it('returns GET /stats with one request, the busiest hour in the Zap’s time zone as well', async () => {
    const scope = api().get(`${API_PATH}/stats`).times(3).reply(200, { data: stats });
    const chicago = await run({ timezone: 'America/Chicago' });
    expect(chicago).toEqual({ ...stats, busiest_hour_local: expect.stringMatching(/^(9|8):00 AM C[DS]T$/) as unknown });
    // Outside a Zap, or in a zone Zapier does not know: UTC, and it says so.
    await expect(run()).resolves.toMatchObject({ busiest_hour_local: '2:00 PM UTC' });
    await expect(run({ timezone: 'Mars/Olympus_Mons' })).resolves.toMatchObject({ busiest_hour_local: '2:00 PM UTC' });
    expect(scope.isDone()).toBe(true);
  });

  it('keeps every figure’s key when NeverMiss leaves one out, and a busiest hour it cannot read as null', async () => {
    const { busiest_hour: _hour, total_bookings: _bookings, ...partial } = stats;
    api({ offContract: 'a server that leaves figures out' }).get(`${API_PATH}/stats`).reply(200, { data: partial });
    await expect(run({ timezone: 'America/Chicago' })).resolves.toEqual({
      ...partial,
      busiest_hour: null,
      total_bookings: null,
      busiest_hour_local: null,
    });
  });

  it('maps API errors like every other operation: what happened first, the details after', async () => {
    api().get(`${API_PATH}/stats`).reply(500, apiError(500, 'Internal server error.'));
    await expect(failureOf(run())).resolves.toMatchObject({
      message:
        'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 500 on GET /stats: Internal server error.',
      code: 'server_error',
    });
  });
});
