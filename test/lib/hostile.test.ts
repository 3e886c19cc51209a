// The request layer against a real server on loopback that misbehaves: what the user sees each time.
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';

import { DEFAULT_TIMEOUT_MS, requestTimeoutMs } from '../../lib/config';
import { deleteRecord, fetchList, fetchOptionalRecord, fetchRecord } from '../../lib/api';
import { API_KEY, appTester, failureOf } from '../helpers';
import { startHostileServer, type HostileServer } from '../hostile-server';

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
      message: `Could not reach NeverMiss at ${server.apiUrl} (no complete answer within 0.2 s). Try again in a few minutes.`,
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
      /^NeverMiss answered 302 on GET \/stats with a redirect to another host \(http:\/\/127\.0\.0\.2:\d+\); the app does not follow redirects, so the API key was not sent there\. If this persists, contact NeverMiss support\.$/,
    );
  });

  it('does not follow one on the same host either, and says so', async () => {
    server.setFault('redirect on the same host');
    const error = await failure(getStats);
    expect(server.requests).toHaveLength(1);
    expect(error.message).toBe(
      `NeverMiss answered 301 on GET /stats with a redirect to another address on ${origin()}; the app does not follow redirects, so the API key was not sent there. If this persists, contact NeverMiss support.`,
    );
  });

  it('says so when a redirect names no place', async () => {
    nock.disableNetConnect();
    delete process.env.NEVERMISS_API_URL;
    nock('https://nevermisshq.com').get('/api/v1/stats').reply(307, '');
    const error = await failure(getStats);
    expect(error.message).toContain('answered 307 on GET /stats with a redirect without saying where to;');
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
      message: `NeverMiss API error 404 on DELETE /webhooks/whk_1: ${detail}`,
      code: 'not_found',
      status: 404,
    });
    const found = await failure((z) => fetchOptionalRecord(z, { path: ['leads', 'lead_1'] }));
    expect(found.message).toBe(`NeverMiss API error 404 on GET /leads/lead_1: ${detail}`);
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
      expect(error.message).toMatch(new RegExp(`^NeverMiss API error 500 on GET /(stats|calls): `));
      expect(error.message.endsWith(`: ${detail}`)).toBe(true);
    }
  });

  it('reports a 2xx with an empty body as such', async () => {
    server.setFault('204 No Content');
    const error = await failure(getStats);
    expect(error.message).toBe(
      `NeverMiss (${server.apiUrl}) answered 204 on GET /stats with an empty body. This is usually temporary: try again in a few minutes.`,
    );
  });

  it('gives a 429 with an HTTP date a delay in seconds', async () => {
    server.setFault('429 + Retry-After: HTTP date');
    const error = await failure(getStats);
    expect(error.name).toBe('ThrottledError');
    expect([29, 30, 31]).toContain(error.delay);
  });
});
