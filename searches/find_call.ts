import { defineSearch } from 'zapier-platform-core';

import { calls, callSample } from '../lib/calls';
import { phoneNumberCriterion, recordSearchOperation } from '../lib/record-search';
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
    criteria: [phoneNumberCriterion()],
  }),
});
