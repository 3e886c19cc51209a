import { defineHookTrigger } from '../lib/hook-trigger';
import { bookings } from '../lib/resources';
import { bookingSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_booking',
  noun: 'Booking',
  label: 'New Booking',
  description: 'Triggers when an appointment is booked.',
  resource: bookings,
  sample: bookingSample,
});
