// Bookings: the API's shape, what the app outputs for one (the appointment in the Zap's time zone,
// name and address split), the Appointment Length option, output fields, samples and dropdown label.
import { defineInputField, errors, type PlainOutputField } from 'zapier-platform-core';

import { addressOutput, addressOutputFields, type AddressOutput } from './formats/addresses';
import { appointmentTimes, localInstant, prettyTimestamp, type AppointmentTimes } from './formats/local-time';
import { splitName } from './formats/names';
import { comparableText } from './formats/text';
import { dropdownLabel } from './dropdown';
import type { ApiSchemas } from './http/api';
import type { SearchOrder } from './record-search';
import { outputFieldOf, type RecordType } from './record-type';

export type Booking = ApiSchemas['Booking'];

/**
 * A booking as the app outputs it. `scheduled_start` is `scheduled_date` and `scheduled_time` as ISO 8601
 * with the Zap's time zone's offset (UTC outside a Zap); `scheduled_end` adds the appointment length the
 * user gave (null without one); each `…_pretty` is the same moment as people read it.
 */
export type BookingOutput = Booking &
  AddressOutput &
  AppointmentTimes & {
    /** `customer_name` split; empty when it does not read as one person's name. */
    customer_first_name: string;
    customer_last_name: string;
    created_at_pretty: string | null;
  };

/** Both spellings NeverMiss may use for a cancelled booking. */
export const isCancelled = (status: unknown): boolean => ['cancelled', 'canceled'].includes(comparableText(status));

/** The longest appointment length accepted: a week. */
export const MAX_APPOINTMENT_MINUTES = 7 * 24 * 60;

/** The optional input that adds `scheduled_end`, on the booking triggers and Find Booking. */
export const appointmentLengthField = defineInputField({
  key: 'appointment_length_minutes',
  label: 'Appointment Length (Minutes)',
  type: 'integer',
  required: false,
  helpText:
    'How long one lasts, e.g. 60. NeverMiss sends no end time: with this filled in, each booking also gets **Scheduled End**, the start plus this many minutes, in the Zap’s time zone (UTC when run outside a Zap). Left empty, Scheduled End is empty.',
});

/** The appointment length the user gave, in minutes; undefined when left empty. */
export const appointmentLength = (input: unknown): number | undefined => {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
  const minutes = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_APPOINTMENT_MINUTES) {
    return minutes;
  }
  const given = typeof input === 'string' ? `"${input}"` : typeof input === 'number' ? String(input) : 'given';
  throw new errors.Error(
    `The Appointment Length ${given} is not a whole number of minutes from 0 to ${String(MAX_APPOINTMENT_MINUTES)} (a week). Enter a length such as 60, or leave it empty for no end time.`,
    'invalid_input',
  );
};

const field = outputFieldOf<BookingOutput>();

/** The fields `GET /bookings/{id}` returns. */
const bookingApiFields = [
  field('id', 'Booking ID'),
  field('customer_name', 'Customer Name'),
  field('phone_number', 'Customer Phone Number'),
  field('service_type', 'Service Type'),
  field('scheduled_date', 'Scheduled Date (YYYY-MM-DD)'),
  field('scheduled_time', 'Scheduled Time (HH:mm)'),
  field('address', 'Address'),
  field('notes', 'Notes'),
  field('status', 'Booking Status'),
  field('created_at', 'Booked At', 'datetime'),
] as const satisfies readonly (PlainOutputField & { key: keyof Booking })[];

/** What the user's Appointment Length makes of a booking's output. */
export interface BookingOutputOptions {
  /** Undefined when not given: then there is no `scheduled_end`. */
  appointmentLengthMinutes: number | undefined;
}

