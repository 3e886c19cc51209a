// The API key as pasted: cleaned of what copying adds, refused clearly when no header can carry it.
import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';

import { fetchRecord } from '../../lib/api';
import { apiKeyOf, isSendableKey } from '../../lib/api-key';
import { stats } from '../fixtures';
import { API, API_KEY, API_PATH, appTester, failureOf } from '../helpers';

const getStats = (z: ZObject) => fetchRecord(z, { path: ['stats'] });

describe('the API key', () => {
  it.each([
    ['a zero-width space', `\u200B${API_KEY}\u200B`],
    ['no-break spaces', `\u00A0${API_KEY}\u00A0`],
    ['a BOM', `\uFEFF${API_KEY}`],
    ['a word joiner and a soft hyphen', `${API_KEY}\u2060\u00AD`],
    ['an ideographic space and a line break', `\u3000${API_KEY}\r\n`],
  ])('is cleaned of %s at either end and sent as typed', async (_what, pasted) => {
    expect(apiKeyOf({ authData: { api_key: pasted } })).toBe(API_KEY);
    const scope = nock(API, { reqheaders: { 'x-api-key': API_KEY } })
      .get(`${API_PATH}/stats`)
      .reply(200, { data: stats });
    await appTester(getStats, { authData: { api_key: pasted } });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['a line break inside', `nm_live_abc\r\nX-Injected: yes`],
    ['a NUL', `nm_live_abc\u0000def`],
    ['an ellipsis', `nm_live_abc…`],
    ['a zero-width space inside', `nm_live_abc\u200Bdef`],
    ['an accented letter', `nm_live_abcé`],
    ['an emoji', `nm_live_abc😀`],
  ])('with %s is refused before any request, with no part of it in the message', async (_what, key) => {
    expect(isSendableKey(apiKeyOf({ authData: { api_key: key } }))).toBe(false);
    const error = await failureOf(appTester(getStats, { authData: { api_key: key } }));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'invalid_api_key',
      message:
        'The API key contains characters that cannot be sent to NeverMiss (a line break, a control character, or a character outside plain ASCII such as “…” or an accented letter). Copy the API key again from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.',
    });
    expect(error.message).not.toContain('nm_live_abc');
    expect(error.error).not.toBeInstanceOf(TypeError);
  });
});
