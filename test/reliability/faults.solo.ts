// Every operation against every fault, bad input and lifecycle turn; the outcomes become RELIABILITY.md.
// A jest process of its own (`npm run test:solo`): see jest.config.js.
import nock from 'nock';

import type { HookTriggerFunctions } from '../../tools/app-operations';
import { SANDBOX_API_KEY } from '../../tools/sandbox/server';
import { findBooking, findCall, findLead, triggers } from '../operations';
import { useSandbox } from '../e2e/harness';
import { appTester, captureLogs } from '../helpers';
import { hookTriggers, operationsFor, runner, type Run } from './operations';
import { observe, type Observed } from './outcome';
import { checkSection } from './report';

const env = useSandbox();
const KEY = SANDBOX_API_KEY;
const SEED = { calls: 'call_01HXSBX0001', leads: 'lead_01HXSBX0001', bookings: 'book_01HXSBX0001' } as const;
const bundle = (extra: object = {}) => ({ authData: { api_key: KEY }, inputData: {}, ...extra });
const run = runner(KEY);

/** Every operation that makes a request, each set up so that it must make one. */
const OPERATIONS = operationsFor(KEY, SEED);

const isFindById = (name: string) => / by id$/.test(name);
const isUnsubscribe = (name: string) => name.endsWith(' unsubscribe');

/** The faults, with what every operation must answer to each. */
const FAULTS: { name: string; fault?: object; expected: (operation: string) => string | RegExp }[] = [
  { name: '400', fault: { status: 400 }, expected: () => 'AppError invalid_request (400)' },
  { name: '401', fault: { status: 401 }, expected: () => 'ExpiredAuthError' },
  {
    name: '404',
    fault: { status: 404 },
    expected: (op) => (isFindById(op) ? 'ok: 0 records' : isUnsubscribe(op) ? 'ok' : 'AppError not_found (404)'),
  },
  {
    name: '429 + Retry-After: 30',
    fault: { status: 429, retry_after: 30 },
    expected: () => 'ThrottledError (retry in 30 s)',
  },
  { name: '429', fault: { status: 429 }, expected: () => 'ThrottledError (no delay)' },
  { name: '500', fault: { status: 500 }, expected: () => 'AppError server_error (500)' },
  { name: '502 HTML page', fault: { status: 502, body: 'html' }, expected: () => 'AppError server_error (502)' },
  { name: '503 HTML page', fault: { status: 503, body: 'html' }, expected: () => 'AppError server_error (503)' },
  // A DELETE that succeeded needs no body: unsubscribe takes any 2xx as done.
  {
    name: '200 truncated JSON',
    fault: { status: 200, body: 'malformed' },
    expected: (op) => (isUnsubscribe(op) ? 'ok' : 'AppError malformed_response (200)'),
  },
  {
    name: '2xx without data envelope',
    fault: { body: 'no-envelope' },
    expected: (op) => (isUnsubscribe(op) ? 'ok' : /^AppError malformed_response \(20[01]\)$/),
  },
  {
    name: 'data of the wrong type',
    fault: { body: 'wrong-type' },
    expected: (op) => (isUnsubscribe(op) ? 'ok' : /^AppError malformed_response \(20[01]\)$/),
  },
  { name: 'every field null', fault: { body: 'nulls' }, expected: () => /^ok/ },
  { name: 'slow answer (300 ms)', fault: { delay_ms: 300 }, expected: () => /^ok/ },
  { name: 'connection refused', expected: () => 'AppError network_error' },
];

/** The webhook the unsubscribe operations remove (the sandbox's first id after a reset). */
const registerWebhook = async () => {
  const response = await fetch(`${env.sandbox.apiUrl}/webhooks`, {
    method: 'POST',
    headers: { 'x-api-key': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'https://hooks.zapier.com/h/1/', events: ['new_call'] }),
  });
  expect(((await response.json()) as { data: { id: string } }).data.id).toBe('whk_2fc81fd8a1');
};

let cases = 0;
let total = 0;
/** Cases run since the last call: each section states its own count. */
const takeCases = () => {
  const counted = cases;
  cases = 0;
  return counted;
};
/** Log lines printed, and those showing the key: counted as they come, not kept (they are many). */
const logs = { lines: 0, withKey: 0 };

/** Runs one case: no crash, no key anywhere a user could see it. */
const check = async (runCase: Run): Promise<Observed> => {
  const observed = await observe(runCase);
  cases += 1;
  total += 1;
  expect(observed.crashed).toBe(false);
  expect(observed.visible).not.toContain(KEY);
  return observed;
};

