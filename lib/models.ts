// Typed shapes of the NeverMiss REST API (the contract: openapi/nevermiss.yaml).
// Type aliases, not interfaces: records must be assignable to the `Record<string, unknown>` Zapier types expect.

/** Envelope of every single-record response. */
export type ApiRecordEnvelope<T> = {
  data: T;
};

/** Envelope of every list response. */
export type ApiListEnvelope<T> = {
  data: T[];
  count: number;
};

/** Documented error body. */
export type ApiErrorBody = {
  error: {
    status: number;
    message: string;
  };
};

export type TranscriptTurn = {
  speaker: 'agent' | 'caller';
  text: string;
};

/** A call as `GET /calls` lists it. */
export type Call = {
  id: string;
  caller_name: string;
  phone_number: string;
  timestamp: string;
  duration_seconds: number;
  /** `completed`, or `missed` for a call nobody answered. */
  status: string;
  call_type: string;
  summary: string;
};

/** A call as `GET /calls/{id}` returns it. */
export type CallDetail = Call & {
  transcript: TranscriptTurn[];
};

export type Lead = {
  id: string;
  name: string;
  phone_number: string;
  email: string;
  address: string;
  service_needed: string;
  urgency_level: string;
  source: string;
  status: string;
  created_at: string;
};

export type Booking = {
  id: string;
  customer_name: string;
  phone_number: string;
  service_type: string;
  /** `YYYY-MM-DD`, the business's local date. */
  scheduled_date: string;
  /** `HH:mm`, the business's local time. */
  scheduled_time: string;
  address: string;
  notes: string;
  /** `confirmed`, or `cancelled` (also spelled `canceled`). */
  status: string;
  created_at: string;
};

export type Stats = {
  total_calls_today: number;
  total_calls_this_week: number;
  total_calls_this_month: number;
  missed_calls_today: number;
  average_call_duration_seconds: number;
  total_leads_captured: number;
  total_bookings: number;
  busiest_hour: string;
  response_time_average_seconds: number;
};

export type WebhookEvent = 'new_call' | 'missed_call' | 'new_lead' | 'new_booking' | 'booking_cancelled';

/** Body of `POST /webhooks`. */
export type WebhookSubscription = {
  url: string;
  events: WebhookEvent[];
};

/** A registered webhook, as `POST /webhooks` returns it. */
export type Webhook = {
  id: string;
  url: string;
  events: WebhookEvent[];
  created_at: string;
  api_key_suffix: string;
};

/** Answer of `DELETE /webhooks/{id}`. */
export type WebhookDeletion = {
  id: string;
  deleted: boolean;
};

// What the integration outputs: the API's fields unchanged, plus fields derived to save a Formatter step.

/** A one-line address split into its parts; all empty when it does not read as a US address. */
export type AddressOutput = {
  address_street: string;
  address_city: string;
  address_state: string;
  address_postal_code: string;
};

export type CallOutput = CallDetail & {
  /** The transcript as plain text, one turn a line: "Agent: …" / "Caller: …". */
  transcript_text: string;
  /** The transcript as a text file, made only when a later step uses it; null for an id no request can serve. */
  transcript_file: string | null;
  /** `caller_name` split; empty when it does not read as one person's name. */
  caller_first_name: string;
  caller_last_name: string;
};

export type LeadOutput = Lead &
  AddressOutput & {
    /** `name` split; empty when it does not read as one person's name. */
    first_name: string;
    last_name: string;
  };

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
