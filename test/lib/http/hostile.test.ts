// The request layer against a real server on loopback that misbehaves: what the user sees each time.
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';

import { DEFAULT_TIMEOUT_MS, requestTimeoutMs } from '../../../lib/http/config';
import { MAX_IN_FLIGHT } from '../../../lib/hook-trigger';
import { findCall, findLead, triggers } from '../../operations';
import { deleteRecord, fetchList, fetchOptionalRecord, fetchRecord, isUnreachable } from '../../../lib/http/api';
import { API_KEY, appTester, captureLogs, failureOf } from '../../helpers';
import { startHostileServer, type HostileServer } from '../../hostile-server';
import { lead } from '../../fixtures';

let server: HostileServer;
beforeAll(async () => {
  nock.enableNetConnect(/^127\.0\.0\.[12]:/);
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
  nock.disableNetConnect();
});
beforeEach(() => {
  server.reset();
  process.env.NEVERMISS_API_URL = server.apiUrl;
  process.env.NEVERMISS_TIMEOUT_MS = '200';
});
afterEach(() => {
  delete process.env.NEVERMISS_TIMEOUT_MS;
});

const run = <T>(fn: (z: ZObject) => Promise<T>) => appTester((z: ZObject) => fn(z), { authData: { api_key: API_KEY } });
const failure = <T>(fn: (z: ZObject) => Promise<T>) => failureOf(run(fn));
const getStats = (z: ZObject) => fetchRecord(z, { path: ['stats'] });
const origin = () => new URL(server.apiUrl).origin;

describe('the request timeout', () => {
  it('is 12 s unless NEVERMISS_TIMEOUT_MS lowers it: a stalled answer fails within Zapier’s 30 s', () => {
    delete process.env.NEVERMISS_TIMEOUT_MS;
    expect(requestTimeoutMs()).toBe(DEFAULT_TIMEOUT_MS);
    expect(2 * DEFAULT_TIMEOUT_MS).toBeLessThan(30_000);
    for (const value of ['0', '-5', 'soon', '99999999']) {
      process.env.NEVERMISS_TIMEOUT_MS = value;
      expect(requestTimeoutMs()).toBe(DEFAULT_TIMEOUT_MS);
    }
    process.env.NEVERMISS_TIMEOUT_MS = '250';
    expect(requestTimeoutMs()).toBe(250);
  });

  it.each([
    ['stall before the headers', getStats],
    ['stall mid-body', getStats],
    ['connection reset mid-body', getStats],
    ['stall mid-body', (z: ZObject) => fetchList(z, { path: ['calls'] })],
  ] as const)('turns a %s into "could not reach NeverMiss" in time', async (fault, operation) => {
    server.setFault(fault);
    const started = Date.now();
    const error = await failure(operation);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'network_error',
      message: `NeverMiss is not responding right now. Try again in a few minutes. Details: GET /${operation === getStats ? 'stats' : 'calls'} to ${server.apiUrl}: no complete answer within 0.2 s.`,
    });
  });
});

describe('the run’s time', () => {
  it('is shared by its requests: once used up, the next request is refused before it is sent', async () => {
    const realNow = Date.now.bind(Date);
    const failure = await failureOf(
      run(async (z) => {
        await getStats(z);
        // As if the first request had taken the whole run's time (2 × the 0.2 s timeout).
        const later = realNow() + 400;
        const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
        try {
          return await getStats(z);
        } finally {
          clock.mockRestore();
        }
      }),
    );
    expect(server.requests).toHaveLength(1);
    expect(failure).toMatchObject({
      code: 'network_error',
      message: `NeverMiss is not responding right now. Try again in a few minutes. Details: GET /stats to ${server.apiUrl}: no complete answer in the time a step has.`,
    });
  });
});

describe('redirects', () => {
  it('never follows one to another host, so the key never reaches it', async () => {
    server.setFault('redirect to another host');
    const error = await failure(getStats);
    expect(server.otherHostRequests).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'redirect_refused', status: 302 });
    expect(error.message).toMatch(
      /^NeverMiss sent the request somewhere else, which the app does not follow, so your API key was not sent there\. If this persists, contact NeverMiss support\. Details: 302 on GET \/stats, a redirect to another host \(http:\/\/127\.0\.0\.2:\d+\)\.$/,
    );
  });

  it('does not follow one on the same host either, and says so', async () => {
    server.setFault('redirect on the same host');
    const error = await failure(getStats);
    expect(server.requests).toHaveLength(1);
    expect(error.message).toBe(
      `NeverMiss sent the request somewhere else, which the app does not follow, so your API key was not sent there. If this persists, contact NeverMiss support. Details: 301 on GET /stats, a redirect to another address on ${origin()}.`,
    );
  });

  it('says so when a redirect names no place', async () => {
    nock.disableNetConnect();
    delete process.env.NEVERMISS_API_URL;
    nock('https://nevermisshq.com').get('/api/v1/stats').reply(307, '');
    const error = await failure(getStats);
    expect(error.message).toContain('Details: 307 on GET /stats, a redirect without saying where to.');
    nock.enableNetConnect(/^127\.0\.0\.[12]:/);
  });
});

