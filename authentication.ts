import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { apiKeyOf } from './lib/middleware';
import { fetchStats } from './lib/resources';

/** Names the connection without revealing the key: its last four characters only. */
const connectionLabel = (_z: ZObject, bundle: Bundle): Promise<string> =>
  Promise.resolve(`NeverMiss (…${apiKeyOf(bundle).slice(-4)})`);

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
