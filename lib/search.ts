import {
  errors,
  type Bundle,
  type PlainInputField,
  type PlainOutputField,
  type Search,
  type ZObject,
} from 'zapier-platform-core';

import { comparable } from './records';
import { normalisePhone } from './phone';
import { completeRecord, findRecordById, listRecords, outputContext, type Resource } from './resources';

/** One way to find a record besides its id: an input field and how a record matches it. */
export interface Criterion<Api> {
  field: PlainInputField & { key: string; label: string };
  /** The input in comparable form; throws an `errors.Error` for input that can never match. */
  parse: (input: string) => string;
  matches: (record: Api, parsed: string) => boolean;
}

type FieldOf<Api> = keyof Api & string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Exact, ignoring case, surrounding spaces and doubled spaces (names, emails). */
export const textCriterion = <Api>(field: Criterion<Api>['field'], recordField: FieldOf<Api>): Criterion<Api> => {
  const fold = (value: unknown) => comparable(value).replace(/\s+/g, ' ');
  return { field, parse: fold, matches: (record, parsed) => fold(record[recordField]) === parsed };
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
  matches: (record, parsed) => normalisePhone(text(record[recordField])) === parsed,
});

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
  matches: (record, parsed) => text(record[recordField]).trim() === parsed,
});

export interface RecordSearchSpec<Api extends { id: string }, Output extends Record<string, unknown>> {
  key: string;
  noun: string;
  label: string;
  /** Starts "Finds " and ends with ".". */
  description: string;
  resource: Resource<Api, Output>;
  sample: Output;
  /** The key of the hidden trigger whose records fill the id dropdown. */
  choicesTrigger: string;
  criteria: Criterion<Api>[];
}

export interface RecordSearch<Output extends Record<string, unknown>> {
  key: string;
  noun: string;
  display: { label: string; description: string };
  operation: {
    inputFields: PlainInputField[];
    cleanInputData: true;
    perform: (z: ZObject, bundle: Bundle) => Promise<Output[]>;
    outputFields: PlainOutputField[];
    sample: Output;
  };
}

/** A mapped value as text: Zapier may pass numbers; anything else counts as not given. */
const inputText = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/**
 * A search by id (one `GET <path>/{id}`, 404 = nothing found) or by the other criteria (one request
 * to the list endpoint, filtered client-side, newest first). Every given criterion must match.
 * The first result is whole: a listed call is completed with its transcript (one more request).
 */
export const defineRecordSearch = <Api extends { id: string }, Output extends Record<string, unknown>>(
  spec: RecordSearchSpec<Api, Output>,
): RecordSearch<Output> => {
  const { resource, criteria } = spec;
  const idField = {
    key: 'id',
    label: `${spec.noun} ID`,
    required: false,
    dynamic: `${spec.choicesTrigger}.id.label`,
    helpText: `Pick a recent ${spec.noun.toLowerCase()}, or map the ${spec.noun} ID from an earlier step (e.g. a NeverMiss trigger). Leave it empty to search by the fields below.`,
  } satisfies PlainInputField;
  const labels = [idField.label, ...criteria.map(({ field }) => field.label)];

  const search: RecordSearch<Output> = {
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: [
        idField,
        ...criteria.map(({ field }) => ({ required: false, ...field })),
        ...(resource.outputOptionFields ?? []),
      ],
      // See README, "Zapier's integration checks": a blank input is "not given", wherever it comes from.
      cleanInputData: true,
      perform: async (z, bundle) => {
        const id = inputText(bundle.inputData.id);
        const given = criteria
          .map((criterion) => ({ criterion, input: inputText(bundle.inputData[criterion.field.key]) }))
          .filter(({ input }) => input !== '')
          .map(({ criterion, input }) => ({ criterion, parsed: criterion.parse(input) }));
        if (id === '' && given.length === 0) {
          throw new z.errors.Error(`Fill in at least one of: ${labels.join(', ')}.`, 'invalid_input');
        }
        const context = outputContext(z, bundle);

        const matchesAll = (record: Api) => given.every(({ criterion, parsed }) => criterion.matches(record, parsed));
        const found = id !== '' ? await findRecordById(z, resource, id) : undefined;
        const matches =
          id !== '' ? (found && matchesAll(found) ? [found] : []) : await listRecords(z, resource, matchesAll);
        const [first, ...rest] = matches;
        if (first === undefined) return [];
        return [await completeRecord(z, resource, first), ...rest].map((record) => resource.toOutput(record, context));
      },
      outputFields: resource.outputFields,
      sample: spec.sample,
    },
  };
  return search satisfies Search;
};
