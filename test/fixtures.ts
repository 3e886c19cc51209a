// API-shaped records, as the contract (openapi/nevermiss.yaml) describes them.
import type { Booking, Call, CallDetail, Lead, Stats, Webhook } from '../lib/models';

export const stats: Stats = {
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

export const call = (overrides: Partial<Call> = {}): Call => ({
  id: 'call_01HXK2V8Q4',
  caller_name: 'John Smith',
  phone_number: '+15551234567',
  timestamp: '2026-04-11T14:30:00Z',
  duration_seconds: 184,
  status: 'completed',
  call_type: 'inbound',
  summary: 'Customer called about AC repair; unit blowing warm air since Tuesday.',
  ...overrides,
});

export const callDetail = (overrides: Partial<CallDetail> = {}): CallDetail => ({
  ...call(),
  transcript: [
    { speaker: 'agent', text: 'Thanks for calling Smith & Sons HVAC, how can I help?' },
    { speaker: 'caller', text: 'My AC is blowing warm air.' },
  ],
  ...overrides,
});

export const lead = (overrides: Partial<Lead> = {}): Lead => ({
  id: 'lead_01HXL3A7PD',
  name: 'Maria Garcia',
  phone_number: '+15552223333',
  email: 'maria.garcia@example.com',
  address: '123 Main St, Austin, TX',
  service_needed: 'AC Installation',
  urgency_level: 'high',
  source: 'inbound_call',
  status: 'new',
  created_at: '2026-04-11T14:35:00Z',
  ...overrides,
});

export const booking = (overrides: Partial<Booking> = {}): Booking => ({
  id: 'book_01HXM4A9ZK',
  customer_name: 'David Lee',
  phone_number: '+15554445555',
  service_type: 'HVAC Maintenance',
  scheduled_date: '2026-04-15',
  scheduled_time: '09:00',
  address: '456 Oak Ave, Austin, TX',
  notes: 'Annual AC tune-up',
  status: 'confirmed',
  created_at: '2026-04-11T15:02:00Z',
  ...overrides,
});

export const webhook = (overrides: Partial<Webhook> = {}): Webhook => ({
  id: 'whk_2fc81fd8a1',
  url: 'https://hooks.zapier.com/hooks/standard/123/abc/',
  events: ['new_call'],
  created_at: '2026-04-11T14:00:00Z',
  api_key_suffix: '****1e5f',
  ...overrides,
});

/** What core's `z.dehydrateFile` writes for the transcript file of a call (no signing secret in tests). */
export const transcriptFilePointer = (callId: string): string =>
  `hydrate|||${JSON.stringify({ type: 'file', method: 'hydrators.transcriptFile', bundle: { callId } })}|||hydrate`;
