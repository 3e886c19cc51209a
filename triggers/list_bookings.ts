import { defineTrigger } from 'zapier-platform-core';

import { bookings } from '../lib/bookings';
import { dropdownOperation } from '../lib/dropdown';

/** Hidden: fills the Booking ID dropdown of Find Booking. */
export default defineTrigger({
  key: 'list_bookings',
  noun: 'Booking',
  display: { hidden: true },
  operation: dropdownOperation(bookings),
});
