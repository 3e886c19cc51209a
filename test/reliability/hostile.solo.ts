// Every operation against a real loopback server that misbehaves the way real servers, proxies and
// networks do; the outcomes become RELIABILITY.md. A jest process of its own (`npm run test:solo`).
import nock from 'nock';

import { MAX_IN_FLIGHT } from '../../lib/hook-trigger';
import { callDetail } from '../fixtures';
import { API_KEY, captureLogs } from '../helpers';
import { HOSTILE_FAULTS, startHostileServer, type HostileFault, type HostileServer } from '../hostile-server';
import { hookTriggers, operationsFor, runner, type Run } from './operations';
import { observe, type Observed } from './outcome';
import { checkSection } from './report';

const KEY = API_KEY;
const SEED = { calls: 'call_01HXK2V8Q4', leads: 'lead_01HXL3A7PD', bookings: 'book_01HXM4A9ZK' };
const OPERATIONS = operationsFor(KEY, SEED);
const run = runner(KEY);
/** The stall tests' timeout: the app's own is 12 s. */
const TIMEOUT_MS = '300';

const isUnsubscribe = (name: string) => name.endsWith(' unsubscribe');
const network = 'AppError network_error';
/** Faults about records rather than answers: the operation must output only records with an id, or fail clearly. */
const recordsOrClearError = /^(ok|ok: \d+ records?|AppError (malformed_response|missing_webhook_id))$/;

/** What every operation must answer to each fault. */
const EXPECTED: Record<HostileFault, (operation: string) => string | RegExp> = {
  // A DELETE is done once its 2xx status arrives: the body it then cuts off or stalls is never read.
  'connection reset mid-body': (op) => (isUnsubscribe(op) ? 'ok' : network),
  'stall before the headers': () => network,
  'stall mid-body': (op) => (isUnsubscribe(op) ? 'ok' : network),
  'redirect to another host': () => 'AppError redirect_refused (302)',
  'redirect on the same host': () => 'AppError redirect_refused (301)',
  '204 No Content': (op) => (isUnsubscribe(op) ? 'ok' : 'AppError malformed_response (204)'),
  '200 {"data": null}': (op) => (isUnsubscribe(op) ? 'ok' : /^AppError malformed_response( \(200\))?$/),
  '404 HTML page': () => 'AppError not_found (404)',
  '404 {"error": "text"}': () => 'AppError not_found (404)',
  '500 {"error": "text"}': () => 'AppError server_error (500)',
  '500 {"message": "text"}': () => 'AppError server_error (500)',
  '500 {"error": {"message": 5}}': () => 'AppError server_error (500)',
  '500 empty body': () => 'AppError server_error (500)',
  '429 + Retry-After: HTTP date': () => 'ThrottledError (retry in 30 s)',
  'records without id': () => recordsOrClearError,
  'record of another id': () => recordsOrClearError,
  'ids repeated in lists': () => /^ok/,
};

let server: HostileServer;
let total = 0;
let cases = 0;
const takeCases = () => {
  const counted = cases;
  cases = 0;
  return counted;
};
const logs = { lines: 0, withKey: 0 };
const headers = { requests: 0, carryingKeyElsewhere: 0 };
let release: () => void = () => undefined;

beforeAll(async () => {
  nock.enableNetConnect(/^127\.0\.0\.[12]:/);
  server = await startHostileServer();
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  release = captureLogs((line) => {
    logs.lines += 1;
    if (line.includes(KEY)) logs.withKey += 1;
  });
});

afterAll(async () => {
  delete process.env.LOG_TO_STDOUT;
  delete process.env.DETAILED_LOG_TO_STDOUT;
  delete process.env.NEVERMISS_TIMEOUT_MS;
  release();
  await server.close();
  nock.disableNetConnect();
});

/** An HTTP-date Retry-After is whole seconds: 30 s ahead reads as 29 to 31 depending on the clock's fraction. */
const steady = (outcome: string) => outcome.replace(/retry in (29|30|31) s/, 'retry in 30 s');

/**
 * Runs one case: no crash; the key nowhere a user could see it, in no header but `x-api-key`, never
 * at another host; every output item has an id, each id once; no request for `/…/undefined`.
 */
