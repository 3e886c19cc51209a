import { leads } from '../lib/resources';
import { leadSample } from '../lib/samples';
import { defineRecordSearch, phoneCriterion, textCriterion } from '../lib/search';

export default defineRecordSearch({
  key: 'find_lead',
  noun: 'Lead',
  label: 'Find Lead',
  description: 'Finds a lead by its ID, email address or phone number (the newest match first).',
  resource: leads,
  sample: leadSample,
  choicesTrigger: 'list_leads',
  criteria: [
    textCriterion(
      { key: 'email', label: 'Email', helpText: 'The lead’s email address; case does not matter.' },
      'email',
    ),
    phoneCriterion(
      {
        key: 'phone_number',
        label: 'Phone Number',
        helpText:
          'The lead’s phone number, in any format: "(555) 123-4567", "555-123-4567" or "+15551234567". Numbers without a country code are read as US/Canada.',
      },
      'phone_number',
    ),
  ],
});
