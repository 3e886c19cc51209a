import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';

import { instantOfTimestamp } from './formats/local-time';
import { hasId, withTextId, type Identified, type PlainObject } from './guards';
import { fetchList, fetchOptionalRecordById, fetchRecordById, isSafePathSegment } from './http/api';

/** What shapes every output besides the record: the Zap's time zone, and `z` for lazy files. */
export interface OutputContext {
  /** Makes lazy files (`z.dehydrateFile`): no request at output time. */
  z: ZObject;
  /** `bundle.meta.timezone` (IANA); undefined outside a Zap. */
  timeZone: string | undefined;
}

/** Inputs that shape a record type's output, not which records: on every trigger and search of the type. */
export interface OutputOptions<Options> {
  inputFields: readonly PlainInputField[];
  /** The options the user gave; throws a clear error for a bad one, before any request. */
  read: (inputData: Bundle['inputData']) => Options;
}

/**
 * A NeverMiss record type (calls, leads, bookings): where it lives in the API, what a full record
 * holds, how it is output and how a dropdown shows it. Each is declared in its own module.
 */
export interface RecordType<Api extends { id: string }, Output extends PlainObject, Options = undefined> {
  noun: string;
  /** Path of the list endpoint; records are at `<path>/{id}`. */
  path: string;
  /** The field that dates a record, for newest-first order. */
  timestampField: keyof Api & string;
  /** The list endpoint's query parameter for how many records to answer (`/calls?limit=`); none answers all. */
  limitParam?: string;
  /** How many listed records a sample fetches in full (a listed call lacks its transcript). */
  fullRecordsInSample?: number;
  /** Every field `GET <path>/{id}` returns: a delivered record lacking one is fetched in full. */
  apiFields: readonly { key: string }[];
  /** The API's fields unchanged, plus derived ones. */
  toOutput: (record: Api, context: OutputContext, options: Options) => Output;
  outputFields: PlainOutputField[];
  outputOptions?: OutputOptions<Options>;
  /** What a dropdown shows for a record, e.g. "John Smith · +15551234567 · 2026-04-11 14:30 UTC". */
  labelInDropdown: (record: Api) => string;
}

/** The Zap's time zone (IANA); undefined outside a Zap (the app tester: no `bundle.meta`) or when Zapier gives none. */
export const zapTimeZone = (bundle: Bundle): string | undefined => {
  const timeZone = (bundle.meta as Partial<Bundle['meta']> | undefined)?.timezone;
  return typeof timeZone === 'string' && timeZone.trim() !== '' ? timeZone.trim() : undefined;
};

/** The run's output context. */
export const outputContext = (z: ZObject, bundle: Bundle): OutputContext => ({ z, timeZone: zapTimeZone(bundle) });

/**
 * Every output field's key, null where the record has no value for it: a key of the sample is in every
 * output (Zapier's T004), whether NeverMiss left a field out, a record is output as delivered, or a derived
 * field cannot be derived.
 */
export const withEveryOutputField = <Output extends PlainObject>(
  outputFields: readonly PlainOutputField[],
  output: Output,
): Output => {
  for (const { key } of outputFields) if (!(key in output)) (output as PlainObject)[key] = null;
  return output;
};

/** The run's record → output function; a bad output option is a clear error here, before any request. */
export const outputFor = <Api extends { id: string }, Output extends PlainObject, Options>(
  z: ZObject,
  bundle: Bundle,
  recordType: RecordType<Api, Output, Options>,
): ((record: Api) => Output) => {
  const context = outputContext(z, bundle);
  // A record type without output options declares `Options` as undefined.
  const options = recordType.outputOptions?.read(bundle.inputData) as Options;
  return (record) => withEveryOutputField(recordType.outputFields, recordType.toOutput(record, context, options));
};

/**
 * Newest first by `field`; records without a usable timestamp go last, in their original order.
 * Each timestamp is parsed once, so a list of 100,000 records costs one parse per record.
 */
export const sortNewestFirst = <T extends PlainObject>(records: readonly T[], field: string): T[] =>
  records
    .map((record, index) => ({ record, index, time: instantOfTimestamp(record[field]) }))
    // A missing time counts as -Infinity; two of them give NaN, which falls through to the original order.
    .sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || a.index - b.index)
    .map(({ record }) => record);

