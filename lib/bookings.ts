// Bookings: the API's shape, what the app outputs for one (the appointment in the Zap's time zone,
// name and address split), the Appointment Length option, output fields, samples and dropdown label.
import { defineInputField, errors, type PlainOutputField } from 'zapier-platform-core';

import { addressOutput, addressOutputFields, type AddressOutput } from './formats/addresses';
import { appointmentTimes } from './formats/local-time';
import { splitName } from './formats/names';
import { trimmedLowerCase } from './formats/text';
import { dropdownLabel } from './dropdown';
import type { ApiSchemas } from './http/api';
import { outputFieldOf, type RecordType } from './record-type';

export type Booking = ApiSchemas['Booking'];

export type BookingOutput = Booking &
  AddressOutput & {
    /** `customer_name` split; empty when it does not read as one person's name. */
    customer_first_name: string;
    customer_last_name: string;
    /** `scheduled_date` and `scheduled_time` as ISO 8601 with the Zap's time zone's offset (UTC outside a Zap). */
    scheduled_start: string | null;
    /** `scheduled_start` plus the appointment length the user gave; absent when none was given. */
    scheduled_end?: string | null;
  };

/** Both spellings NeverMiss may use for a cancelled booking. */
export const isCancelled = (status: unknown): boolean => ['cancelled', 'canceled'].includes(trimmedLowerCase(status));

/** The longest appointment length accepted: a week. */
export const MAX_APPOINTMENT_MINUTES = 7 * 24 * 60;

/** The optional input that adds `scheduled_end`, on the booking triggers and Find Booking. */
const appointmentLengthField = defineInputField({
  key: 'appointment_length_minutes',
  label: 'Appointment Length (minutes)',
  type: 'integer',
  required: false,
  helpText:
    'Optional. How long an appointment lasts, in minutes (e.g. 60). NeverMiss does not send a length: when you fill this in, each booking also gets **Scheduled End**, the start plus this many minutes, in the Zap’s time zone (UTC when run outside a Zap).',
});

/** The appointment length the user gave, in minutes; undefined when left empty. */
export const appointmentLength = (input: unknown): number | undefined => {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
  const minutes = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_APPOINTMENT_MINUTES) {
    return minutes;
  }
  const given = typeof input === 'string' ? `"${input}"` : typeof input === 'number' ? String(input) : 'no number';
  throw new errors.Error(
    `${appointmentLengthField.label} must be a whole number of minutes from 0 to ${String(MAX_APPOINTMENT_MINUTES)} (a week), e.g. 60; got ${given}.`,
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
      customer_first_name: name.first,
      customer_last_name: name.last,
      ...addressOutput(booking.address),
      ...appointmentTimes(booking.scheduled_date, booking.scheduled_time, timeZone, appointmentLengthMinutes),
    };
  },
  outputFields: [
    ...bookingApiFields,
    field('customer_first_name', 'Customer First Name'),
    field('customer_last_name', 'Customer Last Name'),
    ...addressOutputFields,
    // NeverMiss gives the business's local date and time; the Zap's time zone stands in for the business's.
    field('scheduled_start', 'Scheduled Start (in the Zap’s time zone, or UTC)', 'datetime'),
    field('scheduled_end', 'Scheduled End (in the Zap’s time zone, or UTC)', 'datetime'),
  ],
  outputOptions: {
    inputFields: [appointmentLengthField],
    read: (inputData) => ({ appointmentLengthMinutes: appointmentLength(inputData[appointmentLengthField.key]) }),
  },
  labelInDropdown: (booking) =>
    dropdownLabel(booking.customer_name, booking.service_type, booking.scheduled_date, booking.scheduled_time),
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
  customer_first_name: 'David',
  customer_last_name: 'Lee',
  address_street: '456 Oak Ave',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '78704',
  scheduled_start: '2026-04-15T09:00:00-05:00',
  scheduled_end: '2026-04-15T10:00:00-05:00',
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
  customer_first_name: 'Priya',
  customer_last_name: 'Shah',
  address_street: '789 Pecan St',
  address_city: 'Round Rock',
  address_state: 'TX',
  address_postal_code: '78664',
  scheduled_start: '2026-04-18T13:30:00-05:00',
  scheduled_end: '2026-04-18T14:30:00-05:00',
};
