import { defineCreate } from 'zapier-platform-core';

import { fetchStats, statsOutput, statsOutputFields, statsSample } from '../lib/stats';

// The key stays `get_stats` (keys are public contract); the label says it covers leads and bookings too.
export default defineCreate({
  key: 'get_stats',
  noun: 'Report',
  display: {
    label: 'Get Call, Lead and Booking Statistics',
    description:
      'Gets the account’s figures: calls today, this week and this month, missed calls today, leads captured, bookings, average call length, average time to answer and the busiest hour of the day.',
  },
  operation: {
    inputFields: [],
    perform: async (z, bundle) => statsOutput(await fetchStats(z), bundle),
    outputFields: statsOutputFields,
    sample: statsSample,
  },
});
