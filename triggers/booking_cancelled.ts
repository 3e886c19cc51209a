import { defineHookTrigger } from '../lib/hook-trigger';
import { isCancelled } from '../lib/records';
import { bookings } from '../lib/resources';
import { cancelledBookingSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'booking_cancelled',
  noun: 'Cancelled Booking',
  label: 'Booking Cancelled',
  description:
    'Triggers when a booked appointment is cancelled, so you can free the slot and follow up with the customer.',
  resource: bookings,
  sample: cancelledBookingSample,
  listFilter: (booking) => isCancelled(booking.status),
});
