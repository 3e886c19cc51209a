import { defineHookTrigger } from '../lib/hook-trigger';
import { comparable } from '../lib/records';
import { calls } from '../lib/resources';
import { missedCallSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'missed_call',
  noun: 'Call',
  label: 'New Missed Call',
  description: 'Triggers when a caller hangs up before the call is answered.',
  resource: calls,
  sample: missedCallSample,
  listFilter: (call) => comparable(call.status) === 'missed',
});