/** The first record of each id, in order: a delivery that repeats a record yields it once. */
export const uniqueById = <T extends { id: string }>(records: readonly T[]): T[] => {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
};

/** The most records an operation returns, and the size of a dropdown's page. */
const MAX_RECORDS = 100;

/**
 * The records the list endpoint answers that have an id (as text) and that `matches` accepts, as they come:
 * one request, one pass (a list of 100,000 makes no array it does not give). An endpoint with a limit is
 * asked for `wanted` records (the newest, assumed), one without answers all.
 */
export const fetchListedRecords = async <Api extends { id: string }, Output extends PlainObject, Options>(
  z: ZObject,
  recordType: RecordType<Api, Output, Options>,
  { wanted = MAX_RECORDS, matches }: { wanted?: number; matches: (record: Api) => boolean },
): Promise<Api[]> => {
  const items = await fetchList<unknown>(z, {
    path: [recordType.path],
    ...(recordType.limitParam === undefined ? {} : { params: { [recordType.limitParam]: wanted } }),
  });
  const records: Api[] = [];
  for (const item of items) {
    if (!hasId(item)) continue;
    const record = withTextId(item) as unknown as Api;
    if (matches(record)) records.push(record);
  }
  return records;
};

/** Which listed records an operation gives, in what order, and which page of them. */
export interface ListOptions<Api> {
  matches?: (record: Api) => boolean;
  /** The records in the order to give them; newest first by the type's timestamp when not given. */
  order?: (records: Api[]) => Api[];
  /** Zero-based, MAX_RECORDS a page (a dropdown's `bundle.meta.page`). */
  page?: number;
}

/**
 * One request to the list endpoint: the records with an id that `matches` accepts, in order (newest first
 * unless told), each id once (the first of a repeated one), MAX_RECORDS of them: the first page unless told.
 * Filtered before sorting, so a search that matches a few of 100,000 records sorts a few.
 */
export const listRecords = async <Api extends { id: string }, Output extends PlainObject, Options>(
  z: ZObject,
  recordType: RecordType<Api, Output, Options>,
  {
    matches = () => true,
    order = (records) => sortNewestFirst(records, recordType.timestampField),
    page = 0,
  }: ListOptions<Api>,
): Promise<Api[]> => {
  // A page past the first asks a limited endpoint for every record up to its end.
  const records = await fetchListedRecords(z, recordType, { wanted: (page + 1) * MAX_RECORDS, matches });
  return uniqueById(order(records)).slice(page * MAX_RECORDS, (page + 1) * MAX_RECORDS);
};

const hasEveryField = (record: Identified, apiFields: readonly { key: string }[]): boolean =>
  apiFields.every(({ key }) => key in record);

/** The full record: as it is when it has every field, otherwise fetched with one `GET <path>/{id}`. */
export const fullRecord = async <Api extends { id: string }, Output extends PlainObject, Options>(
  z: ZObject,
  recordType: RecordType<Api, Output, Options>,
  record: Identified,
): Promise<Api> =>
  hasEveryField(record, recordType.apiFields)
    ? (record as unknown as Api)
    : fetchRecordById<Api>(z, recordType.path, record.id);

/** One `GET <path>/{id}`; a 404 is an answer: undefined. An id no record can have (`..`) needs no request. */
export const findRecordById = async <Api extends { id: string }, Output extends PlainObject, Options>(
  z: ZObject,
  recordType: RecordType<Api, Output, Options>,
  id: string,
): Promise<Api | undefined> =>
  isSafePathSegment(id) ? fetchOptionalRecordById<Api>(z, recordType.path, id) : undefined;

type FieldType = NonNullable<PlainOutputField['type']>;

/** A labelled, typed output field whose key must be a field of `T`. */
export const outputFieldOf =
  <T>() =>
  <K extends keyof T & string>(
    key: K,
    label: string,
    type: FieldType = 'string',
    extra: Omit<PlainOutputField, 'key' | 'label' | 'type'> = {},
  ): PlainOutputField & { key: K } => ({ ...extra, key, label, type });
