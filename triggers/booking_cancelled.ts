import { defineHookTrigger } from '../lib/hook-trigger';
import { isCancelled } from '../lib/records';
import { bookings } from '../lib/resources';
import { cancelledBookingSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'booking_cancelled',
  noun: 'Booking',
  label: 'Booking Cancelled',
  description: 'Triggers when a booking is cancelled.',
  resource: bookings,
  sample: cancelledBookingSample,
  listFilter: (booking) => isCancelled(booking.status),
});
