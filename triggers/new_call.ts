import { defineHookTrigger } from '../lib/hook-trigger';
import { calls } from '../lib/resources';
import { callSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_call',
  noun: 'Call',
  label: 'New Call',
  description: 'Triggers when a call ends.',
  resource: calls,
  sample: callSample,
});
