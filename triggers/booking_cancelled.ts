import { defineTrigger } from 'zapier-platform-core';

import { bookings, cancelledBookingSample, isCancelled } from '../lib/bookings';
import { hookOperation } from '../lib/hook-trigger';

export default defineTrigger({
  key: 'booking_cancelled',
  noun: 'Booking',
  display: { label: 'Booking Cancelled', description: 'Triggers when a booking is cancelled.' },
  operation: hookOperation({
    event: 'booking_cancelled',
    recordType: bookings,
    sample: cancelledBookingSample,
    listFilter: (booking) => isCancelled(booking.status),
  }),
});
