import bookingCancelled from './booking_cancelled';
import listBookings from './list_bookings';
import listCalls from './list_calls';
import listLeads from './list_leads';
import missedCall from './missed_call';
import newBooking from './new_booking';
import newCall from './new_call';
import newLead from './new_lead';
import newOrUpdatedBooking from './new_or_updated_booking';

// Keys are public contract: Zaps refer to them. Never rename one.
export const triggers = {
  new_call: newCall,
  missed_call: missedCall,
  new_lead: newLead,
  new_booking: newBooking,
  booking_cancelled: bookingCancelled,
  new_or_updated_booking: newOrUpdatedBooking,
  // Hidden: they fill the ID dropdowns of the searches.
  list_calls: listCalls,
  list_leads: listLeads,
  list_bookings: listBookings,
};
