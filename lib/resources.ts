import type { PlainOutputField, ZObject } from 'zapier-platform-core';

import { fetchList, fetchOptionalRecord, fetchRecord, isSafePathSegment } from './api';
import { hasId, withTextId, type Identified } from './guards';
import type { Booking, BookingOutput, Call, CallOutput, Lead, LeadOutput, Stats, TranscriptTurn } from './models';
import {
  bookingApiFields,
  bookingOutputFields,
  callApiFields,
  callOutputFields,
  leadApiFields,
  leadOutputFields,
} from './output-fields';
import { sortNewestFirst } from './records';
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
  /** The API's fields unchanged, plus derived ones (`z` makes lazy files: no request here). */
  toOutput: (record: Api, z: ZObject) => Output;
  outputFields: PlainOutputField[];
}

/** `YYYY-MM-DDTHH:mm` from a booking's local date and time, or null when either is not in that form. */
export const scheduledStart = (date: unknown, time: unknown): string | null => {
  const day = typeof date === 'string' ? /^\d{4}-\d{2}-\d{2}$/.exec(date.trim()) : null;
  const clock = typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim()) : null;
  if (!day || !clock) return null;
  return `${day[0]}T${String(clock[1]).padStart(2, '0')}:${String(clock[2])}`;
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
  toOutput: (call, z) => {
    const transcript = Array.isArray(call.transcript) ? call.transcript : [];
    return {
      ...call,
      transcript,
      transcript_text: transcriptText(transcript),
      transcript_file: transcriptFile(z, call.id),
    };
  },
  outputFields: callOutputFields,
};

export const leads: Resource<Lead, LeadOutput> = {
  noun: 'Lead',
  path: 'leads',
  timestampField: 'created_at',
  apiFields: leadApiFields,
  toOutput: (lead) => ({ ...lead }),
  outputFields: leadOutputFields,
};

export const bookings: Resource<Booking, BookingOutput> = {
  noun: 'Booking',
  path: 'bookings',
  timestampField: 'created_at',
  apiFields: bookingApiFields,
  toOutput: (booking) => ({
    ...booking,
    scheduled_start: scheduledStart(booking.scheduled_date, booking.scheduled_time),
  }),
  outputFields: bookingOutputFields,
};

/** The most records an operation returns. */
const MAX_RECORDS = 100;

/**
 * One request to the list endpoint: the records with an id that `keep` keeps, newest first, at most
 * MAX_RECORDS. Filtered before sorting, so a search that matches a few of 100,000 records sorts a few.
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
  return sortNewestFirst(records, resource.timestampField).slice(0, MAX_RECORDS);
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
    : fetchRecord<Api>(z, { path: [resource.path, record.id] });

/** One `GET <path>/{id}`; a 404 is an answer: undefined. An id no record can have (`..`) needs no request. */
export const findRecordById = async <Api extends { id: string }, Output extends Record<string, unknown>>(
  z: ZObject,
  resource: Resource<Api, Output>,
  id: string,
): Promise<Api | undefined> =>
  isSafePathSegment(id) ? fetchOptionalRecord<Api>(z, { path: [resource.path, id] }) : undefined;

/** `GET /stats`: the account's figures; also the cheapest authenticated request. */
export const fetchStats = (z: ZObject): Promise<Stats> => fetchRecord<Stats>(z, { path: ['stats'] });
