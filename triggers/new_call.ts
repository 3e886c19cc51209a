import { defineTrigger } from 'zapier-platform-core';

import { calls, callSample } from '../lib/calls';
import { hookOperation } from '../lib/hook-trigger';

export default defineTrigger({
  key: 'new_call',
  noun: 'Call',
  display: { label: 'New Call', description: 'Triggers when a call ends.' },
  operation: hookOperation({ event: 'new_call', recordType: calls, sample: callSample }),
});
