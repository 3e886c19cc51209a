import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';

import { splitAddress } from './addresses';

import { fetchList, fetchOptionalRecordById, fetchRecord, fetchRecordById, isSafePathSegment } from './api';
import { appointmentLength, appointmentLengthField, appointmentTimes } from './appointment';
import { hasId, withTextId, type Identified } from './guards';
import type {
  AddressOutput,
  Booking,
  BookingOutput,
  Call,
  CallOutput,
  Lead,
  LeadOutput,
  Stats,
  TranscriptTurn,
} from './models';
import { splitName } from './names';
import {
  bookingApiFields,
  bookingOutputFields,
  callApiFields,
  callOutputFields,
  leadApiFields,
  leadOutputFields,
} from './output-fields';
import { sortNewestFirst, uniqueById } from './records';
import { transcriptText } from './transcript';
import { transcriptFile } from './transcript-file';

/** A NeverMiss record type: where it lives in the API, what a whole record holds, and how it is output. */
export interface Resource<Api extends { id: string }, Output extends Record<string, unknown>> {
  noun: string;
  /** Path of the list endpoint; records are at `<path>/{id}`. */
  path: string;
  /** The field that dates a record, for newest-first order. */
  timestampField: keyof Api & string;
  listParams?: Record<string, number>;
  /** How many listed records a sample completes with one request each (the list lacks some fields). */
  sampleCompletions?: number;
  /** Every field `GET <path>/{id}` returns: a delivered record lacking one is fetched whole. */
  apiFields: readonly { key: string }[];
  /** The API's fields unchanged, plus derived ones. */
  toOutput: (record: Api, context: OutputContext) => Output;
  outputFields: PlainOutputField[];
  /** Options that shape the output, not which records: on every trigger and search of the resource. */
  outputOptionFields?: PlainInputField[];
}

/** What shapes an output besides the record: the Zap's time zone, the user's output options, and `z` for lazy files. */
export interface OutputContext {
  /** Makes lazy files (`z.dehydrateFile`): no request at output time. */
  z: ZObject;
  /** `bundle.meta.timezone` (IANA); undefined outside a Zap. */
  timeZone: string | undefined;
  appointmentLengthMinutes: number | undefined;
}

/** The run's output context; a bad option is a clear error before any request. */
export const outputContext = (z: ZObject, bundle: Bundle): OutputContext => {
  // `bundle.meta` is absent when an operation runs outside a Zap (the app tester).
  const timeZone = (bundle.meta as Partial<Bundle['meta']> | undefined)?.timezone;
  return {
    z,
    timeZone: typeof timeZone === 'string' && timeZone.trim() !== '' ? timeZone.trim() : undefined,
    appointmentLengthMinutes: appointmentLength(bundle.inputData[appointmentLengthField.key]),
  };
};

const addressParts = (address: unknown): AddressOutput => {
  const { street, city, state, postal_code } = splitAddress(address);
  return { address_street: street, address_city: city, address_state: state, address_postal_code: postal_code };
};

/** A call from `GET /calls` lacks its transcript; one from `GET /calls/{id}` or a delivery has it. */
export type CallRecord = Call & { transcript?: TranscriptTurn[] };

export const calls: Resource<CallRecord, CallOutput> = {
  noun: 'Call',
  path: 'calls',
  timestampField: 'timestamp',
  listParams: { limit: 100 },
  sampleCompletions: 3,
  apiFields: callApiFields,
  toOutput: (call, { z }) => {
    const transcript = Array.isArray(call.transcript) ? call.transcript : [];
    const name = splitName(call.caller_name);
    return {
      ...call,
      transcript,
      // From call.transcript, not the list above: a transcript delivered as text keeps its text.
      transcript_text: transcriptText(call.transcript),
      transcript_file: transcriptFile(z, call.id),
      caller_first_name: name.first,
      caller_last_name: name.last,
    };
  },
  outputFields: callOutputFields,
};

export const leads: Resource<Lead, LeadOutput> = {
  noun: 'Lead',
  path: 'leads',
  timestampField: 'created_at',
  apiFields: leadApiFields,
  toOutput: (lead) => {
    const name = splitName(lead.name);
    return { ...lead, first_name: name.first, last_name: name.last, ...addressParts(lead.address) };
  },
  outputFields: leadOutputFields,
};

export const bookings: Resource<Booking, BookingOutput> = {
  noun: 'Booking',
  path: 'bookings',
  timestampField: 'created_at',
  apiFields: bookingApiFields,
  toOutput: (booking, { timeZone, appointmentLengthMinutes }) => {
    const name = splitName(booking.customer_name);
    return {
      ...booking,
      customer_first_name: name.first,
      customer_last_name: name.last,
      ...addressParts(booking.address),
      ...appointmentTimes(booking.scheduled_date, booking.scheduled_time, timeZone, appointmentLengthMinutes),
    };
  },
  outputFields: bookingOutputFields,
  outputOptionFields: [appointmentLengthField],
};

/** The most records an operation returns. */
const MAX_RECORDS = 100;

/**
 * One request to the list endpoint: the records with an id that `keep` keeps, newest first, each id
 * once (the newest of a repeated one), at most MAX_RECORDS. Filtered before sorting, so a search that
 * matches a few of 100,000 records sorts a few.
 */
export const listRecords = async <Api extends { id: string }, Output extends Record<string, unknown>>(
  z: ZObject,
  resource: Resource<Api, Output>,
  keep: (record: Api) => boolean = () => true,
): Promise<Api[]> => {
  const items = await fetchList<unknown>(z, {
    path: [resource.path],
    ...(resource.listParams ? { params: resource.listParams } : {}),
  });
  const records = (items.filter(hasId).map(withTextId) as unknown as Api[]).filter(keep);
  return uniqueById(sortNewestFirst(records, resource.timestampField)).slice(0, MAX_RECORDS);
};

const isComplete = (record: Identified, apiFields: readonly { key: string }[]): boolean =>
  apiFields.every(({ key }) => key in record);

/** The record whole: as it is when it has every field, otherwise fetched with one `GET <path>/{id}`. */
export const completeRecord = async <Api extends { id: string }, Output extends Record<string, unknown>>(
  z: ZObject,
  resource: Resource<Api, Output>,
  record: Identified,
): Promise<Api> =>
  isComplete(record, resource.apiFields)
    ? (record as unknown as Api)
    : fetchRecordById<Api>(z, resource.path, record.id);

/** One `GET <path>/{id}`; a 404 is an answer: undefined. An id no record can have (`..`) needs no request. */
export const findRecordById = async <Api extends { id: string }, Output extends Record<string, unknown>>(
  z: ZObject,
  resource: Resource<Api, Output>,
  id: string,
): Promise<Api | undefined> => (isSafePathSegment(id) ? fetchOptionalRecordById<Api>(z, resource.path, id) : undefined);

/** `GET /stats`: the account's figures; also the cheapest authenticated request. */
export const fetchStats = (z: ZObject): Promise<Stats> => fetchRecord<Stats>(z, { path: ['stats'] });
