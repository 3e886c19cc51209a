import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';

import { fetchList, fetchRecord, fetchOptionalRecord } from '../../../lib/http/api';
import { findCall } from '../../operations';
import { API, API_KEY, API_PATH, api, apiError, appTester, authBundle, captureLogs, failureOf } from '../../helpers';
import { call, callDetail, lead, stats } from '../../fixtures';

type Run<T> = (z: ZObject) => Promise<T>;
const run = <T>(fn: Run<T>, authData: Record<string, string> = { api_key: API_KEY }) =>
  appTester((z: ZObject) => fn(z), { authData });
const failure = <T>(fn: Run<T>) => failureOf(run(fn));

const getStats: Run<unknown> = (z) => fetchRecord(z, { path: ['stats'] });

describe('request layer', () => {
  it('sends the key and Accept: application/json and unwraps the data envelope', async () => {
    const scope = api().get(`${API_PATH}/stats`).reply(200, { data: stats });
    await expect(run(getStats)).resolves.toEqual(stats);
    expect(scope.isDone()).toBe(true);
  });

  it('reads NEVERMISS_API_URL on every request and tolerates a trailing slash', async () => {
    process.env.NEVERMISS_API_URL = 'http://127.0.0.1:4010/api/v1/';
    const sandbox = nock('http://127.0.0.1:4010').get('/api/v1/stats').reply(200, { data: stats });
    await run(getStats);
    expect(sandbox.isDone()).toBe(true);

    delete process.env.NEVERMISS_API_URL;
    const production = api().get(`${API_PATH}/stats`).reply(200, { data: stats });
    await run(getStats);
    expect(production.isDone()).toBe(true);
  });

  it('URL-encodes every path segment, so an id cannot reach another endpoint', async () => {
    const id = 'call_1/../stats?x=1#frag 100% é';
    const scope = api()
      .get(`${API_PATH}/calls/call_1%2F..%2Fstats%3Fx%3D1%23frag%20100%25%20%C3%A9`)
      .reply(200, { data: callDetail() });
    await run((z) => fetchRecord(z, { path: ['calls', id] }));
    expect(scope.isDone()).toBe(true);
  });

  it.each(['', '.', '..'])('refuses the path segment %j before any request', async (id) => {
    const error = await failure((z) => fetchRecord(z, { path: ['calls', id] }));
    expect(error).toMatchObject({
      message: `That is not a NeverMiss ID, so the app did not ask NeverMiss for it. Map the ID from an earlier NeverMiss step, or pick a record from the list. Details: GET /calls/${id}: "${id}" cannot be one segment of a request path.`,
      code: 'invalid_id',
    });
  });

  it('passes query parameters', async () => {
    const scope = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data: [call()], count: 1 });
    await expect(run((z) => fetchList(z, { path: ['calls'], params: { limit: 100 } }))).resolves.toEqual([call()]);
    expect(scope.isDone()).toBe(true);
  });

  describe('error mapping', () => {
    const SERVER_TROUBLE = 'NeverMiss is having trouble right now. Try again in a few minutes.';
    it.each([
      [
        400,
        '/calls',
        'limit must be a positive integer.',
        'invalid_request',
        undefined,
        'NeverMiss could not accept the request. Check the values this step sends; if they look right and this persists, contact NeverMiss support.',
      ],
      [
        404,
        '/calls/call_abc123',
        'Call call_abc123 not found.',
        'not_found',
        undefined,
        'NeverMiss could not find what this step asked for. If this persists, contact NeverMiss support.',
      ],
      [500, '/stats', 'Internal server error.', 'server_error', undefined, SERVER_TROUBLE],
      [503, '/stats', 'Down for maintenance.', 'server_error', 'a status the API does not document', SERVER_TROUBLE],
      [
        418,
        '/stats',
        'I am a teapot.',
        'http_418',
        'a status the API does not document',
        'NeverMiss refused the request. If this persists, contact NeverMiss support.',
      ],
    ])(
      'maps %i to an error that says what happened and what to do, then the status and the API message',
      async (status, path, message, code, offContract, plain) => {
        api({ offContract }).get(`${API_PATH}${path}`).reply(status, apiError(status, message));
        const error = await failure((z) => fetchRecord(z, { path: path.split('/').slice(1) }));
        expect(error).toMatchObject({
          name: 'AppError',
          message: `${plain} Details: NeverMiss API error ${status} on GET ${path}: ${message}`,
          code,
          status,
        });
      },
    );

    it('maps 401 to an expired-auth error that says how to fix the key', async () => {
      api().get(`${API_PATH}/stats`).reply(401, apiError(401, 'Invalid API key.'));
      const error = await failure(getStats);
      expect(error.name).toBe('ExpiredAuthError');
      expect(error.message).toBe(
        'NeverMiss did not accept the API key. Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier. Details: 401 on GET /stats: Invalid API key.',
      );
    });

    it('maps a 401 without an error body too', async () => {
      api({ offContract: 'a proxy answers 401 with no body' }).get(`${API_PATH}/stats`).reply(401, '');
      const error = await failure(getStats);
      expect(error.message).toBe(
        'NeverMiss did not accept the API key. Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier. Details: 401 on GET /stats.',
      );
    });

    it('turns 429 into a ThrottledError with the Retry-After delay, before the app middleware', async () => {
      api().get(`${API_PATH}/stats`).reply(429, apiError(429, 'Too many requests.'), { 'Retry-After': '30' });
      const error = await failure(getStats);
      expect(error.name).toBe('ThrottledError');
      expect(error.delay).toBe(30);
    });

    it('turns 429 without Retry-After into a ThrottledError with no delay', async () => {
      api().get(`${API_PATH}/stats`).reply(429, apiError(429, 'Too many requests.'));
      const error = await failure(getStats);
      expect(error.name).toBe('ThrottledError');
      expect(error.message).toBe(
        'NeverMiss has had too many requests from this account in a short time. Try again in a few minutes. Details: 429 Too Many Requests on GET /stats.',
      );
      expect(error.delay).toBeUndefined();
    });

    it.each([
      ['an HTTP date 30 s ahead', (now: number) => new Date(now + 30_000).toUTCString(), [29, 30, 31]],
      ['an HTTP date in the past', (now: number) => new Date(now - 60_000).toUTCString(), [0]],
      ['seconds', () => '7', [7]],
      ['neither', () => 'soon', [undefined]],
    ])('turns 429 with Retry-After as %s into a delay in seconds', async (_how, header, delays) => {
      api()
        .get(`${API_PATH}/stats`)
        .reply(429, apiError(429, 'Too many requests.'), { 'Retry-After': header(Date.now()) });
      const error = await failure(getStats);
      expect(error.name).toBe('ThrottledError');
      expect(delays).toContain(error.delay);
    });

    it('reports an HTML error page from a proxy by status and content type, not as a parse error', async () => {
      api({ offContract: 'an HTML page from a proxy' })
        .get(`${API_PATH}/calls`)
        .reply(502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html; charset=utf-8' });
      const error = await failure((z) => fetchList(z, { path: ['calls'] }));
      expect(error).toMatchObject({
        message:
          'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 502 on GET /calls: NeverMiss sent text/html instead of its JSON error.',
        code: 'server_error',
        status: 502,
      });
    });

    it('reports an error status whose body is neither JSON nor typed', async () => {
      api({ offContract: 'a plain-text error' }).get(`${API_PATH}/stats`).reply(500, 'Oops');
      const error = await failure(getStats);
      expect(error.message).toBe(
        'NeverMiss is having trouble right now. Try again in a few minutes. Details: NeverMiss API error 500 on GET /stats: NeverMiss sent a body that is not JSON instead of its JSON error.',
      );
    });

    it('reports a 2xx that is not JSON', async () => {
      api({ offContract: 'a truncated body' })
        .get(`${API_PATH}/stats`)
        .reply(200, '{"data": {"total_calls', { 'Content-Type': 'application/json' });
      const error = await failure(getStats);
      expect(error.message).toBe(
        'NeverMiss sent an answer the app could not read. This is usually temporary: try again in a few minutes. Details: https://nevermisshq.com/api/v1 answered 200 on GET /stats with a body that is not JSON (application/json).',
      );
    });

    it('reports a 2xx without a content type and not JSON', async () => {
      api({ offContract: 'a plain-text body' }).get(`${API_PATH}/stats`).reply(200, 'OK');
      const error = await failure(getStats);
      expect(error.message).toMatch(
        /^NeverMiss sent an answer the app could not read\. .*answered 200 on GET \/stats with a body that is not JSON\.$/,
      );
    });

    it('reports a 2xx JSON body without the data envelope', async () => {
      api({ offContract: 'no envelope' }).get(`${API_PATH}/stats`).reply(200, stats);
      const error = await failure(getStats);
      expect(error.message).toContain('answered 200 on GET /stats with JSON without the "data" envelope');
      expect(error.code).toBe('malformed_response');
    });

    it('reports a list endpoint whose data is not a list', async () => {
      api({ offContract: 'a record where a list belongs' })
        .get(`${API_PATH}/leads`)
        .reply(200, { data: { id: 'lead_1' } });
      const error = await failure((z) => fetchList(z, { path: ['leads'] }));
      expect(error.message).toBe(
        'NeverMiss sent an answer the app could not read. This is usually temporary: try again in a few minutes. Details: GET /leads answered without a list in "data".',
      );
    });

    it('reports a record endpoint whose data is not a record', async () => {
      api({ offContract: 'a list where a record belongs' }).get(`${API_PATH}/leads/lead_1`).reply(200, { data: [] });
      const error = await failure((z) => fetchRecord(z, { path: ['leads', 'lead_1'] }));
      expect(error.message).toBe(
        'NeverMiss sent an answer the app could not read. This is usually temporary: try again in a few minutes. Details: GET /leads/lead_1 answered without a record in "data".',
      );
    });

    it('says which server could not be reached when the connection is refused', async () => {
      // A real refused connection: nothing listens on port 1 of the loopback interface.
      process.env.NEVERMISS_API_URL = 'http://127.0.0.1:1/api/v1';
      nock.enableNetConnect('127.0.0.1:1');
      try {
        const error = await failure(getStats);
        expect(error.message).toBe(
          'NeverMiss is not responding right now. Try again in a few minutes. Details: GET /stats to http://127.0.0.1:1/api/v1: ECONNREFUSED.',
        );
        expect(error.code).toBe('network_error');
      } finally {
        nock.disableNetConnect();
      }
    });

    it('names a transport failure that has no system code by its kind', async () => {
      nock(API).get(`${API_PATH}/stats`).replyWithError('socket hang up');
      const error = await failure(getStats);
      expect(error.message).toBe(
        'The connection to NeverMiss broke off before its answer was complete. Try again in a few minutes. Details: GET /stats to https://nevermisshq.com/api/v1: FetchError.',
      );
    });

    it('lets other failures through unchanged', async () => {
      const error = await failure(() => Promise.reject(new TypeError('boom')));
      expect(error.error).toBeInstanceOf(TypeError);
    });
  });

  describe('404 as an answer', () => {
    it('answers undefined for a 404 when asked to', async () => {
      const scope = api().get(`${API_PATH}/leads/lead_gone`).reply(404, apiError(404, 'Lead lead_gone not found.'));
      await expect(run((z) => fetchOptionalRecord(z, { path: ['leads', 'lead_gone'] }))).resolves.toBeUndefined();
      expect(scope.isDone()).toBe(true);
    });

    it('still maps other errors', async () => {
      api().get(`${API_PATH}/leads/lead_1`).reply(500, apiError(500, 'Internal server error.'));
      await expect(run((z) => fetchOptionalRecord(z, { path: ['leads', 'lead_1'] }))).rejects.toThrow(/500/);
    });

    it('returns the record when there is one', async () => {
      api()
        .get(`${API_PATH}/leads/lead_1`)
        .reply(200, { data: lead({ id: 'lead_1' }) });
      await expect(run((z) => fetchOptionalRecord(z, { path: ['leads', 'lead_1'] }))).resolves.toMatchObject({
        id: 'lead_1',
      });
    });
  });

  describe('secrets', () => {
    const output: string[] = [];
    let release: () => void = () => undefined;
    beforeEach(() => {
      output.length = 0;
      process.env.LOG_TO_STDOUT = 'true';
      process.env.DETAILED_LOG_TO_STDOUT = 'true';
      release = captureLogs((line) => output.push(line));
    });
    afterEach(() => {
      delete process.env.LOG_TO_STDOUT;
      delete process.env.DETAILED_LOG_TO_STDOUT;
      release();
    });

    it.each([
      ['as stored', API_KEY],
      ['padded with whitespace', `  ${API_KEY}\t`],
    ])('never logs the key %s, nor echoes it in an error', async (_how, storedKey) => {
      api().get(`${API_PATH}/stats`).reply(200, { data: stats });
      api()
        .get(`${API_PATH}/calls/call_1`)
        .reply(404, apiError(404, `Key ${API_KEY} may not read call_1.`));

      await appTester(getStats, authBundle({ authData: { api_key: storedKey } }));
      const error = await appTester((z: ZObject) => fetchRecord(z, { path: ['calls', 'call_1'] }), {
        authData: { api_key: storedKey },
      }).catch((e: unknown) => e as Error);

      expect(output.join('\n')).toContain('GET https://nevermisshq.com/api/v1/stats');
      expect(output.join('\n')).not.toContain(API_KEY);
      expect((error as Error).message).toContain('Key [redacted] may not read call_1.');
      expect((error as Error).message).not.toContain(API_KEY);
    });
  });
});

