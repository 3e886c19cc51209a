import { defineHookTrigger } from '../lib/hook-trigger';
import { calls } from '../lib/resources';
import { callSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_call',
  noun: 'Call',
  label: 'New Call',
  description:
    'Triggers when the NeverMiss receptionist finishes a call, with the caller, the call summary and the full transcript.',
  resource: calls,
  sample: callSample,
});