let release: () => void = () => undefined;
beforeAll(() => {
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  release = captureLogs((line) => {
    logs.lines += 1;
    if (line.includes(KEY)) logs.withKey += 1;
  });
});

afterAll(() => {
  delete process.env.LOG_TO_STDOUT;
  delete process.env.DETAILED_LOG_TO_STDOUT;
  release();
});

describe('reliability', () => {
  jest.setTimeout(120_000);

  it('answers every API fault with records or a clear Zapier error', async () => {
    const rows: string[][] = [];
    for (const [name, runCase] of OPERATIONS) {
      const row = [name];
      for (const { name: faultName, fault, expected } of FAULTS) {
        await env.control('/_sandbox/reset', {});
        await registerWebhook();
        if (fault) await env.control('/_sandbox/faults', { ...fault, times: 50 });
        process.env.NEVERMISS_API_URL = fault ? env.sandbox.apiUrl : 'http://127.0.0.1:1/api/v1';
        const { outcome } = await check(runCase);
        const want = expected(name);
        // The case's name travels with the outcome, so a failure says which cell broke.
        expect({ case: `${name} / ${faultName}`, outcome }).toEqual({
          case: `${name} / ${faultName}`,
          outcome: typeof want === 'string' ? want : (expect.stringMatching(want) as unknown),
        });
        row.push(outcome);
      }
      rows.push(row);
    }
    checkSection({
      id: 'faults',
      cases: takeCases(),
      title: 'API faults',
      intro:
        'Each operation run against the sandbox with the fault injected on every request (`POST /_sandbox/faults`); "connection refused" points the app at a closed port. Every operation here is set up to need a request: hook `perform` gets an id-only body.',
      header: ['operation', ...FAULTS.map(({ name }) => name)],
      rows,
    });
  });
});

/** The sandbox requests since the last reset, below the API prefix and shortened for the table. */
const requestsMade = () => env.sandbox.requestLog().map((line) => line.replace(' /api/v1', ' '));
const shown = (requests: string[]) =>
  requests.length === 0
    ? 'none'
    : requests.map((line) => (line.length > 48 ? `${line.slice(0, 45)}…` : line)).join('; ');

/** One request, to one encoded path segment below the resource: an id can never reach another endpoint. */
const expectConfinedTo = (resource: string, requests: string[]) => {
  for (const request of requests) expect(request).toMatch(new RegExp(`^GET /${resource}/[^/?#]+$`));
};

const ID_INPUTS: [string, (seed: string) => string][] = [
  ['blank', () => ''],
  ['only spaces', () => '   '],
  ['a real id padded with spaces', (seed) => `  ${seed}  `],
  ['2,000 characters', () => 'x'.repeat(2000)],
  ['a slash', () => 'a/b'],
  ['`..`', () => '..'],
  ['`../stats`', () => '../stats'],
  ['a query string', () => '?limit=1'],
  ['a fragment', () => '#top'],
  ['a percent sign', () => '100%'],
  ['an encoded path', () => 'x%2F..%2Fstats'],
  ['non-ASCII', () => 'Ünïcødé-☎'],
];

