import { defineTrigger } from 'zapier-platform-core';

import { calls } from '../lib/calls';
import { dropdownOperation } from '../lib/dropdown';

/** Hidden: fills the Call ID dropdown of Find Call. */
export default defineTrigger({
  key: 'list_calls',
  noun: 'Call',
  display: { hidden: true },
  operation: dropdownOperation(calls),
});
