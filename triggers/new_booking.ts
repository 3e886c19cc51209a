import { defineHookTrigger } from '../lib/hook-trigger';
import { bookings } from '../lib/resources';
import { bookingSample } from '../lib/samples';

export default defineHookTrigger({
  event: 'new_booking',
  noun: 'Booking',
  label: 'New Booking',
  description:
    'Triggers when NeverMiss books an appointment, with the customer, the service and a ready-to-use start time for calendar steps.',
  resource: bookings,
  sample: bookingSample,
});