describe('bad input', () => {
  jest.setTimeout(120_000);

  it('ids: always URL-encoded into one path segment, blank ones refused before any request', async () => {
    const rows: string[][] = [];
    const targets: [string, keyof typeof SEED, (id: string) => Run][] = [
      ['find_call', 'calls', (id) => run(findCall.operation.perform, { inputData: { id } })],
      ['find_lead', 'leads', (id) => run(findLead.operation.perform, { inputData: { id } })],
      ['find_booking', 'bookings', (id) => run(findBooking.operation.perform, { inputData: { id } })],
      ['new_call perform', 'calls', (id) => run(triggers.new_call.operation.perform, { cleanedRequest: { id } })],
    ];
    for (const [operation, resource, runWith] of targets) {
      for (const [label, idOf] of ID_INPUTS) {
        await env.control('/_sandbox/reset', {});
        const { outcome } = await check(runWith(idOf(SEED[resource])));
        const requests = requestsMade();
        expectConfinedTo(resource, requests);
        if (['blank', 'only spaces', '`..`'].includes(label)) expect(requests).toEqual([]);
        if (label === 'a real id padded with spaces') expect(requests).toEqual([`GET /${resource}/${SEED[resource]}`]);
        rows.push([operation, label, outcome, shown(requests)]);
      }
    }
    checkSection({
      id: 'ids',
      cases: takeCases(),
      title: 'Bad input: ids',
      intro:
        "Ids typed or mapped into a search, or delivered in a webhook body. Every request stays on `/<resource>/{id}` with the id as one encoded segment (checked on the sandbox's request log); an id no record can have (`..`) and a blank one make no request.",
      header: ['operation', 'id', 'outcome', 'requests made'],
      rows,
    });
  });

  it('emails, phone numbers and dates in odd formats', async () => {
    const rows: string[][] = [];
    const cases: [string, string, Run, boolean][] = [
      ...[
        ' MARIA.GARCIA@EXAMPLE.COM ',
        'maria.garcia@example.com\n',
        'not-an-email',
        'ünï@exämple.com',
        "o'brien+zap@example.com",
      ].map((email): [string, string, Run, boolean] => [
        'find_lead',
        `email ${JSON.stringify(email)}`,
        run(findLead.operation.perform, { inputData: { email } }),
        false,
      ]),
      ...[
        '(555) 222-3333',
        '+1 555 222 3333',
        '555.222.3333 ext. 9',
        '00 1 555 222 3333',
        '2223333',
        '+44 (0)20 7946 0958',
        '(٥٥٥) ٢٢٢-٣٣٣٣',
        'call me',
      ].flatMap((phone): [string, string, Run, boolean][] => [
        [
          'find_call',
          `phone ${JSON.stringify(phone)}`,
          run(findCall.operation.perform, { inputData: { phone_number: phone } }),
          phone === 'call me',
        ],
        [
          'find_lead',
          `phone ${JSON.stringify(phone)}`,
          run(findLead.operation.perform, { inputData: { phone_number: phone } }),
          phone === 'call me',
        ],
        [
          'find_booking',
          `phone ${JSON.stringify(phone)}`,
          run(findBooking.operation.perform, { inputData: { phone_number: phone } }),
          phone === 'call me',
        ],
      ]),
      ...[
        'tomorrow',
        'next week',
        '2026-02-30',
        '15/04/2026',
        '2026-4-13',
        '2026-04-13T09:00:00-05:00',
        ' 2026-04-13 ',
      ].map((date): [string, string, Run, boolean] => [
        'find_booking',
        `scheduled_date ${JSON.stringify(date)}`,
        run(findBooking.operation.perform, { inputData: { scheduled_date: date } }),
        !/^\s*(2026-04-13(T|\s*$)|tomorrow$)/.test(date),
      ]),
    ];
    for (const [operation, label, runCase, refused] of cases) {
      await env.control('/_sandbox/reset', {});
      const { outcome } = await check(runCase);
      const requests = requestsMade();
      if (refused) {
        expect(outcome).toBe('AppError invalid_input');
        expect(requests).toEqual([]);
      } else {
        expect(outcome).toMatch(/^ok: /);
      }
      rows.push([operation, label, outcome, shown(requests)]);
    }
    checkSection({
      id: 'formats',
      cases: takeCases(),
      title: 'Bad input: emails, phone numbers, dates',
      intro:
        'Emails match ignoring case, surrounding space and how accents are encoded; phone numbers match in a normalised form (no country code = US/Canada; a trunk "(0)" after a country code left out; digits of any script); a phone number without digits and a date that is no day (not `YYYY-MM-DD`, a date-time, today, tomorrow or yesterday) are refused with a clear error before any request.',
      header: ['operation', 'input', 'outcome', 'requests made'],
      rows,
    });
  });

  it('webhook bodies: odd, hostile or for another event', async () => {
    let deep: unknown = { id: SEED.calls };
    // 1,000 levels: at 10,000, core's own JSON.stringify of the bundle overflows before the app runs.
    for (let i = 0; i < 1_000; i += 1) deep = { data: deep };
    const bodies: [
      string,
      (trigger: HookTriggerFunctions<Record<string, unknown>>, record: unknown) => unknown,
      number,
    ][] = [
      ['null', () => null, 0],
      ['an empty string', () => '', 0],
      ['a string', () => 'new_call', 0],
      ['a number', () => 42, 0],
      ['an empty object', () => ({}), 0],
      ['an empty array', () => [], 0],
      ['nested 1,000 levels deep', () => deep, 0],
      [
        'an array mixing a whole record with junk',
        (_t, record) => [record, null, 'junk', 7, { id: '' }, { name: 'no id' }],
        1,
      ],
      ['the record, for another event', (_t, record) => ({ event: 'some_other_event', data: record }), 0],
      ['its event with data: null', (trigger) => ({ event: trigger.key, data: null }), 0],
    ];
    const rows: string[][] = [];
    for (const [key, trigger] of hookTriggers) {
      const whole = (
        await appTester(trigger.operation.performList, bundle({ meta: { isLoadingSample: true } }))
      )[0] as Record<string, unknown>;
      const { transcript_text: _text, scheduled_start: _start, ...record } = whole;
      for (const [label, bodyOf, records] of bodies) {
        await env.control('/_sandbox/reset', {});
        const { outcome } = await check(run(trigger.operation.perform, { cleanedRequest: bodyOf(trigger, record) }));
        expect(outcome).toBe(`ok: ${String(records)} record${records === 1 ? '' : 's'}`);
        expect(requestsMade()).toEqual([]);
        rows.push([`${key} perform`, label, outcome]);
      }
    }
    checkSection({
      id: 'bodies',
      cases: takeCases(),
      title: 'Bad input: webhook bodies',
      intro: 'What a hook trigger makes of bodies NeverMiss should never send. None of them makes a request.',
      header: ['operation', 'body', 'outcome'],
      rows,
    });
  });
});

