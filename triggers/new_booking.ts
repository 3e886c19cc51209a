import { defineTrigger } from 'zapier-platform-core';

import { bookings, bookingSample } from '../lib/bookings';
import { hookOperation } from '../lib/hook-trigger';

export default defineTrigger({
  key: 'new_booking',
  noun: 'Booking',
  display: { label: 'New Booking', description: 'Triggers when an appointment is booked.' },
  operation: hookOperation({ event: 'new_booking', recordType: bookings, sample: bookingSample }),
});
