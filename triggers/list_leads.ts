import { defineTrigger } from 'zapier-platform-core';

import { leads } from '../lib/leads';
import { dropdownOperation } from '../lib/dropdown';

/** Hidden: fills the Lead ID dropdown of Find Lead. */
export default defineTrigger({
  key: 'list_leads',
  noun: 'Lead',
  display: { hidden: true },
  operation: dropdownOperation(leads),
});
