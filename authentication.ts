import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { apiKeyOf, connectionLabelOf } from './lib/http/api-key';
import { fetchStats } from './lib/stats';

/** Names the connection as NeverMiss does (`api_key_suffix`): `API key ****1e5f`, never more of the key. */
const connectionLabel = (_z: ZObject, bundle: Bundle): Promise<string> =>
  Promise.resolve(connectionLabelOf(apiKeyOf(bundle)));

const authentication = {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      required: true,
      type: 'password',
      // In the API documentation's own words; support only as the fallback (Zapier's publishing requirement 3.1).
      helpText:
        'Your API key is available in your [NeverMiss dashboard](https://nevermisshq.com): sign in and copy it (it starts with `nm_live_`). Only if your dashboard shows no key, ask NeverMiss support to issue one.',
    },
  ],
  test: (z: ZObject) => fetchStats(z),
  connectionLabel,
} satisfies Authentication;

export default authentication;
