import { defineSearch } from 'zapier-platform-core';

import { leads, leadSample } from '../lib/leads';
import { phoneNumberCriterion, recordSearchOperation, textCriterion } from '../lib/record-search';
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
        {
          key: 'email',
          label: 'Email',
          helpText: 'Matched whatever the case: "Maria.Garcia@example.com" finds maria.garcia@example.com.',
        },
        'email',
      ),
      phoneNumberCriterion(),
    ],
  }),
});