const check = async (runCase: Run): Promise<Observed & { output: unknown }> => {
  let output: unknown;
  const observed = await observe(async () => {
    output = await runCase();
    return output;
  });
  cases += 1;
  total += 1;
  expect(observed.crashed).toBe(false);
  expect(observed.visible).not.toContain(KEY);
  expect(server.otherHostRequests).toEqual([]);
  for (const { path, headers: sent } of server.requests) {
    expect(path).not.toMatch(/\/undefined(\?|$)/);
    headers.requests += 1;
    const elsewhere = Object.entries(sent).filter(
      ([name, value]) => name !== 'x-api-key' && String(value).includes(KEY),
    );
    headers.carryingKeyElsewhere += elsewhere.length;
  }
  if (Array.isArray(output)) {
    const ids = (output as { id?: unknown }[]).map(({ id }) => id);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  }
  return { ...observed, outcome: steady(observed.outcome), output };
};

describe('hostile server', () => {
  jest.setTimeout(300_000);

  it('answers every misbehaviour with records or a clear Zapier error', async () => {
    process.env.NEVERMISS_TIMEOUT_MS = TIMEOUT_MS;
    process.env.NEVERMISS_API_URL = server.apiUrl;
    const rows: string[][] = [];
    for (const [name, runCase] of OPERATIONS) {
      const row = [name];
      for (const fault of HOSTILE_FAULTS) {
        server.reset();
        server.setFault(fault);
        const { outcome } = await check(runCase);
        const want = EXPECTED[fault](name);
        expect({ case: `${name} / ${fault}`, outcome }).toEqual({
          case: `${name} / ${fault}`,
          outcome: typeof want === 'string' ? want : (expect.stringMatching(want) as unknown),
        });
        row.push(outcome);
      }
      rows.push(row);
    }
    checkSection({
      id: 'hostile',
      cases: takeCases(),
      title: 'Hostile servers',
      intro: `Each operation against a real HTTP server on loopback (test/hostile-server.ts) that misbehaves on every request: cuts the body off, stalls (the request timeout lowered to ${TIMEOUT_MS} ms through \`NEVERMISS_TIMEOUT_MS\`; the app's own is 12 s), redirects to another loopback host (127.0.0.2, which must never see a request) or to another path, answers 204, \`{"data": null}\`, a 404 that is not NeverMiss's error envelope, error bodies in other shapes, a 429 whose \`Retry-After\` is an HTTP date, records without an id or with another id than asked, lists repeating each id. Every case also checks that no output item lacks an id or repeats one, and that no request asked for \`/…/undefined\`.`,
      header: ['operation', ...HOSTILE_FAULTS],
      rows,
    });
  });

  it('deliveries: envelopes with an id, transcripts as text, hundreds of id-only records, a 429 midway', async () => {
    delete process.env.NEVERMISS_TIMEOUT_MS;
    process.env.NEVERMISS_API_URL = server.apiUrl;
    const idOnly = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: `${prefix}_${String(index).padStart(3, '0')}` }));
    const rows: string[][] = [];
    const requests = () => String(server.requests.length);
    for (const [key, trigger, resource] of hookTriggers) {
      const perform = (cleanedRequest: unknown) => run(trigger.operation.perform, { cleanedRequest });
      const id = SEED[resource];

      server.reset();
      const envelope = await check(
        perform({ id: 'evt_01J0', event: key, created_at: '2026-04-11T14:35:00Z', data: { id } }),
      );
      expect(envelope.outcome).toBe('ok: 1 record');
      expect((envelope.output as { id: string }[])[0]?.id).toBe(id);
      rows.push([
        `${key} perform`,
        'an event envelope with its own id around an id-only record',
        envelope.outcome,
        requests(),
        '1',
      ]);

      server.reset();
      server.setLatency(20);
      const many = await check(perform(idOnly(resource, 300)));
      expect(many.outcome).toBe('ok: 300 records');
      expect(server.requests).toHaveLength(300);
      expect(server.peakInFlight()).toBeGreaterThan(1);
      expect(server.peakInFlight()).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      // The bound, not the figure, which a busy machine can lower: BENCHMARKS.md has the measurement.
      rows.push([`${key} perform`, '300 id-only records', many.outcome, requests(), `≤ ${String(MAX_IN_FLIGHT)}`]);

      server.reset();
      server.setLatency(20);
      server.throttleFrom(25);
      const throttled = await check(perform(idOnly(resource, 100)));
      // As delivered, a record has its id and every other field empty (null); a whole one has its status.
      const whole = (throttled.output as Record<string, unknown>[]).filter((record) => record.status !== null);
      expect(throttled.outcome).toBe('ok: 100 records');
      expect(whole).toHaveLength(24);
      expect(server.requests.length).toBeLessThan(25 + MAX_IN_FLIGHT);
      expect(server.peakInFlight()).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      rows.push([
        `${key} perform`,
        '100 id-only records, NeverMiss answers 429 from the 25th request on',
        `${throttled.outcome}: 24 whole, 76 as delivered`,
        `fewer than ${String(25 + MAX_IN_FLIGHT)}`,
        `≤ ${String(MAX_IN_FLIGHT)}`,
      ]);
    }
    for (const [key, trigger, resource] of hookTriggers) {
      server.reset();
      server.setFault('stall before the headers');
      process.env.NEVERMISS_TIMEOUT_MS = '300';
      const stalled = await check(run(trigger.operation.perform, { cleanedRequest: idOnly(resource, 300) }));
      delete process.env.NEVERMISS_TIMEOUT_MS;
      // One wave, then no more: 30 waves of timeouts would outlast Zapier's 30 s at the real timeout.
      expect(server.requests.length).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      rows.push([
        `${key} perform`,
        '300 id-only records, NeverMiss stalls every answer',
        stalled.outcome,
        requests(),
        `≤ ${String(MAX_IN_FLIGHT)}`,
      ]);
    }
    for (const [key, trigger] of hookTriggers.filter(([, , resource]) => resource === 'calls')) {
      server.reset();
      const [listed] = (await run(trigger.operation.performList, { meta: { isLoadingSample: true } })()) as unknown[];
      const {
        transcript: _turns,
        transcript_text: _text,
        ...call
      } = (listed ?? callDetail()) as Record<string, unknown>;
      server.reset();
      const text = 'Agent: Smith & Sons HVAC.\nCaller: My AC is blowing warm air.';
      const delivered = await check(
        run(trigger.operation.perform, {
          cleanedRequest: { event: key, data: { ...call, id: SEED.calls, transcript: text } },
        }),
      );
      expect(delivered.output).toEqual([expect.objectContaining({ transcript: [], transcript_text: text })]);
      rows.push([
        `${key} perform`,
        'a call whose transcript is text, not turns',
        `${delivered.outcome}, transcript_text kept`,
        requests(),
        '0',
      ]);
    }
    checkSection({
      id: 'hostile-deliveries',
      cases: takeCases(),
      title: 'Hostile servers: deliveries',
      intro: `Webhook deliveries against the same server. Id-only records are completed with at most ${String(MAX_IN_FLIGHT)} requests in flight; after a 429 or once NeverMiss cannot be reached no further completion is asked for, and the records not completed are output as delivered (their id and whatever the body carried), so the Zap still runs for each.`,
      header: ['operation', 'body', 'outcome', 'requests', 'most in flight'],
      rows,
    });
  });
});

describe('secrets', () => {
  it('no case showed the key, in an error, an output, a log line or a header other than x-api-key', () => {
    expect(logs.lines).toBeGreaterThan(0);
    expect(logs.withKey).toBe(0);
    expect(headers.requests).toBeGreaterThan(0);
    expect(headers.carryingKeyElsewhere).toBe(0);
    checkSection({
      id: 'hostile-secrets',
      cases: total,
      title: 'Hostile servers: secrets',
      intro:
        'Checked on every case of the two tables above, with `LOG_TO_STDOUT` and `DETAILED_LOG_TO_STDOUT` on; the redirect target (another loopback host) must never receive a request.',
      header: ['where', 'checked', 'containing the API key'],
      rows: [
        ['error messages and outputs', `${String(total)} cases`, '0'],
        ['log lines', 'every line the suite printed', '0'],
        // Not the count: how many requests are in flight when a 429 stops a delivery varies by a few.
        ['request headers other than `x-api-key`', 'every request the suite made', '0'],
        ['requests reaching the redirect target', `${String(total)} cases`, '0'],
      ],
    });
  });
});
