import {
  errors,
  type BasicSearchOperation,
  type PlainInputField,
  type SearchPerform,
  type Trigger,
} from 'zapier-platform-core';

import { normalisePhone } from './formats/phone';
import { trimmedLowerCase, withoutPastedPadding } from './formats/text';
import type { PlainObject } from './guards';
import { findRecordById, fullRecord, listRecords, outputFor, type RecordType } from './record-type';

/** One way to find a record besides its id: an input field and how a record matches it. */
export interface Criterion<Api> {
  field: PlainInputField & { key: string; label: string };
  /** The input normalised for matching; throws an `errors.Error` for input that can never match. */
  parse: (input: string) => string;
  matches: (record: Api, parsed: string) => boolean;
}

type FieldOf<Api> = keyof Api & string;

const textOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Exact, ignoring case, surrounding spaces and doubled spaces (names, emails). */
export const textCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => {
  const normalised = (value: unknown) => trimmedLowerCase(value).replace(/\s+/g, ' ');
  return { field, parse: normalised, matches: (record, parsed) => normalised(record[recordField]) === parsed };
};

/** Equal once both numbers are normalised (see `normalisePhone`). */
export const phoneCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => ({
  field,
  parse: (input) => {
    const parsed = normalisePhone(input);
    if (parsed === '') {
      throw new errors.Error(`${field.label} must contain digits; got "${input}".`, 'invalid_input');
    }
    return parsed;
  },
  matches: (record, parsed) => normalisePhone(textOrEmpty(record[recordField])) === parsed,
});

/** The Phone Number input every search has, matched against the record's `phone_number`. */
export const phoneNumberCriterion = <Api extends { phone_number: string }>(whose: string): Criterion<Api> =>
  phoneCriterion<Api>(
    {
      key: 'phone_number',
      label: 'Phone Number',
      helpText: `The ${whose}’s phone number, in any format: "(555) 123-4567", "555-123-4567" or "+15551234567". Numbers without a country code are read as US/Canada.`,
    },
    'phone_number',
  );

/** True for a `YYYY-MM-DD` that names a real day (not 2026-02-30). */
const isCalendarDate = (date: string): boolean => {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
};

/** A calendar date, `YYYY-MM-DD`; a mapped date-time (`2026-04-15T09:00:00Z`) counts by its date part. */
export const dateCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => ({
  field,
  parse: (input) => {
    const date = /^\d{4}-\d{2}-\d{2}(?=$|[T ])/.exec(input)?.[0];
    if (date === undefined || !isCalendarDate(date)) {
      throw new errors.Error(
        `${field.label} must be a date in the form YYYY-MM-DD, e.g. 2026-04-15; got "${input}".`,
        'invalid_input',
      );
    }
    return date;
  },
  matches: (record, parsed) => textOrEmpty(record[recordField]).trim() === parsed,
});

/** What a search for one record type declares besides its key and display. */
export interface RecordSearchOptions<Api extends { id: string }, Output extends PlainObject, OutputOptions> {
  recordType: RecordType<Api, Output, OutputOptions>;
  sample: Output;
  /** The hidden trigger whose records fill the ID dropdown. */
  dropdown: Trigger;
  criteria: Criterion<Api>[];
}

/** A mapped value as text: Zapier may pass numbers; anything else counts as not given. */
const inputText = (value: unknown): string =>
  typeof value === 'string' ? withoutPastedPadding(value) : typeof value === 'number' ? String(value) : '';

/**
 * The operation of a search (`defineSearch`) for one record type: by id (one `GET <path>/{id}`, a 404
 * is "nothing found") or by the other criteria (one request to the list endpoint, filtered here,
 * newest first). Every given criterion must match. The first result is in full: a listed call is
 * fetched again with its transcript.
 */
export const recordSearchOperation = <Api extends { id: string }, Output extends PlainObject, OutputOptions>(
  options: RecordSearchOptions<Api, Output, OutputOptions>,
): BasicSearchOperation => {
  const { recordType, criteria } = options;
  const { noun } = recordType;
  const idField = {
    key: 'id',
    label: `${noun} ID`,
    required: false,
    dynamic: `${options.dropdown.key}.id.label`,
    helpText: `Pick a recent ${noun.toLowerCase()}, or map the ${noun} ID from an earlier step (e.g. a NeverMiss trigger). Leave it empty to search by the fields below.`,
  } satisfies PlainInputField;
  const labels = [idField.label, ...criteria.map(({ field }) => field.label)];

  const perform: SearchPerform<PlainObject, Output> = async (z, bundle) => {
    const id = inputText(bundle.inputData.id);
    const given = criteria
      .map((criterion) => ({ criterion, input: inputText(bundle.inputData[criterion.field.key]) }))
      .filter(({ input }) => input !== '')
      .map(({ criterion, input }) => ({ criterion, parsed: criterion.parse(input) }));
    if (id === '' && given.length === 0) {
      throw new z.errors.Error(`Fill in at least one of: ${labels.join(', ')}.`, 'invalid_input');
    }
    const toOutput = outputFor(z, bundle, recordType);

    const matchesAll = (record: Api) => given.every(({ criterion, parsed }) => criterion.matches(record, parsed));
    const found = id !== '' ? await findRecordById(z, recordType, id) : undefined;
    const matches =
      id !== '' ? (found && matchesAll(found) ? [found] : []) : await listRecords(z, recordType, matchesAll);
    const [first, ...rest] = matches;
    if (first === undefined) return [];
    return [await fullRecord(z, recordType, first), ...rest].map(toOutput);
  };

  return {
    inputFields: [
      idField,
      ...criteria.map(({ field }) => ({ required: false, ...field })),
      ...(recordType.outputOptions?.inputFields ?? []),
    ],
    // See docs/integration-checks.md: a blank input is "not given", wherever it comes from.
    cleanInputData: true,
    perform,
    outputFields: recordType.outputFields,
    sample: options.sample,
  };
};
