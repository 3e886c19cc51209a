// Every operation of the app against the sandbox over real HTTP: no nock answers here.
import authentication from '../../authentication';
import getStats from '../../creates/get_stats';
import type { HookTrigger } from '../../lib/hook-trigger';
import type { WebhookEvent } from '../../lib/models';
import { SANDBOX_API_KEY } from '../../sandbox/server';
import findBooking from '../../searches/find_booking';
import findCall from '../../searches/find_call';
import findLead from '../../searches/find_lead';
import bookingCancelled from '../../triggers/booking_cancelled';
import listCalls from '../../triggers/list_calls';
import missedCall from '../../triggers/missed_call';
import newBooking from '../../triggers/new_booking';
import newCall from '../../triggers/new_call';
import newLead from '../../triggers/new_lead';
import { appTester, failureOf } from '../helpers';
import { useSandbox } from './harness';

const env = useSandbox();
const bundle = (extra: object = {}) => ({ authData: { api_key: SANDBOX_API_KEY }, inputData: {}, ...extra });

type Trigger = HookTrigger<Record<string, unknown>>;

describe('authentication against the sandbox', () => {
  it('tests the key and labels the connection', async () => {
    await expect(appTester(authentication.test, bundle())).resolves.toMatchObject({ total_leads_captured: 12 });
    await expect(appTester(authentication.connectionLabel, bundle())).resolves.toBe('API key ****'); // the sandbox key is too short (15) to show any of it
  });

  it('reports a wrong key as expired auth', async () => {
    const error = await failureOf(appTester(authentication.test, { authData: { api_key: 'nm_live_wrong' } }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/NeverMiss rejected the API key \(Invalid API key\.\)/);
  });
});

describe.each<{ trigger: Trigger; event: WebhookEvent; expected: Record<string, unknown> }>([
  { trigger: newCall, event: 'new_call', expected: { status: 'completed' } },
  { trigger: missedCall, event: 'missed_call', expected: { status: 'missed' } },
  { trigger: newLead, event: 'new_lead', expected: { source: 'inbound_call' } },
  { trigger: newBooking, event: 'new_booking', expected: { status: 'confirmed' } },
  { trigger: bookingCancelled, event: 'booking_cancelled', expected: { status: 'cancelled' } },
])('$event over real HTTP', ({ trigger, event, expected }) => {
  it('subscribes, receives a real delivery, turns it into a record, and unsubscribes (twice)', async () => {
    const targetUrl = `${env.hooks.url}/hooks/${event}`;
    const webhook = await appTester(trigger.operation.performSubscribe, bundle({ targetUrl }));
    expect(webhook).toMatchObject({ url: targetUrl, events: [event], api_key_suffix: '****dbox' });

    const emitted = (await env.control('/_sandbox/events', { event })) as { record: { id: string } };
    const delivered = await env.hooks.next(`/hooks/${event}`);
    const records = await appTester(trigger.operation.perform, bundle({ cleanedRequest: delivered }));
    expect(records).toEqual([expect.objectContaining({ id: emitted.record.id, ...expected })]);

    const subscribeData = { id: webhook.id };
    await expect(appTester(trigger.operation.performUnsubscribe, bundle({ subscribeData }))).resolves.toEqual({
      id: webhook.id,
      deleted: true,
    });
    await expect(appTester(trigger.operation.performUnsubscribe, bundle({ subscribeData }))).resolves.toEqual({
      id: webhook.id,
      deleted: true,
    });
  });

  it('polls the list endpoint for samples', async () => {
    const records = await appTester(trigger.operation.performList, bundle({ meta: { isLoadingSample: true } }));
    expect(records.length).toBeGreaterThan(0);
    expect(records[0]).toMatchObject(expected);
  });
});

describe('calls over real HTTP', () => {
  it('completes an id-only delivery and carries transcripts in samples', async () => {
    const [call] = await appTester(newCall.operation.perform, bundle({ cleanedRequest: { id: 'call_01HXSBX0001' } }));
    expect(call).toMatchObject({
      id: 'call_01HXSBX0001',
      transcript_text: expect.stringMatching(/^Agent: /) as unknown,
    });
    const sample = await appTester(newCall.operation.performList, bundle({ meta: { isLoadingSample: true } }));
    expect(sample.slice(0, 3).every((c) => c.transcript.length > 0)).toBe(true);
    expect(sample.slice(3).every((c) => c.transcript.length === 0)).toBe(true);
  });
});

describe('searches and the action over real HTTP', () => {
  it('find_call by id and by phone number', async () => {
    const [byId] = await appTester(findCall.operation.perform, bundle({ inputData: { id: 'call_01HXSBX0002' } }));
    expect(byId).toMatchObject({ id: 'call_01HXSBX0002', caller_name: 'Maria Garcia' });
    const [byPhone] = await appTester(
      findCall.operation.perform,
      bundle({ inputData: { phone_number: '(555) 222-3333' } }),
    );
    expect(byPhone).toMatchObject({
      caller_name: 'Maria Garcia',
      transcript_text: expect.stringContaining('Caller: Hi, this is Maria Garcia') as unknown,
    });
    await expect(appTester(findCall.operation.perform, bundle({ inputData: { id: 'call_nope' } }))).resolves.toEqual(
      [],
    );
  });

  it('find_lead by email and by id', async () => {
    const [lead] = await appTester(
      findLead.operation.perform,
      bundle({ inputData: { email: 'Maria.Garcia@example.com' } }),
    );
    expect(lead).toMatchObject({
      name: 'Maria Garcia',
      email: 'maria.garcia@example.com',
      first_name: 'Maria',
      last_name: 'Garcia',
      address_street: '88 Lamar Blvd',
      address_city: 'Austin',
      address_state: 'TX',
      address_postal_code: '',
    });
    await expect(appTester(findLead.operation.perform, bundle({ inputData: { id: lead!.id } }))).resolves.toEqual([
      lead,
    ]);
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

  it('find_booking in a Zap in America/Chicago with a 60-minute Appointment Length', async () => {
    const [booking] = await appTester(
      findBooking.operation.perform,
      bundle({
        inputData: { phone_number: '555-444-5555', appointment_length_minutes: '60' },
        meta: { timezone: 'America/Chicago' },
      }),
    );
    const { scheduled_date: date, scheduled_time: time } = booking!;
    expect(booking).toMatchObject({ customer_first_name: 'David', customer_last_name: 'Lee', address_city: 'Austin' });
    // The seed's dates fall in April, under daylight saving time.
    expect(booking!.scheduled_start).toBe(`${date}T${time}:00-05:00`);
    expect(Date.parse(String(booking!.scheduled_end)) - Date.parse(String(booking!.scheduled_start))).toBe(3_600_000);
  });

  it('get_stats and the id dropdown', async () => {
    await expect(appTester(getStats.operation.perform, bundle())).resolves.toMatchObject({ total_calls_this_week: 24 });
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
      message: 'NeverMiss API error 500 on GET /leads: Internal server error.',
    });
  });

  it('an HTML 502 from a proxy → a clear error, not a parse error', async () => {
    await env.control('/_sandbox/faults', { status: 502, times: 1, body: 'html' });
    const error = await failureOf(appTester(findLead.operation.perform, bundle({ inputData: { email: 'a@b.co' } })));
    expect(error.message).toBe(
      'NeverMiss API error 502 on GET /leads: NeverMiss sent text/html instead of its JSON error.',
    );
  });

  it('a truncated 200 body → a clear error', async () => {
    await env.control('/_sandbox/faults', { status: 200, times: 1, body: 'malformed' });
    const error = await failureOf(appTester(newCall.operation.performList, bundle()));
    expect(error.message).toMatch(/answered 200 on GET \/calls with a body that is not JSON \(application\/json\)\./);
  });
});
