import { choiceLabel, defineChoicesTrigger } from '../lib/choices-trigger';
import { bookings } from '../lib/resources';

/** Hidden: fills the Booking ID dropdown of Find Booking. */
export default defineChoicesTrigger('list_bookings', bookings, (booking) =>
  choiceLabel(booking.customer_name, booking.service_type, booking.scheduled_date, booking.scheduled_time),
);
