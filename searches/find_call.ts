import { calls } from '../lib/resources';
import { callSample } from '../lib/samples';
import { defineRecordSearch, phoneCriterion } from '../lib/search';

export default defineRecordSearch({
  key: 'find_call',
  noun: 'Call',
  label: 'Find Call',
  description:
    'Finds a call by its ID or by the caller’s phone number (the newest call from that number), with its transcript.',
  resource: calls,
  sample: callSample,
  choicesTrigger: 'list_calls',
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
});
