import findBooking from './find_booking';
import findCall from './find_call';
import findLead from './find_lead';

// Keys are public contract: Zaps refer to them. Never rename one.
export const searches = {
  find_call: findCall,
  find_lead: findLead,
  find_booking: findBooking,
};
