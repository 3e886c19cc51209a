import { defineSearch } from 'zapier-platform-core';

import { leads, leadSample } from '../lib/leads';
import { phoneCriterion, textCriterion, recordSearchOperation } from '../lib/record-search';
import listLeads from '../triggers/list_leads';

export default defineSearch({
  key: 'find_lead',
  noun: 'Lead',
  display: {
    label: 'Find Lead',
    description: 'Finds a lead by its ID, email address or phone number (the newest match first).',
  },
  operation: recordSearchOperation({
    recordType: leads,
    sample: leadSample,
    dropdown: listLeads,
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
  }),
});
