import { defineHookTrigger } from '../lib/hook-trigger';
import { comparable } from '../lib/records';
import { calls } from '../lib/resources';
import { missedCallSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'missed_call',
  noun: 'Missed Call',
  label: 'New Missed Call',
  description: 'Triggers when a caller hangs up before NeverMiss answers, so you can call or text them back.',
  resource: calls,
  sample: missedCallSample,
  listFilter: (call) => comparable(call.status) === 'missed',
});
