import { defineHookTrigger } from '../lib/hook-trigger';
import type { Lead } from '../lib/models';
import { comparable } from '../lib/records';
import { leads } from '../lib/resources';
import { leadSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_lead',
  noun: 'Lead',
  label: 'New Lead',
  description:
    'Triggers when NeverMiss captures a new lead from a call, with contact details, the service needed and its urgency.',
  resource: leads,
  sample: leadSample,
  inputFields: [
    {
      key: 'urgency',
      label: 'Urgency',
      required: false,
      default: 'any',
      choices: [
        { value: 'any', label: 'Any', sample: 'any' },
        { value: 'high', label: 'High', sample: 'high' },
        { value: 'medium', label: 'Medium', sample: 'medium' },
        { value: 'low', label: 'Low', sample: 'low' },
      ],
      helpText:
        'Only trigger on leads of this urgency, e.g. **High** to text the owner about emergencies. **Any** triggers on every lead.',
    },
  ],
  inputFilter: (lead: Lead, { urgency }) =>
    typeof urgency !== 'string' || urgency === '' || urgency === 'any' || comparable(lead.urgency_level) === urgency,
});
