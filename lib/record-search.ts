import {
  errors,
  type BasicSearchOperation,
  type Bundle,
  type PlainInputField,
  type SearchPerform,
  type Trigger,
} from 'zapier-platform-core';

import { dateInZone, instantOfTimestamp } from './formats/local-time';
import { normalisePhone } from './formats/phone';
import { comparableText, withoutPastedPadding } from './formats/text';
import type { PlainObject } from './guards';
import {
  findRecordById,
  fullRecord,
  listRecords,
  outputFor,
  zapTimeZone,
  type ListOptions,
  type RecordType,
} from './record-type';

/** What a search knows besides its inputs: the Zap's time zone and the time it runs. */
export interface SearchContext {
  timeZone: string | undefined;
  now: number;
}

/** One way to find a record besides its id: an input field and how a record matches it. */
export interface Criterion<Api> {
  field: PlainInputField & { key: string; label: string };
  /** The input normalised for matching; throws an `errors.Error` for input that can never match. */
  parse: (input: string, context: SearchContext) => string;
  matches: (record: Api, parsed: string) => boolean;
}

type FieldOf<Api> = keyof Api & string;

const textOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Exact, as people read text: ignoring case, surrounding and doubled spaces, and how a letter is encoded
 * (an accent typed as one character or as a letter and a combining mark) (names, emails).
 */
export const textCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => {
  const normalised = (value: unknown) => comparableText(value).replace(/\s+/g, ' ');
  return { field, parse: normalised, matches: (record, parsed) => normalised(record[recordField]) === parsed };
};

/** Equal once both numbers are normalised (see `normalisePhone`). */
export const phoneCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => ({
  field,
  parse: (input) => {
    const parsed = normalisePhone(input);
    if (parsed === '') {
      throw new errors.Error(
        `The ${field.label} "${input}" has no digits. Enter a number such as (555) 123-4567, or map one from an earlier step.`,
        'invalid_input',
      );
    }
    return parsed;
  },
  matches: (record, parsed) => normalisePhone(textOrEmpty(record[recordField])) === parsed,
});

/** The Phone Number input every search has, matched against the record's `phone_number`. */
export const phoneNumberCriterion = <Api extends { phone_number: string }>(): Criterion<Api> =>
  phoneCriterion<Api>(
    {
      key: 'phone_number',
      label: 'Phone Number',
      helpText:
        'In any format: "(555) 123-4567", "+1 555 123 4567" or "+44 (0)20 7946 0958". Without a country code, a number is read as US/Canada.',
    },
    'phone_number',
  );

/** True for a `YYYY-MM-DD` that names a real day (not 2026-02-30). */
const isCalendarDate = (date: string): boolean => {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
};

/** Days Zapier's date fields take as words, in the Zap's time zone (the app tester and the CLI pass them as typed). */
const RELATIVE_DAYS: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1 };

/**
 * The day a date input names, in the Zap's time zone: `2026-04-15` as it is; a date-time with an offset or
 * `Z` (what Zapier's date fields send: "2026-04-15T00:00:00-05:00") by the day it falls on in the Zap's zone;
 * one without an offset by its date; "today", "tomorrow", "yesterday"; undefined for anything else.
 */
export const dayOfInput = (input: string, { timeZone, now }: SearchContext): string | undefined => {
  const text = input.trim();
  const relative = RELATIVE_DAYS[text.toLowerCase()];
  if (relative !== undefined) return dateInZone(now, timeZone, relative);
  const date = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!date || !isCalendarDate(String(date[1]))) return undefined;
  if (date[3] === undefined) return date[1];
  const instant = instantOfTimestamp(text.replace(' ', 'T'));
  return instant === undefined ? undefined : dateInZone(instant, timeZone);
};