describe('answers the API documentation never promised', () => {
  it.each(['204 No Content', '200 {"data": null}'] as const)('takes a DELETE answered %s as done', async (fault) => {
    server.setFault(fault);
    await expect(run((z) => deleteRecord(z, { path: ['webhooks', 'whk_1'] }))).resolves.toBeUndefined();
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['DELETE /api/v1/webhooks/whk_1']);
  });

  it('takes a DELETE answered 404 in the error envelope as already gone', async () => {
    nock.disableNetConnect();
    delete process.env.NEVERMISS_API_URL;
    const scope = nock('https://nevermisshq.com')
      .delete('/api/v1/webhooks/whk_1')
      .reply(404, { error: { status: 404, message: 'Webhook not found.' } });
    await expect(run((z) => deleteRecord(z, { path: ['webhooks', 'whk_1'] }))).resolves.toBeUndefined();
    expect(scope.isDone()).toBe(true);
    nock.enableNetConnect(/^127\.0\.0\.[12]:/);
  });

  it.each([
    ['404 HTML page', 'NeverMiss sent text/html instead of its JSON error.'],
    ['404 {"error": "text"}', 'No route matches this path.'],
  ] as const)('counts a 404 as "not found" only in the error envelope: %s is an error', async (fault, detail) => {
    server.setFault(fault);
    const gone = await failure((z) => deleteRecord(z, { path: ['webhooks', 'whk_1'] }));
    expect(gone).toMatchObject({
      message: `NeverMiss could not find what this step asked for. If this persists, contact NeverMiss support. Details: NeverMiss API error 404 on DELETE /webhooks/whk_1: ${detail}`,
      code: 'not_found',
      status: 404,
    });
    const found = await failure((z) => fetchOptionalRecord(z, { path: ['leads', 'lead_1'] }));
    expect(found.message).toBe(
      `NeverMiss could not find what this step asked for. If this persists, contact NeverMiss support. Details: NeverMiss API error 404 on GET /leads/lead_1: ${detail}`,
    );
  });

  it.each([
    ['500 {"error": "text"}', 'Database unavailable.'],
    ['500 {"message": "text"}', 'Database unavailable.'],
    ['500 {"error": {"message": 5}}', 'NeverMiss sent JSON without an error message.'],
    ['500 empty body', 'the answer had an empty body.'],
  ] as const)('keeps what an error body in another shape says: %s', async (fault, detail) => {
    server.setFault(fault);
    for (const operation of [getStats, (z: ZObject) => fetchList(z, { path: ['calls'] })]) {
      server.reset();
      server.setFault(fault);
      const error = await failure(operation);
      expect(error.message).toMatch(
        /^NeverMiss is having trouble right now\. Try again in a few minutes\. Details: NeverMiss API error 500 on GET \/(stats|calls): /,
      );
      expect(error.message.endsWith(`: ${detail}`)).toBe(true);
    }
  });

  it('reports a 2xx with an empty body as such', async () => {
    server.setFault('204 No Content');
    const error = await failure(getStats);
    expect(error.message).toBe(
      `NeverMiss sent an answer the app could not read. This is usually temporary: try again in a few minutes. Details: ${server.apiUrl} answered 204 on GET /stats with an empty body.`,
    );
  });

  it('gives a 429 with an HTTP date a delay in seconds', async () => {
    server.setFault('429 + Retry-After: HTTP date');
    const error = await failure(getStats);
    expect(error.name).toBe('ThrottledError');
    expect([29, 30, 31]).toContain(error.delay);
  });
});

const bundle = (extra: object) => ({ authData: { api_key: API_KEY }, inputData: {}, ...extra });
const paths = () => server.requests.map(({ method, path }) => `${method} ${path}`);

