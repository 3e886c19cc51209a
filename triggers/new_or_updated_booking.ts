import { defineTrigger } from 'zapier-platform-core';

import { bookingChangesOperation } from '../lib/booking-changes';

export default defineTrigger({
  key: 'new_or_updated_booking',
  noun: 'Booking',
  display: {
    label: 'New or Updated Booking',
    description: 'Triggers when an appointment is booked, moved, changed or cancelled.',
  },
  operation: bookingChangesOperation(),
});
