// Realistic samples, shaped exactly like the integration's output, for Zapier's editor.
import type { BookingOutput, CallOutput, LeadOutput, Stats } from './models';

export const callSample: CallOutput = {
  id: 'call_01HXK2V8Q4M7',
  caller_name: 'John Smith',
  phone_number: '+15551234567',
  timestamp: '2026-04-11T14:30:00Z',
  duration_seconds: 184,
  status: 'completed',
  call_type: 'inbound',
  summary:
    'Customer called about AC repair: the unit has been blowing warm air since Tuesday. Booked a diagnostic visit.',
  transcript: [
    { speaker: 'agent', text: 'Thanks for calling Lone Star Heating & Air, this is Ava. How can I help?' },
    { speaker: 'caller', text: "Hi, my AC has been blowing warm air since Tuesday and it's 95 out." },
    { speaker: 'agent', text: 'Sorry to hear that. I can get a technician out tomorrow at 9 AM. Does that work?' },
    { speaker: 'caller', text: 'Yes, that works. Thank you!' },
  ],
  transcript_text: [
    'Agent: Thanks for calling Lone Star Heating & Air, this is Ava. How can I help?',
    "Caller: Hi, my AC has been blowing warm air since Tuesday and it's 95 out.",
    'Agent: Sorry to hear that. I can get a technician out tomorrow at 9 AM. Does that work?',
    'Caller: Yes, that works. Thank you!',
  ].join('\n'),
  transcript_file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/call-call_01HXK2V8Q4M7-transcript.txt',
  caller_first_name: 'John',
  caller_last_name: 'Smith',
};

export const missedCallSample: CallOutput = {
  id: 'call_01HXK4B2R9T1',
  caller_name: 'Linda Park',
  phone_number: '+15559876543',
  timestamp: '2026-04-11T18:05:00Z',
  duration_seconds: 0,
  status: 'missed',
  call_type: 'inbound',
  summary: 'Missed call: the caller hung up before the receptionist answered.',
  transcript: [],
  transcript_text: '',
  transcript_file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/call-call_01HXK4B2R9T1-transcript.txt',
  caller_first_name: 'Linda',
  caller_last_name: 'Park',
};

export const leadSample: LeadOutput = {
  id: 'lead_01HXL3A7PD2N',
  name: 'Maria Garcia',
  phone_number: '+15552223333',
  email: 'maria.garcia@example.com',
  address: '123 Main St, Austin, TX',
  service_needed: 'AC Installation',
  urgency_level: 'high',
  source: 'inbound_call',
  status: 'new',
  created_at: '2026-04-11T14:35:00Z',
  first_name: 'Maria',
  last_name: 'Garcia',
  address_street: '123 Main St',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '',
};

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
  // A Zap in America/Chicago with an Appointment Length of 60 minutes.
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

export const statsSample: Stats = {
  total_calls_today: 12,
  total_calls_this_week: 67,
  total_calls_this_month: 248,
  missed_calls_today: 0,
  average_call_duration_seconds: 184,
  total_leads_captured: 15,
  total_bookings: 10,
  busiest_hour: '14:00 UTC',
  response_time_average_seconds: 12,
};
