import type { Bundle, ZObject } from 'zapier-platform-core';

import { bookings, bookingSample, cancelledBookingSample, type BookingOutput } from '../../lib/bookings';
import { calls, callSample, missedCallSample, type CallOutput } from '../../lib/calls';
import { leads, leadSample, type LeadOutput } from '../../lib/leads';
import { outputContext, outputFor, type OutputContext } from '../../lib/record-type';
import { booking, callDetail, lead } from '../fixtures';

const bundleWith = (extra: object) => ({ inputData: {}, ...extra }) as unknown as Bundle;
/** Only `dehydrateFile` is used at output time; the real pointer is pinned by the trigger and search tests. */
const z = {
  dehydrateFile: (_hydrator: unknown, inputData: { callId: string }) => `pointer to ${inputData.callId}`,
} as unknown as ZObject;
const noZone: OutputContext = { z, timeZone: undefined };
const noLength = { appointmentLengthMinutes: undefined };

describe('outputContext', () => {
  it.each([
    ['no meta (a run outside a Zap)', {}, undefined],
    ['meta without a time zone', { meta: { isLoadingSample: true } }, undefined],
    ['a null time zone', { meta: { timezone: null } }, undefined],
    ['a blank time zone', { meta: { timezone: '  ' } }, undefined],
    ['the Zap’s time zone', { meta: { timezone: ' America/Chicago ' } }, 'America/Chicago'],
  ])('reads %s as the time zone %j', (_case, extra, timeZone) => {
    expect(outputContext(z, bundleWith(extra))).toEqual({ z, timeZone });
  });
});

describe('outputFor: a record type’s options, read once before any request', () => {
  it('reads the appointment length the user gave into every booking’s output, and refuses a bad one', () => {
    const record = booking();
    const toOutput = outputFor(z, bundleWith({ inputData: { appointment_length_minutes: '45' } }), bookings);
    expect(toOutput(record)).toMatchObject({
      scheduled_start: '2026-04-15T09:00:00+00:00',
      scheduled_end: '2026-04-15T09:45:00+00:00',
    });
    expect(() => outputFor(z, bundleWith({ inputData: { appointment_length_minutes: '-5' } }), bookings)).toThrow(
      'The Appointment Length \\"-5\\" is not a whole number of minutes',
    );
  });

  it('gives every output field, null where the record has no value: a sample key is in every output', () => {
    const toOutput = outputFor(z, bundleWith({}), bookings);
    const output = toOutput({ id: 'book_1' } as ReturnType<typeof booking>);
    expect(Object.keys(output).sort()).toEqual(bookings.outputFields.map(({ key }) => key).sort());
    expect(output).toMatchObject({ id: 'book_1', customer_name: null, scheduled_start: null, scheduled_end: null });
    // A field NeverMiss adds that the contract does not name yet is kept.
    expect(toOutput({ ...booking(), technician: 'Sam' } as ReturnType<typeof booking>)).toMatchObject({
      technician: 'Sam',
    });
  });

  it('gives a record type without options none', () => {
    const toOutput = outputFor(z, bundleWith({ inputData: { appointment_length_minutes: '-5' } }), leads);
    expect(toOutput(lead())).toMatchObject({ id: lead().id });
  });
});

describe('toOutput: the API’s fields unchanged, plus the derived ones', () => {
  it('calls: the caller’s name split, and the transcript file as a pointer', () => {
    const record = callDetail({ caller_name: 'Dr. Linda Park' });
    expect(calls.toOutput(record, noZone, undefined)).toMatchObject({
      ...record,
      timestamp_pretty: 'Sat, Apr 11, 2026, 2:30 PM UTC',
      transcript_file: `pointer to ${record.id}`,
      caller_first_name: 'Linda',
      caller_last_name: 'Park',
    } satisfies Partial<CallOutput>);
  });

  it('leads: the name and the address split', () => {
    const record = lead({ name: 'Cher', address: 'somewhere near the lake' });
    expect(leads.toOutput(record, noZone, undefined)).toEqual({
      ...record,
      created_at_pretty: 'Sat, Apr 11, 2026, 2:30 PM UTC',
      first_name: 'Cher',
      last_name: '',
      address_street: '',
      address_city: '',
      address_state: '',
      address_postal_code: '',
    } satisfies LeadOutput);
  });

  it('bookings: name, address, and start and end in the Zap’s time zone', () => {
    const record = booking({ scheduled_date: '2026-01-15', scheduled_time: '16:30' });
    expect(bookings.toOutput(record, { z, timeZone: 'America/Chicago' }, { appointmentLengthMinutes: 90 })).toEqual({
      ...record,
      created_at_pretty: 'Sat, Apr 11, 2026, 9:30 AM CDT',
      customer_first_name: 'David',
      customer_last_name: 'Lee',
      address_street: '123 Main St',
      address_city: 'Austin',
      address_state: 'TX',
      address_postal_code: '',
      scheduled_start: '2026-01-15T16:30:00-06:00',
      scheduled_start_pretty: 'Thu, Jan 15, 2026, 4:30 PM CST',
      scheduled_end: '2026-01-15T18:00:00-06:00',
      scheduled_end_pretty: 'Thu, Jan 15, 2026, 6:00 PM CST',
    } satisfies BookingOutput);
    expect(bookings.toOutput(record, noZone, noLength)).toMatchObject({
      scheduled_end: null,
      scheduled_end_pretty: null,
    });
  });

  // The samples are what the app outputs for their API part, in a Zap in America/Chicago with a 60-minute length;
  // a sample's transcript_file is the file's address, as Zapier shows it once the pointer is hydrated.
  it.each([
    ['the call sample', calls, callSample],
    ['the missed call sample', calls, missedCallSample],
    ['the lead sample', leads, leadSample],
    ['the booking sample', bookings, bookingSample],
    ['the cancelled booking sample', bookings, cancelledBookingSample],
  ] as const)('%s is the output of its API part', (_case, resource, sample) => {
    const apiPart = Object.fromEntries(resource.apiFields.map(({ key }) => [key, sample[key as keyof typeof sample]]));
    const toOutput = resource.toOutput as (
      record: unknown,
      context: OutputContext,
      options: unknown,
    ) => Record<string, unknown>;
    const output = toOutput(apiPart, { z, timeZone: 'America/Chicago' }, { appointmentLengthMinutes: 60 });
    const hydrated = 'transcript_file' in sample ? { transcript_file: sample.transcript_file } : {};
    expect({ ...output, ...hydrated }).toEqual(sample);
  });
});
