import { defineCreate } from 'zapier-platform-core';

import { fetchStats, statsOutputFields, statsSample } from '../lib/stats';

export default defineCreate({
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
});