/** Bookings as the booking triggers, Find Booking and the Booking ID dropdown read and output them. */
export const bookings: RecordType<Booking, BookingOutput, BookingOutputOptions> = {
  noun: 'Booking',
  path: 'bookings',
  timestampField: 'created_at',
  apiFields: bookingApiFields,
  toOutput: (booking, { timeZone }, { appointmentLengthMinutes }) => {
    const name = splitName(booking.customer_name);
    return {
      ...booking,
      created_at_pretty: prettyTimestamp(booking.created_at, timeZone),
      customer_first_name: name.first,
      customer_last_name: name.last,
      ...addressOutput(booking.address),
      ...appointmentTimes(booking.scheduled_date, booking.scheduled_time, timeZone, appointmentLengthMinutes),
    };
  },
  outputFields: [
    ...bookingApiFields,
    field('created_at_pretty', 'Booked At (Readable)'),
    field('customer_first_name', 'Customer First Name'),
    field('customer_last_name', 'Customer Last Name'),
    ...addressOutputFields,
    // NeverMiss gives the business's local date and time; the Zap's time zone stands in for the business's.
    field('scheduled_start', 'Scheduled Start (in the Zap’s time zone, or UTC)', 'datetime'),
    field('scheduled_start_pretty', 'Scheduled Start (Readable)'),
    field('scheduled_end', 'Scheduled End (in the Zap’s time zone, or UTC)', 'datetime'),
    field('scheduled_end_pretty', 'Scheduled End (Readable)'),
  ],
  outputOptions: {
    inputFields: [appointmentLengthField],
    read: (inputData) => ({ appointmentLengthMinutes: appointmentLength(inputData[appointmentLengthField.key]) }),
  },
  labelInDropdown: (booking) =>
    dropdownLabel(booking.customer_name, booking.service_type, booking.scheduled_date, booking.scheduled_time),
};

/**
 * Find Booking's order, so that the booking first in the list is the one a Zap means. By date: that day's
 * appointments, earliest first. Otherwise (phone number, name): the next upcoming appointment first, the
 * soonest of those still to come, then past ones, the most recent first. "Upcoming" is the appointment's
 * start in the Zap's time zone against now; a booking without a date and time that can be read comes last.
 */
export const bookingSearchOrder: SearchOrder<Booking> = (records, given, { timeZone, now }) => {
  const timed = records.map((record, index) => ({
    record,
    index,
    start: localInstant(record.scheduled_date, record.scheduled_time, timeZone),
  }));
  const byDate = given.has('scheduled_date');
  // 0: that day's, or still to come, soonest first; 1: past, latest first; 2: no start that can be read.
  const group = ({ start }: { start: number | undefined }) =>
    start === undefined ? 2 : byDate || start >= now ? 0 : 1;
  const within = (a: number | undefined, b: number | undefined, inGroup: number) =>
    inGroup === 2 ? 0 : (inGroup === 0 ? 1 : -1) * (Number(a) - Number(b));
  return timed
    .sort((a, b) => group(a) - group(b) || within(a.start, b.start, group(a)) || a.index - b.index)
    .map(({ record }) => record);
};

/** A realistic output for Zapier's editor: a Zap in America/Chicago with an Appointment Length of 60 minutes. */
export const bookingSample: BookingOutput = {
  id: 'book_01HXM4A9ZK3P',
  customer_name: 'David Lee',
  phone_number: '+15554445555',
  service_type: 'HVAC Maintenance',
  scheduled_date: '2026-04-15',
  scheduled_time: '09:00',
  address: '456 Oak Ave, Austin, TX 78704',
  notes: 'Annual AC tune-up',
  status: 'confirmed',
  created_at: '2026-04-11T15:02:00Z',
  created_at_pretty: 'Sat, Apr 11, 2026, 10:02 AM CDT',
  customer_first_name: 'David',
  customer_last_name: 'Lee',
  address_street: '456 Oak Ave',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '78704',
  scheduled_start: '2026-04-15T09:00:00-05:00',
  scheduled_start_pretty: 'Wed, Apr 15, 2026, 9:00 AM CDT',
  scheduled_end: '2026-04-15T10:00:00-05:00',
  scheduled_end_pretty: 'Wed, Apr 15, 2026, 10:00 AM CDT',
};

export const cancelledBookingSample: BookingOutput = {
  ...bookingSample,
  id: 'book_01HXN7C1WQ8D',
  customer_name: 'Priya Shah',
  phone_number: '+15557778888',
  service_type: 'Furnace Repair',
  scheduled_date: '2026-04-18',
  scheduled_time: '13:30',
  address: '789 Pecan St, Round Rock, TX 78664',
  notes: 'Customer rescheduling after travel; will call back.',
  status: 'cancelled',
  created_at: '2026-04-12T10:20:00Z',
  created_at_pretty: 'Sun, Apr 12, 2026, 5:20 AM CDT',
  customer_first_name: 'Priya',
  customer_last_name: 'Shah',
  address_street: '789 Pecan St',
  address_city: 'Round Rock',
  address_state: 'TX',
  address_postal_code: '78664',
  scheduled_start: '2026-04-18T13:30:00-05:00',
  scheduled_start_pretty: 'Sat, Apr 18, 2026, 1:30 PM CDT',
  scheduled_end: '2026-04-18T14:30:00-05:00',
  scheduled_end_pretty: 'Sat, Apr 18, 2026, 2:30 PM CDT',
};
