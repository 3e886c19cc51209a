import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { fetchRecord } from './lib/api';
import { apiKeyOf } from './lib/middleware';
import type { Stats } from './lib/models';

/** The cheapest authenticated request the API has. */
const test = (z: ZObject): Promise<Stats> => fetchRecord<Stats>(z, { path: ['stats'] });

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
        'Your NeverMiss API key (it starts with `nm_live_`). Find it in the NeverMiss dashboard under **Settings → API Keys**; if you have none, NeverMiss support issues one on request.',
    },
  ],
  test,
  connectionLabel,
} satisfies Authentication;

export default authentication;
