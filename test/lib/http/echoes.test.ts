// What an answer can do besides its status: echo the key in JSON's escapes or another case, nest
// deeper than any record, grow past any answer, start with a BOM, stall after a DELETE's status.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

import { fetchList, fetchRecord, deleteRecord } from '../../../lib/http/api';
import { withoutKeyInDetails } from '../../../lib/http/errors';
import { findLead, newLead } from '../../operations';
import { lead } from '../../fixtures';
import { API, API_KEY, API_PATH, apiError, appTester, authBundle, captureLogs, failureOf } from '../../helpers';

/** A scope that echoes the key it received, as `shape` writes it into the body's raw text. */
const echoing = (path: string, shape: (key: string) => string, status = 200) =>
  nock(API)
    .get(`${API_PATH}${path}`)
    .reply(function reply() {
      return [status, shape(String(this.req.headers['x-api-key'])), { 'Content-Type': 'application/json' }];
    });

/** The key as JSON writes it with every character `\u`-escaped: what no scrub of the text can see. */
const escapedEverywhere = (key: string) =>
  Array.from(key, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const withLogs = async <T>(run: () => Promise<T>): Promise<{ result: T | Error; lines: string[] }> => {
  const lines: string[] = [];
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  const release = captureLogs((line) => lines.push(line));
  try {
    return { result: await run().catch((error: unknown) => error as Error), lines };
  } finally {
    release();
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
  }
};

describe('a key echoed in an answer', () => {
  const cases: [string, string, (key: string) => string][] = [
    ['with every character \\u-escaped', API_KEY, escapedEverywhere],
    ['with "/" escaped as PHP does', 'nm_live_ab/cd+ef==', (key) => key.replace(/\//g, '\\/')],
    [
      'with "&<>" escaped as Go does',
      'nm_live_a&b<c>d',
      (key) => key.replace(/&/g, '\\u0026').replace(/</g, '\\u003c'),
    ],
    ['holding a quote, JSON-escaped', 'nm_live_"quoted"', (key) => key.replace(/"/g, '\\"')],
    ['upper-cased', API_KEY, (key) => key.toUpperCase()],
    ['of six characters', 'abc123', (key) => key],
  ];

  it.each(cases)('%s reaches no output, message or log line', async (_case, key, shape) => {
    // A whole lead, so the search asks nothing more; the echo goes into the raw text as `shape` writes it.
    const body = (record: object, echo: string) => JSON.stringify({ data: record }).replace('ECHO', echo);
    echoing('/leads/lead_1', (sent) => body(lead({ id: 'lead_1', name: 'Jane ECHO' }), shape(sent)));
    echoing('/leads/lead_2', (sent) => body(lead({ id: 'ECHO' }), shape(sent)));
    const search = (id: string) =>
      appTester(findLead.operation.perform, { authData: { api_key: key }, inputData: { id } });
    const found = await withLogs(() => search('lead_1'));
    const anotherId = await withLogs(() => search('lead_2'));
    expect(found.result).toEqual([expect.objectContaining({ id: 'lead_1', name: 'Jane [redacted]' })]);
    expect((anotherId.result as Error).message).toContain('with the record of another id ([redacted])');
    const seen = [
      JSON.stringify(found.result),
      (anotherId.result as Error).message,
      ...found.lines,
      ...anotherId.lines,
    ];
    // Neither as the key nor in the form the server wrote it: an escape read back gives the key.
    expect(seen.filter((text) => text.toLowerCase().includes(key.toLowerCase()) || text.includes(shape(key)))).toEqual(
      [],
    );
  });

  it('in a webhook body, JSON-escaped or not, reaches no output', async () => {
    const key = 'nm_live_"quoted"\\';
    const output = await appTester(newLead.operation.perform, {
      authData: { api_key: key },
      inputData: {},
      cleanedRequest: { ...lead({ id: 'lead_1' }), notes: `key: ${key}`, [key]: 'as a property name' },
    });
    expect(output).toHaveLength(1);
    expect(JSON.stringify(output)).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(output[0]).toMatchObject({ notes: 'key: [redacted]', '[redacted]': 'as a property name' });
  });
});

it('a "key" shorter than six characters is not scrubbed: it would match ordinary words', async () => {
  const output = await appTester(newLead.operation.perform, {
    authData: { api_key: 'Main' },
    inputData: {},
    cleanedRequest: lead({ id: 'lead_1' }),
  });
  expect(output).toEqual([expect.objectContaining({ id: 'lead_1', address: '123 Main St, Austin, TX' })]);
});

describe('an answer no NeverMiss record can be', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : [nested(depth - 1)]);

  it('nested deeper than 64 levels is a malformed answer, not a stack overflow at output time', async () => {
    // Written out: nock's own JSON encoding overflows on it.
    const deep = `${'['.repeat(6_000)}"bottom"${']'.repeat(6_000)}`;
    const record = JSON.stringify(lead({ id: 'lead_1' })).replace(/}$/, `, "notes": ${deep}}`);
    nock(API).get(`${API_PATH}/leads/lead_1`).reply(200, `{"data": ${record}}`, { 'Content-Type': 'application/json' });
    const failure = await failureOf(appTester(findLead.operation.perform, authBundle({ inputData: { id: 'lead_1' } })));
    expect(failure).toMatchObject({
      code: 'malformed_response',
      message:
        'NeverMiss sent an answer the app could not read. If this persists, contact NeverMiss support. Details: 200 on GET /leads/lead_1 with JSON nested deeper than 64 levels, which no NeverMiss record is.',
    });
  });

  it('nested 60 levels is read', async () => {
    nock(API)
      .get(`${API_PATH}/leads/lead_1`)
      .reply(200, { data: { ...lead({ id: 'lead_1' }), notes: nested(60) } });
    const [found] = await appTester(findLead.operation.perform, authBundle({ inputData: { id: 'lead_1' } }));
    expect(found?.id).toBe('lead_1');
  });

  it('delivered nested too deep keeps only its id, and is fetched in full', async () => {
    nock(API, { reqheaders: { 'x-api-key': API_KEY } })
      .get(`${API_PATH}/leads/lead_1`)
      .reply(200, { data: lead({ id: 'lead_1' }) });
    const output = await appTester(
      newLead.operation.perform,
      authBundle({ inputData: {}, cleanedRequest: { id: 'lead_1', notes: nested(100) } }),
    );
    expect(output).toEqual([expect.objectContaining({ id: 'lead_1', name: 'Maria Garcia' })]);
    expect(nock.isDone()).toBe(true);
  });

  it('larger than the app reads is refused while it arrives, with a clear error', async () => {
    process.env.NEVERMISS_MAX_BODY_BYTES = '1000';
    try {
      nock(API)
        .get(`${API_PATH}/leads`)
        .reply(200, { data: Array.from({ length: 50 }, (_, i) => lead({ id: `lead_${String(i)}` })), count: 50 });
      const failure = await failureOf(appTester((z) => fetchList(z, { path: ['leads'] }), authBundle()));
      expect(failure).toMatchObject({
        code: 'malformed_response',
        message:
          'NeverMiss sent an answer too large for the app to read. If this persists, contact NeverMiss support. Details: GET /leads answered with more than 0.001 MB, more than any answer the app reads.',
      });
    } finally {
      delete process.env.NEVERMISS_MAX_BODY_BYTES;
    }
  });

  it('starting with a byte-order mark is read as the JSON it is', async () => {
    nock(API)
      .get(`${API_PATH}/stats`)
      .reply(200, `\uFEFF${JSON.stringify({ data: { total_calls_today: 3 } })}`, {
        'Content-Type': 'application/json',
      });
    await expect(appTester((z) => fetchRecord(z, { path: ['stats'] }), authBundle())).resolves.toEqual({
      total_calls_today: 3,
    });
  });
});

describe('a 3xx without a place to go', () => {
  it.each([
    [
      304,
      'NeverMiss answered in a way the app does not ask for. If this persists, contact NeverMiss support. Details: 304 on GET /stats, a status the app does not ask for, without a record or a new address.',
    ],
    [
      302,
      'NeverMiss sent the request somewhere else, which the app does not follow, so your API key was not sent there. If this persists, contact NeverMiss support. Details: 302 on GET /stats, a redirect without saying where to.',
    ],
  ])('%s is named for what it is', async (status, message) => {
    nock(API).get(`${API_PATH}/stats`).reply(status);
    const failure = await failureOf(appTester((z) => fetchRecord(z, { path: ['stats'] }), authBundle()));
    expect(failure).toMatchObject({ code: 'redirect_refused', status });
    expect(failure.message).toContain(message);
  });

  it('a Location that is no URL names none', async () => {
    nock(API).get(`${API_PATH}/stats`).reply(302, '', { Location: 'http://[::1' });
    const failure = await failureOf(appTester((z) => fetchRecord(z, { path: ['stats'] }), authBundle()));
    expect(failure.message).toContain('Details: 302 on GET /stats, a redirect without saying where to.');
  });
});

describe('a DELETE answered 2xx', () => {
  it('is done once its status arrives, though its body then stalls', async () => {
    // A real server: the status and headers go out, the body never ends.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"data": ');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    process.env.NEVERMISS_API_URL = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api/v1`;
    process.env.NEVERMISS_TIMEOUT_MS = '300';
    try {
      const started = Date.now();
      await expect(
        appTester((z) => deleteRecord(z, { path: ['webhooks', 'whk_1'] }), authBundle()),
      ).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(300);
    } finally {
      delete process.env.NEVERMISS_API_URL;
      delete process.env.NEVERMISS_TIMEOUT_MS;
      nock.disableNetConnect();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a search input pasted with invisible padding', () => {
  it('matches as typed without it', async () => {
    nock(API)
      .get(`${API_PATH}/leads`)
      .reply(200, { data: [lead({ id: 'lead_1' })], count: 1 });
    const found = await appTester(
      findLead.operation.perform,
      authBundle({ inputData: { email: '\u200Bmaria.garcia@example.com\u00A0' } }),
    );
    expect(found.map(({ id }) => id)).toEqual(['lead_1']);
  });
});

it('an error answer names the API’s message, the key scrubbed from it however it came', async () => {
  echoing('/stats', (sent) => JSON.stringify(apiError(500, `Key ${sent} is rate limited.`)), 500);
  const failure = await failureOf(appTester((z) => fetchRecord(z, { path: ['stats'] }), authBundle()));
  expect(failure.message).toBe(
    'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 500 on GET /stats: Key [redacted] is rate limited.',
  );
});

describe('withoutKeyInDetails', () => {
  it('scrubs the key from the details only, and from the whole of a message that has none', () => {
    expect(withoutKeyInDetails('The key was wrong. Details: key abc', ['key'])).toBe(
      'The key was wrong. Details: [redacted] abc',
    );
    expect(withoutKeyInDetails('A key, and no details.', ['key'])).toBe('A [redacted], and no details.');
  });
});
