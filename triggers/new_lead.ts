import { defineInputFields, defineTrigger } from 'zapier-platform-core';

import { comparableText } from '../lib/formats/text';
import { hookOperation } from '../lib/hook-trigger';
import { leads, leadSample } from '../lib/leads';

const inputFields = defineInputFields([
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
      'Only leads NeverMiss rates this way trigger the Zap, e.g. **High** to text the owner about emergencies. Another value NeverMiss reports can be entered as a custom value, as NeverMiss writes it on a lead; case and surrounding spaces do not matter. **Any** triggers on every lead.',
  },
]);

export default defineTrigger({
  key: 'new_lead',
  noun: 'Lead',
  display: { label: 'New Lead', description: 'Triggers when a lead is captured from a call.' },
  operation: hookOperation({
    event: 'new_lead',
    recordType: leads,
    sample: leadSample,
    inputFields,
    inputFilter: (lead, { urgency }) => {
      const wanted = comparableText(urgency);
      return wanted === '' || wanted === 'any' || comparableText(lead.urgency_level) === wanted;
    },
  }),
});
