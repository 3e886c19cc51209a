import type { PlainOutputField } from 'zapier-platform-core';

import type { Booking, BookingOutput, CallDetail, CallOutput, Lead, Stats } from './models';

type FieldType = NonNullable<PlainOutputField['type']>;

/** A labelled, typed output field whose key must be a field of `T`. */
const fieldOf =
  <T>() =>
  <K extends keyof T & string>(
    key: K,
    label: string,
    type: FieldType = 'string',
    extra: Omit<PlainOutputField, 'key' | 'label' | 'type'> = {},
  ): PlainOutputField & { key: K } => ({ ...extra, key, label, type });

const call = fieldOf<CallOutput>();
const lead = fieldOf<Lead>();
const booking = fieldOf<BookingOutput>();
const stat = fieldOf<Stats>();

/** The fields `GET /calls/{id}` returns. */
export const callApiFields = [
  call('id', 'Call ID'),
  call('caller_name', 'Caller Name'),
  call('phone_number', 'Caller Phone Number'),
  call('timestamp', 'Call Time', 'datetime'),
  call('duration_seconds', 'Duration (Seconds)', 'integer'),
  call('status', 'Call Status'),
  call('call_type', 'Call Type'),
  call('summary', 'Call Summary'),
  // Line items: `children` alone, since the schema makes `children` exclusive of `list` and `type`.
  {
    key: 'transcript',
    label: 'Transcript',
    children: [
      { key: 'speaker', label: 'Transcript Speaker', type: 'string' },
      { key: 'text', label: 'Transcript Text', type: 'string' },
    ],
  },
] as const satisfies readonly (PlainOutputField & { key: keyof CallDetail })[];

export const callOutputFields: PlainOutputField[] = [
  ...callApiFields,
  call('transcript_text', 'Transcript (Plain Text)'),
  call('transcript_file', 'Transcript (Text File)', 'file'),
];

/** The fields `GET /leads/{id}` returns. */
export const leadApiFields = [
  lead('id', 'Lead ID'),
  lead('name', 'Name'),
  lead('phone_number', 'Phone Number'),
  lead('email', 'Email'),
  lead('address', 'Address'),
  lead('service_needed', 'Service Needed'),
  lead('urgency_level', 'Urgency Level'),
  lead('source', 'Source'),
  lead('status', 'Lead Status'),
  lead('created_at', 'Created At', 'datetime'),
] as const satisfies readonly { key: keyof Lead }[];

export const leadOutputFields: PlainOutputField[] = [...leadApiFields];

/** The fields `GET /bookings/{id}` returns. */
export const bookingApiFields = [
  booking('id', 'Booking ID'),
  booking('customer_name', 'Customer Name'),
  booking('phone_number', 'Customer Phone Number'),
  booking('service_type', 'Service Type'),
  booking('scheduled_date', 'Scheduled Date (YYYY-MM-DD)'),
  booking('scheduled_time', 'Scheduled Time (HH:mm)'),
  booking('address', 'Address'),
  booking('notes', 'Notes'),
  booking('status', 'Booking Status'),
  booking('created_at', 'Booked At', 'datetime'),
] as const satisfies readonly { key: keyof Booking }[];

export const bookingOutputFields: PlainOutputField[] = [
  ...bookingApiFields,
  // No time zone: NeverMiss gives the appointment in the business's local time.
  booking('scheduled_start', 'Scheduled Start (Business Local Time, YYYY-MM-DDTHH:mm)'),
];

export const statsOutputFields: PlainOutputField[] = [
  stat('total_calls_today', 'Calls Today', 'integer'),
  stat('total_calls_this_week', 'Calls This Week', 'integer'),
  stat('total_calls_this_month', 'Calls This Month', 'integer'),
  stat('missed_calls_today', 'Missed Calls Today', 'integer'),
  stat('average_call_duration_seconds', 'Average Call Duration (Seconds)', 'number'),
  stat('total_leads_captured', 'Leads Captured', 'integer'),
  stat('total_bookings', 'Bookings', 'integer'),
  stat('busiest_hour', 'Busiest Hour'),
  stat('response_time_average_seconds', 'Average Response Time (Seconds)', 'number'),
];
