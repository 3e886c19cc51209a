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
      helpText:
        'Your NeverMiss API key (it starts with `nm_live_`). It is shown in your [NeverMiss dashboard](https://nevermisshq.com); if you have none, NeverMiss support issues one on request.',
    },
  ],
  test: (z: ZObject) => fetchStats(z),
  connectionLabel,
} satisfies Authentication;

export default authentication;