describe('records the API answers wrongly', () => {
  it.each([
    ['records without id', 'a record without an id', 'NeverMiss sent back a record without an ID.'],
    [
      'record of another id',
      'the record of another id (another_record)',
      'NeverMiss sent back another record than the one this step asked for.',
    ],
  ] as const)('a search by id answered with %s is an error, never an output without id', async (fault, what, plain) => {
    server.setFault(fault);
    const error = await failureOf(appTester(findLead.operation.perform, bundle({ inputData: { id: 'lead_1' } })));
    expect(error).toMatchObject({
      code: 'malformed_response',
      message: `${plain} If this persists, contact NeverMiss support. Details: GET /leads/lead_1 answered with ${what}.`,
    });
    expect(paths()).toEqual(['GET /api/v1/leads/lead_1']);
  });

  it('a delivered id completed with a record without id never leads to /undefined', async () => {
    server.setFault('records without id');
    const error = await failureOf(
      appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: { id: 'lead_1' } })),
    );
    expect(error.code).toBe('malformed_response');
    expect(paths()).toEqual(['GET /api/v1/leads/lead_1']);
  });

  it('a list of records without id gives no item without id: the search completes none', async () => {
    server.setFault('records without id');
    await expect(
      appTester(findCall.operation.perform, bundle({ inputData: { phone_number: '555-123-4567' } })),
    ).resolves.toEqual([]);
    expect(paths()).toEqual(['GET /api/v1/calls?limit=100']);
  });

  it.each([
    ['list_leads (dropdown)', () => appTester(triggers.list_leads.operation.perform, bundle({}))],
    ['new_lead performList', () => appTester(triggers.new_lead.operation.performList, bundle({}))],
    [
      'find_lead by email',
      () => appTester(findLead.operation.perform, bundle({ inputData: { email: 'maria.garcia@example.com' } })),
    ],
  ])('%s outputs each id of a list that repeats it once', async (_operation, operation) => {
    server.setFault('ids repeated in lists');
    const output = (await operation()) as { id: string }[];
    expect(output.map(({ id }) => id)).toEqual(['lead_01HXL3A7PD']);
  });
});

