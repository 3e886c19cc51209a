import nock from 'nock';

import authentication from '../authentication';
import { API, API_KEY, API_PATH, api, apiError, appTester, authBundle } from './helpers';
import { stats, webhook } from './fixtures';

describe('authentication', () => {
  it('declares one required password field for the API key', () => {
    expect(authentication.type).toBe('custom');
    expect(authentication.fields).toEqual([
      expect.objectContaining({ key: 'api_key', label: 'API Key', required: true, type: 'password' }),
    ]);
    const help = String(authentication.fields[0]?.helpText);
    // Where the key is, in the API documentation's words, with a link; support only after the dashboard.
    expect(help).toMatch(/^Your API key is available in your \[NeverMiss dashboard\]\(https:\/\/nevermisshq\.com\)/);
    expect(help.indexOf('support')).toBeGreaterThan(help.indexOf('dashboard'));
  });

  it('tests the key with one GET /stats', async () => {
    const scope = api().get(`${API_PATH}/stats`).reply(200, { data: stats });

    await expect(appTester(authentication.test, authBundle())).resolves.toEqual(stats);
    expect(scope.isDone()).toBe(true);
  });

  it('trims whitespace pasted around the key', async () => {
    const scope = api().get(`${API_PATH}/stats`).reply(200, { data: stats });

    await appTester(authentication.test, { authData: { api_key: `  ${API_KEY}\n` } });
    expect(scope.isDone()).toBe(true);
  });

  it('explains a rejected key without echoing it', async () => {
    api().get(`${API_PATH}/stats`).reply(401, apiError(401, 'Invalid API key.'));

    const error = await appTester(authentication.test, authBundle()).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ExpiredAuthError');
    // The app tester appends what happened; Zapier shows the message alone.
    expect((error as Error).message.split('\nWhat happened:')[0]).toBe(
      'NeverMiss did not accept the API key. Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier. Details: 401 on GET /stats: Invalid API key.',
    );
    expect((error as Error).message).not.toMatch(/Settings/);
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it.each(['key', 'API', 'e', 'NeverMiss'])(
    'keeps its own words whole when the key typed is %j: only what came from NeverMiss is scrubbed of it',
    async (key) => {
      nock(API)
        .get(`${API_PATH}/stats`)
        .reply(401, apiError(401, `Invalid API key ${key}.`));
      const error = await appTester(authentication.test, { authData: { api_key: key } }).catch(
        (e: unknown) => e as Error,
      );
      const [message = ''] = (error as Error).message.split('\nWhat happened:');
      const [plain, details = ''] = message.split(' Details: ');
      expect(plain).toBe(
        'NeverMiss did not accept the API key. Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.',
      );
      expect(details.replaceAll('[redacted]', '').toLowerCase()).not.toContain(key.toLowerCase());
      expect(details).toContain('[redacted]');
    },
  );

  it('sends no key header when no key is stored, and the API rejects it', async () => {
    const scope = nock(API, { badheaders: ['x-api-key'] })
      .get(`${API_PATH}/stats`)
      .reply(401, apiError(401, 'Missing API key.'));

    await expect(appTester(authentication.test, { authData: {} })).rejects.toThrow(/Missing API key/);
    expect(scope.isDone()).toBe(true);
  });

  it('labels the connection as NeverMiss shows a key (api_key_suffix): the last four of the cleaned key, no app name', async () => {
    const label = await appTester(authentication.connectionLabel, {
      authData: { api_key: `\u200B\u00A0${API_KEY}\uFEFF ` },
    });
    expect(label).toBe('API key ****1e5f');
    expect(label).toBe(`API key ${webhook().api_key_suffix}`);
  });

  it.each([
    ['shorter than 16 characters', 'nm_live_abc1234', 'API key ****'],
    ['of 16 characters', 'nm_live_abcd1234', 'API key ****1234'],
    ['of four characters', 'abcd', 'API key ****'],
    ['empty', '', 'API key ****'],
    ['unsendable', 'nm_live_abcdef\n1234', 'API key ****'],
  ])('shows none of a key %s when it is short or unsendable', async (_how, key, expected) => {
    await expect(appTester(authentication.connectionLabel, { authData: { api_key: key } })).resolves.toBe(expected);
  });
});
