import type { Create } from 'zapier-platform-core';

import { statsOutputFields } from '../lib/output-fields';
import { fetchStats } from '../lib/resources';
import { statsSample } from '../lib/samples';

export default {
  key: 'get_stats',
  noun: 'Statistics',
  display: {
    label: 'Get Call Statistics',
    description:
      'Gets the account’s call figures: calls today, this week and this month, missed calls, leads, bookings, average call length and the busiest hour.',
  },
  operation: {
    inputFields: [],
    perform: (z) => fetchStats(z),
    outputFields: statsOutputFields,
    sample: statsSample,
  },
} satisfies Create;