describe('a server that echoes the API key', () => {
  const upper = API_KEY.toUpperCase();

  it('never gets it into an output: a record, a list or the figures', async () => {
    api()
      .get(`${API_PATH}/leads/lead_1`)
      .reply(200, { data: { ...lead({ id: 'lead_1' }), name: API_KEY, service_needed: `key ${upper}` } });
    api()
      .get(`${API_PATH}/leads`)
      .reply(200, { data: [lead({ id: 'lead_2', email: `${API_KEY}@example.com` })], count: 1 });
    const record = await run((z) => fetchRecord<Record<string, unknown>>(z, { path: ['leads', 'lead_1'] }));
    const list = await run((z) => fetchList<Record<string, unknown>>(z, { path: ['leads'] }));
    expect(record).toMatchObject({ id: 'lead_1', name: '[redacted]', service_needed: 'key [redacted]' });
    expect(list[0]).toMatchObject({ id: 'lead_2', email: '[redacted]@example.com' });
    expect(JSON.stringify([record, list]).toLowerCase()).not.toContain(API_KEY.toLowerCase());
  });

  it('never gets it into a message, in any case: as a record’s id, or in an error', async () => {
    api({ offContract: 'a record under another id than asked for: the key' })
      .get(`${API_PATH}/calls/call_1`)
      .reply(200, { data: { ...callDetail(), id: upper } });
    api()
      .get(`${API_PATH}/calls/call_2`)
      .reply(401, apiError(401, `Bad key ${upper}.`));
    const wrongId = await failureOf(appTester(findCall.operation.perform, authBundle({ inputData: { id: 'call_1' } })));
    expect(wrongId.code).toBe('malformed_response');
    const rejected = await failureOf(run((z) => fetchRecord(z, { path: ['calls', 'call_2'] })));
    for (const { message } of [wrongId, rejected]) {
      expect(message.toLowerCase()).not.toContain(API_KEY.toLowerCase());
    }
    expect(rejected.message).toContain('Details: 401 on GET /calls/call_2: Bad key [redacted].');
  });

  it('leaves a body without the key as it came', async () => {
    api().get(`${API_PATH}/stats`).reply(200, { data: stats });
    await expect(run(getStats)).resolves.toEqual(stats);
  });
});

describe('test isolation', () => {
  it('cannot reach a network', async () => {
    nock.cleanAll();
    await expect(run(getStats)).rejects.toThrow(
      /NeverMiss is not responding right now\. Try again in a few minutes\. Details: GET \/stats to https:\/\/nevermisshq\.com\/api\/v1: ENETUNREACH\./,
    );
    expect(API).toBe('https://nevermisshq.com');
  });
});
