import { defineSearch } from 'zapier-platform-core';

import { bookings, bookingSample, bookingSearchOrder } from '../lib/bookings';
import { dateCriterion, phoneNumberCriterion, recordSearchOperation, textCriterion } from '../lib/record-search';
import listBookings from '../triggers/list_bookings';

export default defineSearch({
  key: 'find_booking',
  noun: 'Booking',
  display: {
    label: 'Find Booking',
    description:
      'Finds a booking by its ID, or by the customer’s phone number, name or appointment date: that day’s first appointment, or the next one still to come.',
  },
  operation: recordSearchOperation({
    recordType: bookings,
    sample: bookingSample,
    dropdown: listBookings,
    order: bookingSearchOrder,
    criteria: [
      phoneNumberCriterion(),
      textCriterion(
        {
          key: 'customer_name',
          label: 'Customer Name',
          helpText:
            'The full name as NeverMiss recorded it, e.g. "David Lee"; case, extra spaces and how accents are typed do not matter.',
        },
        'customer_name',
      ),
      dateCriterion(
        {
          key: 'scheduled_date',
          label: 'Scheduled Date',
          type: 'datetime',
          helpText:
            'A day such as "today", "tomorrow" or 2026-04-15, or one mapped from an earlier step; a date with a time counts as its day in the Zap’s time zone. That day’s appointments come earliest first.',
        },
        'scheduled_date',
      ),
    ],
  }),
});
