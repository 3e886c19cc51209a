import { defineSearch } from 'zapier-platform-core';

import { bookings, bookingSample } from '../lib/bookings';
import { dateCriterion, phoneNumberCriterion, recordSearchOperation, textCriterion } from '../lib/record-search';
import listBookings from '../triggers/list_bookings';

export default defineSearch({
  key: 'find_booking',
  noun: 'Booking',
  display: {
    label: 'Find Booking',
    description:
      'Finds a booking by its ID, or by the customer’s phone number, name or appointment date (the newest match first).',
  },
  operation: recordSearchOperation({
    recordType: bookings,
    sample: bookingSample,
    dropdown: listBookings,
    criteria: [
      phoneNumberCriterion('customer'),
      textCriterion(
        {
          key: 'customer_name',
          label: 'Customer Name',
          helpText: 'The customer’s full name as NeverMiss recorded it, e.g. "David Lee"; case does not matter.',
        },
        'customer_name',
      ),
      dateCriterion(
        {
          key: 'scheduled_date',
          label: 'Scheduled Date',
          helpText: 'The appointment date, as YYYY-MM-DD (e.g. 2026-04-15). A mapped date-time counts by its date.',
        },
        'scheduled_date',
      ),
    ],
  }),
});
