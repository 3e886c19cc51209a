// Leads: the API's shape, what the app outputs for one (name and address split), its output fields,
// sample and dropdown label.
import type { PlainOutputField } from 'zapier-platform-core';

import { addressOutput, addressOutputFields, type AddressOutput } from './formats/addresses';
import { prettyTimestamp } from './formats/local-time';
import { splitName } from './formats/names';
import { dropdownLabel, dropdownTime } from './dropdown';
import type { ApiSchemas } from './http/api';
import { outputFieldOf, type RecordType } from './record-type';

export type Lead = ApiSchemas['Lead'];

export type LeadOutput = Lead &
  AddressOutput & {
    /** `created_at` as people read it in the Zap's time zone. */
    created_at_pretty: string | null;
    /** `name` split; empty when it does not read as one person's name. */
    first_name: string;
    last_name: string;
  };

const field = outputFieldOf<LeadOutput>();

/** The fields `GET /leads/{id}` returns. */
const leadApiFields = [
  field('id', 'Lead ID'),
  field('name', 'Name'),
  field('phone_number', 'Phone Number'),
  field('email', 'Email'),
  field('address', 'Address'),
  field('service_needed', 'Service Needed'),
  field('urgency_level', 'Urgency Level'),
  field('source', 'Source'),
  field('status', 'Lead Status'),
  field('created_at', 'Created At', 'datetime'),
] as const satisfies readonly (PlainOutputField & { key: keyof Lead })[];

/** Leads as New Lead, Find Lead and the Lead ID dropdown read and output them. */
export const leads: RecordType<Lead, LeadOutput> = {
  noun: 'Lead',
  path: 'leads',
  timestampField: 'created_at',
  apiFields: leadApiFields,
  toOutput: (lead, { timeZone }) => {
    const name = splitName(lead.name);
    return {
      ...lead,
      created_at_pretty: prettyTimestamp(lead.created_at, timeZone),
      first_name: name.first,
      last_name: name.last,
      ...addressOutput(lead.address),
    };
  },
  outputFields: [
    ...leadApiFields,
    field('created_at_pretty', 'Created At (Readable)'),
    field('first_name', 'First Name'),
    field('last_name', 'Last Name'),
    ...addressOutputFields,
  ],
  labelInDropdown: (lead) =>
    dropdownLabel(lead.name, lead.phone_number, lead.service_needed, dropdownTime(lead.created_at)),
};

/** A realistic output for Zapier's editor, exactly as the app outputs a lead (a Zap in America/Chicago). */
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
  created_at_pretty: 'Sat, Apr 11, 2026, 9:35 AM CDT',
  first_name: 'Maria',
  last_name: 'Garcia',
  address_street: '123 Main St',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '',
};