/** A calendar day: `YYYY-MM-DD`, a date-time (its day in the Zap's time zone), or today, tomorrow, yesterday. */
export const dateCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => ({
  field,
  parse: (input, context) => {
    const day = dayOfInput(input, context);
    if (day === undefined) {
      throw new errors.Error(
        `The ${field.label} "${input}" is not a date. Enter one such as 2026-04-15, "today" or "tomorrow", or map a date from an earlier step.`,
        'invalid_input',
      );
    }
    return day;
  },
  matches: (record, parsed) => textOrEmpty(record[recordField]).trim() === parsed,
});

/** The order of a search's results: given the matching records, the inputs given, and the search's context. */
export type SearchOrder<Api> = (records: Api[], given: ReadonlySet<string>, context: SearchContext) => Api[];

/** What a search for one record type declares besides its key and display. */
export interface RecordSearchOptions<Api extends { id: string }, Output extends PlainObject, OutputOptions> {
  recordType: RecordType<Api, Output, OutputOptions>;
  sample: Output;
  /** The hidden trigger whose records fill the ID dropdown. */
  dropdown: Trigger;
  criteria: Criterion<Api>[];
  /** Newest first (by the record type's timestamp) unless given. */
  order?: SearchOrder<Api>;
}

/** A mapped value as text: Zapier may pass numbers; anything else counts as not given. */
const inputText = (value: unknown): string =>
  typeof value === 'string' ? withoutPastedPadding(value) : typeof value === 'number' ? String(value) : '';

/** The Zap's time zone and now: what "today" and "upcoming" mean for this run. */
const searchContext = (bundle: Bundle): SearchContext => ({ timeZone: zapTimeZone(bundle), now: Date.now() });

/**
 * The operation of a search (`defineSearch`) for one record type: by id (one `GET <path>/{id}`, a 404
 * is "nothing found") or by the other criteria (one request to the list endpoint, filtered here, in the
 * search's order). Every given criterion must match. The first result is in full: a listed call is
 * fetched again with its transcript.
 */
export const recordSearchOperation = <Api extends { id: string }, Output extends PlainObject, OutputOptions>(
  options: RecordSearchOptions<Api, Output, OutputOptions>,
): BasicSearchOperation => {
  const { recordType, criteria, order } = options;
  const { noun } = recordType;
  // Labelled by what the user picks (Zapier's rule: no "… ID" labels); the key stays `id`.
  const idField = {
    key: 'id',
    label: noun,
    required: false,
    dynamic: `${options.dropdown.key}.id.label`,
    helpText:
      'Pick a recent one from the list, or map the ID from an earlier step (e.g. a NeverMiss trigger). Leave it empty to search by the fields below.',
  } satisfies PlainInputField;
  const labels = [idField.label, ...criteria.map(({ field }) => field.label)];

  const perform: SearchPerform<PlainObject, Output> = async (z, bundle) => {
    const context = searchContext(bundle);
    const id = inputText(bundle.inputData.id);
    const given = criteria
      .map((criterion) => ({ criterion, input: inputText(bundle.inputData[criterion.field.key]) }))
      .filter(({ input }) => input !== '')
      .map(({ criterion, input }) => ({ criterion, parsed: criterion.parse(input, context) }));
    if (id === '' && given.length === 0) {
      throw new z.errors.Error(
        `There is nothing to search by. Fill in at least one of: ${labels.join(', ')}.`,
        'invalid_input',
      );
    }
    const toOutput = outputFor(z, bundle, recordType);

    const matchesAll = (record: Api) => given.every(({ criterion, parsed }) => criterion.matches(record, parsed));
    const keys = new Set(given.map(({ criterion }) => criterion.field.key));
    const list: ListOptions<Api> = {
      matches: matchesAll,
      ...(order ? { order: (records: Api[]) => order(records, keys, context) } : {}),
    };
    const found = id !== '' ? await findRecordById(z, recordType, id) : undefined;
    const matches = id !== '' ? (found && matchesAll(found) ? [found] : []) : await listRecords(z, recordType, list);
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
