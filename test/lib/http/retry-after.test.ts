// Retry-After, as RFC 9110 defines it (delta-seconds or an HTTP date), read defensively.
import fc from 'fast-check';
import type { ZObject } from 'zapier-platform-core';

import { fetchRecord } from '../../../lib/http/api';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../../lib/http/middleware';
import { API_PATH, api, apiError, appTester, authBundle, failureOf } from '../../helpers';

const NOW = Date.parse('2026-11-27T00:00:00Z');

describe('retryAfterSeconds', () => {
  it.each([
    ['delta-seconds', '30', 30],
    ['delta-seconds with blanks around', ' 30 ', 30],
    ['zero', '0', 0],
    ['leading zeros', '007', 7],
    ['a decimal, rounded up', '2.5', 3],
    ['a small decimal, rounded up', '0.1', 1],
    ['one day exactly', '86400', MAX_RETRY_AFTER_SECONDS],
    ['more than a day, capped at one day', '86401', MAX_RETRY_AFTER_SECONDS],
    ['23 digits, capped at one day', '99999999999999999999999', MAX_RETRY_AFTER_SECONDS],
    ['300 digits (Infinity as a number), capped at one day', '9'.repeat(300), MAX_RETRY_AFTER_SECONDS],
    ['an IMF-fixdate 30 s ahead', 'Fri, 27 Nov 2026 00:00:30 GMT', 30],
    ['an RFC 850 date 30 s ahead', 'Friday, 27-Nov-26 00:00:30 GMT', 30],
    ['an asctime date 30 s ahead (GMT, with no zone named)', 'Fri Nov 27 00:00:30 2026', 30],
    ['an HTTP date in the past', 'Thu, 26 Nov 2026 23:59:00 GMT', 0],
    ['an HTTP date a year ahead, capped at one day', 'Sat, 27 Nov 2027 00:00:00 GMT', MAX_RETRY_AFTER_SECONDS],
  ])('reads %s (%j) as %j s', (_what, header, seconds) => {
    expect(retryAfterSeconds(header, NOW)).toBe(seconds);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a negative number', '-30'],
    ['a negative decimal', '-2.5'],
    ['a number with a sign', '+30'],
    ['an exponent', '1e3'],
    ['a bare decimal point', '.5'],
    ['words', 'soon'],
    ['a day name alone', 'Fri'],
    ['a day name and no date', 'Friday soon'],
    ['a date without a day name', '27 Nov 2026 00:00:30 GMT'],
    ['an ISO date', '2026-11-27T00:00:30Z'],
  ])('gives no delay for %s (%j)', (_what, header) => {
    expect(retryAfterSeconds(header, NOW)).toBeUndefined();
  });

  it('gives, for any header, no delay or a whole number of seconds from 0 to one day', () => {
    const header = fc.oneof(
      fc.string(),
      fc.stringMatching(/^-?\d{1,400}(?:\.\d{1,5})?$/),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
    );
    fc.assert(
      fc.property(header, (value) => {
        const seconds = retryAfterSeconds(value, NOW);
        if (seconds !== undefined) {
          expect(Number.isInteger(seconds)).toBe(true);
          expect(seconds).toBeGreaterThanOrEqual(0);
          expect(seconds).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives delta-seconds as they are, up to one day', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 * MAX_RETRY_AFTER_SECONDS }), (seconds) => {
        expect(retryAfterSeconds(String(seconds), NOW)).toBe(Math.min(seconds, MAX_RETRY_AFTER_SECONDS));
      }),
    );
  });

  it.each([
    ['2.5', 3],
    ['99999999999999999999999', MAX_RETRY_AFTER_SECONDS],
    ['-30', undefined],
  ])('reaches the ThrottledError of a 429 answered with Retry-After %j as a delay of %j s', async (header, delay) => {
    const scope = api()
      .get(`${API_PATH}/stats`)
      .reply(429, apiError(429, 'Too many requests.'), { 'Retry-After': header });
    const error = await failureOf(appTester((z: ZObject) => fetchRecord(z, { path: ['stats'] }), authBundle()));
    expect(error).toMatchObject({
      name: 'ThrottledError',
      message:
        'NeverMiss has had too many requests from this account in a short time. Try again in a few minutes. Details: 429 Too Many Requests on GET /stats.',
    });
    expect(error.delay).toBe(delay);
    expect(scope.isDone()).toBe(true);
  });
});