describe('webhook deliveries', () => {
  // Hundreds of requests through core's middleware: seconds under coverage on a busy machine.
  jest.setTimeout(30_000);
  beforeEach(() => {
    // The default timeout: under load an answer can take longer than the stall tests' 0.2 s.
    delete process.env.NEVERMISS_TIMEOUT_MS;
  });
  const idOnly = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: `lead_${String(index).padStart(3, '0')}` }));

  it('never outputs the API key a delivery carries, in any case', async () => {
    const echoed = { ...lead({ id: 'lead_1' }), name: API_KEY.toUpperCase(), service_needed: `key: ${API_KEY}` };
    const output = await appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: echoed }));
    expect(output).toEqual([
      expect.objectContaining({ id: 'lead_1', name: '[redacted]', service_needed: 'key: [redacted]' }),
    ]);
    expect(JSON.stringify(output).toLowerCase()).not.toContain(API_KEY.toLowerCase());
    expect(server.requests).toHaveLength(0);
  });

  it('reads a body whole when a "key" is made of JSON punctuation: the scrub is of its values, not its text', async () => {
    const key = ',"name":"Maria G';
    const output = await appTester(triggers.new_lead.operation.perform, {
      ...bundle({ cleanedRequest: lead({ id: 'lead_1', notes: `echo ${key}` } as never) }),
      authData: { api_key: key },
    });
    expect(output.map(({ id, name }) => ({ id, name }))).toEqual([{ id: 'lead_1', name: 'Maria Garcia' }]);
    expect(JSON.stringify(output)).not.toContain('Maria G"');
    expect((output[0] as Record<string, unknown>).notes).toBe('echo [redacted]');
  });

  it('outputs the record in the data of an event envelope with its own id, not the envelope', async () => {
    const output = await appTester(
      triggers.new_lead.operation.perform,
      bundle({
        cleanedRequest: { id: 'evt_01', event: 'new_lead', created_at: '2026-04-11T14:35:00Z', data: { id: 'lead_7' } },
      }),
    );
    expect(output.map(({ id }) => id)).toEqual(['lead_7']);
    expect(paths()).toEqual(['GET /api/v1/leads/lead_7']);
  });

  it('keeps a transcript delivered as text in transcript_text', async () => {
    const { transcript: _turns, ...delivered } = await run((z) =>
      fetchRecord<Record<string, unknown>>(z, { path: ['calls', 'call_1'] }),
    );
    const [output] = await appTester(
      triggers.new_call.operation.perform,
      bundle({
        cleanedRequest: {
          event: 'new_call',
          data: { ...delivered, transcript: '  Agent: Hello.\nCaller: My AC broke.  ' },
        },
      }),
    );
    expect(output).toMatchObject({
      id: 'call_1',
      transcript: [],
      transcript_text: 'Agent: Hello.\nCaller: My AC broke.',
    });
  });

  it(`completes 300 id-only records with at most ${String(MAX_IN_FLIGHT)} requests in flight`, async () => {
    server.setLatency(10);
    const output = await appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(300) }));
    expect(output).toHaveLength(300);
    expect(output.every((record) => record.name === 'Maria Garcia')).toBe(true);
    expect(server.requests).toHaveLength(300);
    // Concurrent, never more than the pool (exactly 10 unless the machine is too busy to keep 10 going).
    expect(server.peakInFlight()).toBeGreaterThan(1);
    expect(server.peakInFlight()).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  });

  it('outputs every record after a 429: the completed ones whole, the rest as delivered, and asks no more', async () => {
    const lines: string[] = [];
    const release = captureLogs((line) => lines.push(line));
    process.env.LOG_TO_STDOUT = 'true';
    try {
      server.setLatency(5);
      server.throttleFrom(25);
      const output = await appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(100) }));
      expect(output.map(({ id }) => id)).toEqual(idOnly(100).map(({ id }) => id));
      const whole = output.filter((record) => record.name === 'Maria Garcia');
      expect(whole).toHaveLength(24);
      // As delivered: the id; every other field there, empty (there is no name or address to split).
      const asDelivered = output.filter((record) => (record as Record<string, unknown>).name === null);
      expect(asDelivered).toHaveLength(76);
      expect(asDelivered[0]).toMatchObject({ first_name: '', last_name: '', address_street: '' });
      // The 429 stops further requests: only those already in flight were still made.
      expect(server.requests.length).toBeLessThan(25 + MAX_IN_FLIGHT);
      expect(lines.join('\n')).toContain(
        '76 of 100 records could not be completed (ThrottledError) and are output as they came.',
      );
    } finally {
      delete process.env.LOG_TO_STDOUT;
      release();
    }
  });

  it('stops asking once NeverMiss stalls: one wave of requests, then the step fails in time', async () => {
    process.env.NEVERMISS_TIMEOUT_MS = '200';
    server.setFault('stall before the headers');
    const started = Date.now();
    const error = await failureOf(
      appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(300) })),
    );
    // Without the stop: 30 waves of timeouts, each as long as the request timeout allows.
    expect(server.requests.length).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'network_error' });
  });

  it('stays within the time one request may take, however slowly NeverMiss answers each of many', async () => {
    // 1 s a request → a run may wait 2 s in all; 10 waves of 300 ms answers would take 3 s.
    process.env.NEVERMISS_TIMEOUT_MS = '1000';
    server.setLatency(300);
    const started = Date.now();
    const output = await appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(100) }));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_600);
    expect(output).toHaveLength(100);
    const whole = output.filter((record) => record.name === 'Maria Garcia').length;
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(100);
  });

  it('keeps asking after an error that is about one record (a 404): it does not stop the others', async () => {
    server.setFault('404 {"error": "text"}');
    const error = await failureOf(
      appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(30) })),
    );
    expect(server.requests).toHaveLength(30);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('outputs a record it could not complete even when the Urgency filter is set: the filter cannot judge it', async () => {
    server.throttleFrom(2);
    const output = await appTester(
      triggers.new_lead.operation.perform,
      bundle({ cleanedRequest: [{ id: 'lead_1' }, { id: 'lead_2' }], inputData: { urgency: 'low' } }),
    );
    // The lead that came whole is "high", not "low": filtered out; the one that met the 429 is output as delivered.
    expect(output).toHaveLength(1);
    expect(output[0]).toMatchObject({ name: null });
  });

  it('fails with the error when no delivered record could be completed', async () => {
    server.throttleFrom(1);
    const error = await failureOf(
      appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: idOnly(3) })),
    );
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe('isUnreachable', () => {
  it('is true only for the app’s own "could not reach NeverMiss" error', async () => {
    server.setFault('stall before the headers');
    // As the app sees it, inside the operation (the app tester adds a trace to what leaves it).
    const seenInside = await run(async (z) =>
      getStats(z).then(
        () => undefined,
        (error: unknown) => isUnreachable(error as Error),
      ),
    );
    expect(seenInside).toBe(true);
    server.setFault(undefined);
    expect(isUnreachable(new Error('not JSON'))).toBe(false);
    expect(isUnreachable(new Error(JSON.stringify({ message: 'Call x not found.', code: 'not_found' })))).toBe(false);
  });
});
