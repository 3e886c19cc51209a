import bookingCancelled from './booking_cancelled';
import missedCall from './missed_call';
import newBooking from './new_booking';
import newCall from './new_call';
import newLead from './new_lead';

// Keys are public contract: Zaps refer to them. Never rename one.
export const triggers = {
  new_call: newCall,
  missed_call: missedCall,
  new_lead: newLead,
  new_booking: newBooking,
  booking_cancelled: bookingCancelled,
};
