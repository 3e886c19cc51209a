import { defineSearch } from 'zapier-platform-core';

import { calls, callSample } from '../lib/calls';
import { phoneCriterion, recordSearchOperation } from '../lib/record-search';
import listCalls from '../triggers/list_calls';

export default defineSearch({
  key: 'find_call',
  noun: 'Call',
  display: {
    label: 'Find Call',
    description:
      'Finds a call by its ID or by the caller’s phone number (the newest call from that number), with its transcript.',
  },
  operation: recordSearchOperation({
    recordType: calls,
    sample: callSample,
    dropdown: listCalls,
    criteria: [
      phoneCriterion(
        {
          key: 'phone_number',
          label: 'Phone Number',
          helpText:
            'The caller’s phone number, in any format: "(555) 123-4567", "555-123-4567" or "+15551234567". Numbers without a country code are read as US/Canada.',
        },
        'phone_number',
      ),
    ],
  }),
});
