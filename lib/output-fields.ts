import type { PlainOutputField } from 'zapier-platform-core';

import type { AddressOutput, Booking, BookingOutput, CallDetail, CallOutput, Lead, LeadOutput, Stats } from './models';

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
const lead = fieldOf<LeadOutput>();
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
  call('caller_first_name', 'Caller First Name'),
  call('caller_last_name', 'Caller Last Name'),
];

/** A one-line address's parts, beside `address`: empty when it does not read as a US address. */
const addressPartFields = <T extends Record<keyof AddressOutput, unknown>>() => {
  const field = fieldOf<T>();
  return [
    field('address_street', 'Address: Street'),
    field('address_city', 'Address: City'),
    field('address_state', 'Address: State'),
    field('address_postal_code', 'Address: ZIP Code'),
  ];
};

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

export const leadOutputFields: PlainOutputField[] = [
  ...leadApiFields,
  lead('first_name', 'First Name'),
  lead('last_name', 'Last Name'),
  ...addressPartFields<LeadOutput>(),
];

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
  booking('customer_first_name', 'Customer First Name'),
  booking('customer_last_name', 'Customer Last Name'),
  ...addressPartFields<BookingOutput>(),
  // NeverMiss gives the business's local date and time; the Zap's time zone stands in for the business's.
  booking('scheduled_start', 'Scheduled Start (in the Zap’s time zone, or UTC)', 'datetime'),
  booking('scheduled_end', 'Scheduled End (in the Zap’s time zone, or UTC)', 'datetime'),
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
