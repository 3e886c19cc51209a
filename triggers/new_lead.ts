import { defineHookTrigger } from '../lib/hook-trigger';
import type { Lead } from '../lib/models';
import { comparable } from '../lib/records';
import { leads } from '../lib/resources';
import { leadSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_lead',
  noun: 'Lead',
  label: 'New Lead',
  description: 'Triggers when a lead is captured from a call.',
  resource: leads,
  sample: leadSample,
  inputFields: [
    {
      key: 'urgency',
      label: 'Urgency',
      required: false,
      default: 'any',
      // NeverMiss documents `high` only; any other value it sends can be typed or mapped (a custom value).
      choices: [
        { value: 'any', label: 'Any (every lead)', sample: 'any' },
        { value: 'high', label: 'High', sample: 'high' },
      ],
      helpText:
        'Only trigger on leads of this urgency, e.g. **High** to text the owner about emergencies. To match another urgency NeverMiss reports, enter it as a custom value, as it appears in a lead’s Urgency Level; case and surrounding spaces do not matter. **Any** triggers on every lead.',
    },
  ],
  inputFilter: (lead: Lead, { urgency }) => {
    const wanted = comparable(urgency);
    return wanted === '' || wanted === 'any' || comparable(lead.urgency_level) === wanted;
  },
});