describe('lifecycle', () => {
  it('subscribe twice, unsubscribe twice, unsubscribe without an id, a subscribe answer without an id', async () => {
    const rows: string[][] = [];
    for (const [key, trigger] of hookTriggers) {
      process.env.NEVERMISS_API_URL = env.sandbox.apiUrl;
      await env.control('/_sandbox/reset', {});
      const targetUrl = 'https://hooks.zapier.com/h/2/';
      const first = await check(run(trigger.operation.performSubscribe, { targetUrl }));
      const second = await check(run(trigger.operation.performSubscribe, { targetUrl }));
      const registry = (await (await fetch(`${env.sandbox.url}/_sandbox/webhooks`)).json()) as { count: number };
      expect([first.outcome, second.outcome, registry.count]).toEqual(['ok', 'ok', 2]);
      rows.push([key, 'subscribe twice', `${first.outcome}, ${second.outcome}: two webhooks registered`]);

      const unsubscribe = run(trigger.operation.performUnsubscribe, { subscribeData: { id: 'whk_2fc81fd8a1' } });
      const once = await check(unsubscribe);
      const twice = await check(unsubscribe);
      expect([once.outcome, twice.outcome]).toEqual(['ok', 'ok']);
      rows.push([key, 'unsubscribe twice (the second is a 404)', `${once.outcome}, ${twice.outcome}`]);

      await env.control('/_sandbox/reset', {});
      const missing = await check(run(trigger.operation.performUnsubscribe, { subscribeData: {} }));
      expect(missing.outcome).toBe('AppError missing_webhook_id');
      expect(requestsMade()).toEqual([]);
      rows.push([key, 'unsubscribe with no stored id', `${missing.outcome}, no request`]);

      nock.cleanAll();
      const noId = await check(async () => {
        // The sandbox always gives an id; this answer is the API's fault, so nock serves it.
        delete process.env.NEVERMISS_API_URL;
        nock('https://nevermisshq.com')
          .post('/api/v1/webhooks')
          .reply(201, { data: { url: targetUrl, events: [key] } });
        return appTester(trigger.operation.performSubscribe, bundle({ targetUrl }));
      });
      expect(noId.outcome).toBe('AppError missing_webhook_id');
      rows.push([key, 'subscribe answer without an id', noId.outcome]);
    }
    checkSection({
      id: 'lifecycle',
      cases: takeCases(),
      title: 'Lifecycle',
      intro: 'Turning Zaps on and off, including the turns that go wrong.',
      header: ['trigger', 'turn', 'outcome'],
      rows,
    });
  });
});

describe('secrets', () => {
  it('no case showed the key, in an error, an output or a log line', () => {
    expect(logs.lines).toBeGreaterThan(0);
    expect(logs.withKey).toBe(0);
    checkSection({
      id: 'secrets',
      cases: total,
      title: 'Secrets',
      intro:
        'Checked on every case of the tables above, with `LOG_TO_STDOUT` and `DETAILED_LOG_TO_STDOUT` on for the whole suite (HTTP requests and responses logged with headers and bodies).',
      header: ['where', 'cases', 'containing the API key'],
      rows: [
        ['error messages and outputs', String(total), '0'],
        ['log lines', 'every line the suite printed', '0'],
      ],
    });
  });
});

afterAll(() => {
  nock.cleanAll();
});
