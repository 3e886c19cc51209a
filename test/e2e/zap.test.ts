// What goes wrong, and the cases beyond the Zap session (`session.test.ts` plays the session itself),
// against the sandbox over real HTTP: no nock answers here.
import authentication from '../../authentication';
import { findBooking, findCall, findLead, getStats, listCalls, newCall, newLead } from '../operations';
import { SANDBOX_API_KEY } from '../../tools/sandbox/server';
import { appTester, failureOf } from '../helpers';
import { useSandbox } from './harness';

const env = useSandbox();
const bundle = (extra: object = {}) => ({ authData: { api_key: SANDBOX_API_KEY }, inputData: {}, ...extra });

describe('authentication against the sandbox', () => {
  it('reports a wrong key as expired auth', async () => {
    const error = await failureOf(appTester(authentication.test, { authData: { api_key: 'nm_live_wrong' } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(
      /^NeverMiss did not accept the API key\. .* Details: 401 on GET \/stats: Invalid API key\./,
    );
  });
});

describe('searches and the dropdown over real HTTP', () => {
  it('find_call by an unknown id finds nothing', async () => {
    await expect(appTester(findCall.operation.perform, bundle({ inputData: { id: 'call_nope' } }))).resolves.toEqual(
      [],
    );
  });

  it('find_booking by phone, name and date', async () => {
    const results = await appTester(
      findBooking.operation.perform,
      bundle({ inputData: { phone_number: '555-444-5555', customer_name: 'david lee' } }),
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((b) => b.customer_name === 'David Lee')).toBe(true);
    const [first] = results;
    const byDate = await appTester(
      findBooking.operation.perform,
      bundle({ inputData: { scheduled_date: first!.scheduled_date } }),
    );
    expect(byDate.map((b) => b.id)).toContain(first!.id);
  });

  it('the call id dropdown', async () => {
    const choices = await appTester(listCalls.operation.perform, bundle());
    expect(choices[0]).toEqual({ id: 'call_01HXSBX0001', label: 'John Smith · +15551234567 · 2026-04-11 21:00 UTC' });
  });
});

describe('sandbox faults reach the user as clear errors', () => {
  it('429 with Retry-After → ThrottledError with the delay', async () => {
    await env.control('/_sandbox/faults', { status: 429, times: 1, retry_after: 30 });
    const error = await failureOf(appTester(getStats.operation.perform, bundle()));
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });

  it('500 → an error with the status and the API message', async () => {
    await env.control('/_sandbox/faults', { status: 500, times: 1 });
    const error = await failureOf(appTester(newLead.operation.performList, bundle()));
    expect(error).toMatchObject({
      status: 500,
      message:
        'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 500 on GET /leads: Internal server error.',
    });
  });

  it('an HTML 502 from a proxy → a clear error, not a parse error', async () => {
    await env.control('/_sandbox/faults', { status: 502, times: 1, body: 'html' });
    const error = await failureOf(appTester(findLead.operation.perform, bundle({ inputData: { email: 'a@b.co' } })));
    expect(error.message).toBe(
      'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 502 on GET /leads: NeverMiss sent text/html instead of its JSON error.',
    );
  });

  it('a truncated 200 body → a clear error', async () => {
    await env.control('/_sandbox/faults', { status: 200, times: 1, body: 'malformed' });
    const error = await failureOf(appTester(newCall.operation.performList, bundle()));
    expect(error.message).toMatch(/answered 200 on GET \/calls with a body that is not JSON \(application\/json\)\./);
  });
});
