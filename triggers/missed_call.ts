import { defineTrigger } from 'zapier-platform-core';

import { calls, isMissed, missedCallSample } from '../lib/calls';
import { hookOperation } from '../lib/hook-trigger';

export default defineTrigger({
  key: 'missed_call',
  noun: 'Call',
  display: { label: 'New Missed Call', description: 'Triggers when a caller hangs up before the call is answered.' },
  operation: hookOperation({
    event: 'missed_call',
    recordType: calls,
    sample: missedCallSample,
    listFilter: (call) => isMissed(call.status),
  }),
});
