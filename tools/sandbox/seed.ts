// Deterministic seed data for the sandbox: an HVAC business in Austin, TX, on one busy week.
// Written out, not built from the samples: those load zapier-platform-core, which must load after the Zap
// session points its file stash at the stand-in. The e2e suite checks every answer against the contract.
import type { Booking } from '../../lib/bookings';
import type { CallDetail } from '../../lib/calls';
import type { Lead } from '../../lib/leads';
import type { ApiSchemas } from '../../lib/http/api';

type TranscriptTurn = ApiSchemas['TranscriptTurn'];

interface Person {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export const PEOPLE: readonly Person[] = [
  ['John Smith', '1234567', '123 Main St, Austin, TX'],
  ['Maria Garcia', '2223333', '88 Lamar Blvd, Austin, TX'],
  ['David Lee', '4445555', '456 Oak Ave, Austin, TX'],
  ['Linda Park', '9876543', '12 Cedar Ln, Round Rock, TX'],
  ['Priya Shah', '7778888', '789 Pecan St, Round Rock, TX'],
  ['Carlos Ramirez', '3104411', '5 Riverside Dr, Austin, TX'],
  ['Emily Johnson', '6207788', '301 Congress Ave, Austin, TX'],
  ['Michael Brown', '8812233', '47 Barton Springs Rd, Austin, TX'],
  ['Sarah Wilson', '5550199', '920 Guadalupe St, Austin, TX'],
  ['James Taylor', '7301122', '16 Mesa Dr, Cedar Park, TX'],
  ['Aisha Khan', '4419090', '73 Manor Rd, Austin, TX'],
  ['Robert Chen', '2086767', '2400 S 1st St, Austin, TX'],
].map(([name = '', local = '', address = '']) => ({
  name,
  phone: `+1555${local}`,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
  address,
}));

const SERVICES = [
  'AC Repair',
  'AC Installation',
  'Furnace Repair',
  'HVAC Maintenance',
  'Duct Cleaning',
  'Thermostat Installation',
] as const;

const ISSUES: Record<(typeof SERVICES)[number], string> = {
  'AC Repair': 'my AC is blowing warm air',
  'AC Installation': 'I need a quote for a new AC unit',
  'Furnace Repair': 'the furnace makes a banging noise',
  'HVAC Maintenance': 'I want to schedule the annual tune-up',
  'Duct Cleaning': 'the vents are dusty and smell musty',
  'Thermostat Installation': 'I bought a smart thermostat and need it installed',
};

/** The newest seeded moment; seed timestamps count back from it. */
export const SEED_NOW = Date.parse('2026-04-11T21:00:00Z');
const HOUR = 3_600_000;

const iso = (time: number) => new Date(time).toISOString().replace('.000Z', 'Z');
const at = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

export const conversation = (person: Person, service: (typeof SERVICES)[number]): TranscriptTurn[] => [
  { speaker: 'agent', text: 'Thanks for calling Lone Star Heating & Air, this is Ava. How can I help you today?' },
  { speaker: 'caller', text: `Hi, this is ${person.name}. ${ISSUES[service]}.` },
  { speaker: 'agent', text: 'I can help with that. What is the address of the property?' },
  { speaker: 'caller', text: person.address },
  { speaker: 'agent', text: 'Thank you. A technician can come out tomorrow morning. Shall I book that for you?' },
  { speaker: 'caller', text: 'Yes please, that would be great.' },
  { speaker: 'agent', text: 'You are all set. You will get a text confirmation shortly. Anything else?' },
  { speaker: 'caller', text: 'No, that is all. Thanks!' },
];

export const voicemail = (person: Person, service: (typeof SERVICES)[number]): TranscriptTurn[] => [
  { speaker: 'caller', text: `Hi, this is ${person.name} about ${service.toLowerCase()}. Please call me back.` },
];

/** A call with `status` `completed` (a conversation) or `missed` (a voicemail). */
export const callFor = (index: number, time: number, status: 'completed' | 'missed'): CallDetail => {
  const person = at(PEOPLE, index);
  const service = at(SERVICES, index);
  const missed = status === 'missed';
  return {
    id: `call_01HXSBX${String(index + 1).padStart(4, '0')}`,
    caller_name: person.name,
    phone_number: person.phone,
    timestamp: iso(time),
    duration_seconds: missed ? 0 : 95 + ((index * 37) % 240),
    status,
    call_type: 'inbound',
    summary: missed
      ? `Missed call from ${person.name}; voicemail about ${service.toLowerCase()}.`
      : `${person.name} called about ${service.toLowerCase()}: ${ISSUES[service]}. Visit booked.`,
    transcript: missed ? voicemail(person, service) : conversation(person, service),
  };
};

export const leadFor = (index: number, time: number): Lead => {
  const person = at(PEOPLE, index);
  return {
    id: `lead_01HXSBX${String(index + 1).padStart(4, '0')}`,
    name: person.name,
    phone_number: person.phone,
    email: person.email,
    address: person.address,
    service_needed: at(SERVICES, index),
    urgency_level: at(['high', 'medium', 'low'] as const, index),
    source: 'inbound_call',
    status: index < 3 ? 'new' : 'contacted',
    created_at: iso(time),
  };
};

export const bookingFor = (index: number, time: number, status: Booking['status'] = 'confirmed'): Booking => {
  const person = at(PEOPLE, index);
  const day = new Date(time + 24 * HOUR + (index % 5) * 24 * HOUR);
  return {
    id: `book_01HXSBX${String(index + 1).padStart(4, '0')}`,
    customer_name: person.name,
    phone_number: person.phone,
    service_type: at(SERVICES, index),
    scheduled_date: day.toISOString().slice(0, 10),
    scheduled_time: at(['08:00', '09:30', '11:00', '13:30', '15:00'], index),
    address: person.address,
    notes: `${at(SERVICES, index)} for ${person.name.split(' ')[0] ?? person.name}; gate code 4412.`,
    status,
    created_at: iso(time),
  };
};

export interface SeedData {
  calls: CallDetail[];
  leads: Lead[];
  bookings: Booking[];
}

/** Every fourth call is missed. */
const callStatus = (index: number) => (index % 4 === 3 ? 'missed' : 'completed');

/** 24 calls (6 missed, each with a voicemail transcript), 12 leads, 12 bookings (3 cancelled). */
export const seed = (): SeedData => ({
  // Four calls a day over six days, in business hours (Austin is UTC-5 in April).
  calls: Array.from({ length: 24 }, (_, i) =>
    callFor(i, SEED_NOW - Math.floor(i / 4) * 24 * HOUR - (i % 4) * 2 * HOUR - i * 60_000, callStatus(i)),
  ),
  leads: Array.from({ length: 12 }, (_, i) => leadFor(i, SEED_NOW - i * 9 * HOUR + 5 * 60_000)),
  bookings: Array.from({ length: 12 }, (_, i) =>
    bookingFor(i, SEED_NOW - i * 9 * HOUR + 7 * 60_000, i === 4 ? 'canceled' : i % 5 === 2 ? 'cancelled' : 'confirmed'),
  ),
});

/** `count` generated records, newest first a minute apart: for scale tests and benchmarks. */
export const generated = {
  calls: (count: number) => Array.from({ length: count }, (_, i) => callFor(i, SEED_NOW - i * 60_000, callStatus(i))),
  leads: (count: number) => Array.from({ length: count }, (_, i) => leadFor(i, SEED_NOW - i * 60_000)),
  bookings: (count: number, upcoming = 0) =>
    Array.from({ length: count }, (_, i) =>
      bookingFor(i, (i < upcoming ? Date.now() : SEED_NOW) - i * 60_000, i % 5 === 2 ? 'cancelled' : 'confirmed'),
    ),
};
