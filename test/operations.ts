// The app's operations, typed by what each outputs, for the tests to run with the app tester.
import app from '../index';
import { appOperations } from '../tools/app-operations';

export const { authentication, triggers, searches, creates, hydrators } = appOperations(app);

export const {
  new_call: newCall,
  missed_call: missedCall,
  new_lead: newLead,
  new_booking: newBooking,
  booking_cancelled: bookingCancelled,
  new_or_updated_booking: newOrUpdatedBooking,
  list_calls: listCalls,
  list_leads: listLeads,
  list_bookings: listBookings,
} = triggers;
export const { find_call: findCall, find_lead: findLead, find_booking: findBooking } = searches;
export const { get_stats: getStats } = creates;
