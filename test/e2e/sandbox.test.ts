// The sandbox answers as the documented API does: every answer is checked against the contract.
import { postControl, SANDBOX_API_KEY } from '../../tools/sandbox/server';
import { responseErrors } from '../contract';
import { useSandbox } from './harness';

const env = useSandbox();

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

const call = async (method: string, path: string, body?: unknown, key: string | null = SANDBOX_API_KEY) => {
  const response = await fetch(`${env.sandbox.apiUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(key === null ? {} : { 'x-api-key': key }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const answer: Answer = { status: response.status, body: JSON.parse(text) as unknown, headers: response.headers };
  expect(responseErrors(method, path, answer.status, answer.body)).toEqual([]);
  return answer;
};

const dataOf = (answer: Answer) => (answer.body as { data: unknown }).data;

describe('the sandbox API', () => {
  it.each([
    [null, 'Missing API key: send it in the x-api-key header.'],
    ['nm_live_wrong', 'Invalid API key.'],
  ])('answers 401 in the documented envelope for the key %j', async (key, message) => {
    const answer = await call('GET', '/stats', undefined, key);
    expect(answer).toMatchObject({ status: 401, body: { error: { status: 401, message } } });
  });

  it('serves seeded calls (some missed, all with transcripts), leads and bookings (some cancelled), newest first', async () => {
    const calls = dataOf(await call('GET', '/calls')) as { id: string; status: string; timestamp: string }[];
    expect(calls.length).toBeGreaterThanOrEqual(20);
    expect(calls.filter((c) => c.status === 'missed').length).toBeGreaterThan(0);
    expect(calls.map((c) => c.timestamp)).toEqual([...calls.map((c) => c.timestamp)].sort().reverse());
    for (const { id } of calls) {
      const detail = dataOf(await call('GET', `/calls/${id}`)) as { transcript: unknown[] };
      expect(detail.transcript.length).toBeGreaterThan(0);
    }
    const leads = dataOf(await call('GET', '/leads')) as unknown[];
    const bookings = dataOf(await call('GET', '/bookings')) as { id: string; status: string }[];
    expect(leads.length).toBeGreaterThanOrEqual(10);
    expect(bookings.length).toBeGreaterThanOrEqual(10);
    expect(bookings.filter((b) => ['cancelled', 'canceled'].includes(b.status)).length).toBeGreaterThan(0);
    await call('GET', `/leads/${(leads[0] as { id: string }).id}`);
    await call('GET', `/bookings/${bookings[0]!.id}`);
    await call('GET', '/stats');
  });

  it('is deterministic: a reset brings back the same seed', async () => {
    const before = dataOf(await call('GET', '/leads'));
    await env.control('/_sandbox/events', { event: 'new_lead' });
    await env.control('/_sandbox/reset', {});
    expect(dataOf(await call('GET', '/leads'))).toEqual(before);
  });

  it('honours limit on /calls and refuses a bad one', async () => {
    expect(await call('GET', '/calls?limit=3')).toMatchObject({ status: 200, body: { count: 3 } });
    expect((await call('GET', '/calls?limit=0')).status).toBe(400);
  });

  it.each(['/calls/call_nope', '/leads/lead_nope', '/bookings/book_nope'])('answers 404 for %s', async (path) => {
    expect((await call('GET', path)).status).toBe(404);
  });

  it('keeps a webhook registry: create, delete, and a second delete is a 404', async () => {
    const created = await call('POST', '/webhooks', { url: 'https://example.com/hook', events: ['new_lead'] });
    expect(created.status).toBe(201);
    const { id } = dataOf(created) as { id: string };
    expect(dataOf(await call('DELETE', `/webhooks/${id}`))).toEqual({ id, deleted: true });
    expect((await call('DELETE', `/webhooks/${id}`)).status).toBe(404);
  });

  it.each([
    [{ events: ['new_lead'] }],
    [{ url: 'not a url', events: ['new_lead'] }],
    [{ url: 'https://example.com/hook', events: [] }],
    [{ url: 'https://example.com/hook', events: ['lead_updated'] }],
  ])('answers 400 to a bad webhook body %j', async (body) => {
    expect((await call('POST', '/webhooks', body)).status).toBe(400);
  });

  it('delivers { event, data } to every URL subscribed to the event, and only those', async () => {
    await call('POST', '/webhooks', { url: `${env.hooks.url}/leads`, events: ['new_lead'] });
    await call('POST', '/webhooks', { url: `${env.hooks.url}/calls`, events: ['new_call'] });
    const emitted = (await env.control('/_sandbox/events', { event: 'new_lead', data: { name: 'Ana Ruiz' } })) as {
      record: { id: string; name: string };
      deliveries: { status: number }[];
    };
    expect(emitted.record.name).toBe('Ana Ruiz');
    expect(emitted.deliveries).toEqual([expect.objectContaining({ status: 200 })]);
    expect(await env.hooks.next('/leads')).toEqual({ event: 'new_lead', data: emitted.record });
  });

  it('cancels a booking on booking_cancelled', async () => {
    const emitted = (await env.control('/_sandbox/events', { event: 'booking_cancelled' })) as {
      record: { id: string; status: string };
    };
    expect(emitted.record.status).toBe('cancelled');
    expect(dataOf(await call('GET', `/bookings/${emitted.record.id}`))).toMatchObject({ status: 'cancelled' });
  });

  it('changes a booking in place on PATCH /_sandbox/bookings/{id}, sending no webhook, and refuses a new id', async () => {
    await call('POST', '/webhooks', { url: `${env.hooks.url}/bookings`, events: ['new_booking', 'booking_cancelled'] });
    const [first] = dataOf(await call('GET', '/bookings')) as { id: string }[];
    const moved = await postControl(
      env.sandbox.url,
      `/_sandbox/bookings/${first!.id}`,
      { scheduled_time: '16:30' },
      'PATCH',
    );
    expect(moved).toMatchObject({ id: first!.id, scheduled_time: '16:30' });
    expect(dataOf(await call('GET', `/bookings/${first!.id}`))).toMatchObject({ scheduled_time: '16:30' });
    expect((dataOf(await call('GET', '/bookings')) as { id: string }[])[0]).toMatchObject({ scheduled_time: '16:30' });
    await expect(env.hooks.next('/bookings', 300)).rejects.toThrow('no delivery to /bookings within 300 ms');
    await expect(
      postControl(env.sandbox.url, `/_sandbox/bookings/${first!.id}`, { id: 'book_other' }, 'PATCH'),
    ).rejects.toThrow(/400/);
    await expect(postControl(env.sandbox.url, '/_sandbox/bookings/book_nope', {}, 'PATCH')).rejects.toThrow(/404/);
  });

  it('reseeds bookings with the newest still to come, booked just before now', async () => {
    await env.control('/_sandbox/seed', { bookings: 50, upcoming: 5 });
    const bookings = dataOf(await call('GET', '/bookings')) as { scheduled_date: string; created_at: string }[];
    const today = new Date().toISOString().slice(0, 10);
    expect(bookings.filter(({ scheduled_date }) => scheduled_date > today)).toHaveLength(5);
    expect(bookings.slice(0, 5).every(({ scheduled_date }) => scheduled_date > today)).toBe(true);
  });

  describe('faults', () => {
    it('fails the next n requests with the status and Retry-After asked for, then recovers', async () => {
      await env.control('/_sandbox/faults', { status: 429, times: 2, retry_after: 7 });
      for (let i = 0; i < 2; i += 1) {
        const answer = await call('GET', '/stats');
        expect(answer.status).toBe(429);
        expect(answer.headers.get('retry-after')).toBe('7');
      }
      expect((await call('GET', '/stats')).status).toBe(200);
    });

    it('serves an HTML page or a truncated JSON body on request', async () => {
      await env.control('/_sandbox/faults', { status: 502, times: 1, body: 'html' });
      const html = await fetch(`${env.sandbox.apiUrl}/stats`, { headers: { 'x-api-key': SANDBOX_API_KEY } });
      expect(html.status).toBe(502);
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      await env.control('/_sandbox/faults', { status: 200, times: 1, body: 'malformed' });
      const malformed = await fetch(`${env.sandbox.apiUrl}/calls`, { headers: { 'x-api-key': SANDBOX_API_KEY } });
      await expect(malformed.json()).rejects.toThrow(/JSON/);
    });

    it('slows an answer down without failing it', async () => {
      await env.control('/_sandbox/faults', { delay_ms: 300, times: 1 });
      const started = Date.now();
      expect((await call('GET', '/stats')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });
  });
});
