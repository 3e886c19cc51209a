// Zapier's integration checks that can be judged without Zapier (ids from its integration check
// reference; docs/integration-checks.md says how the app meets each). The T checks read
// live Zap History; their offline stand-in runs each visible operation on contract fixtures.
import type { PlainInputField, PlainOutputField } from 'zapier-platform-core';

import authentication from '../authentication';
import app from '../index';
import { DEFAULT_API_URL } from '../lib/http/config';
import { booking, call, callDetail, lead, stats } from './fixtures';
import { API_PATH, api, appTester, authBundle } from './helpers';

interface Operation {
  inputFields?: PlainInputField[];
  outputFields?: PlainOutputField[];
  sample?: Record<string, unknown>;
  perform: unknown;
  performList?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
  type?: string;
}
interface Definition {
  key: string;
  noun: string;
  display: { label?: string; description?: string; hidden?: boolean };
  operation: Operation;
}
type Kind = 'trigger' | 'search' | 'create';

const all: { kind: Kind; definition: Definition }[] = [
  ...Object.values(app.triggers).map((definition) => ({
    kind: 'trigger' as const,
    definition: definition as Definition,
  })),
  ...Object.values(app.searches).map((definition) => ({
    kind: 'search' as const,
    definition: definition as Definition,
  })),
  ...Object.values(app.creates).map((definition) => ({
    kind: 'create' as const,
    definition: definition as Definition,
  })),
];
const visible = all.filter(({ definition }) => definition.display.hidden !== true);
const inputFields = all.flatMap(({ definition }) =>
  (definition.operation.inputFields ?? []).map((field) => ({ key: definition.key, field })),
);
const authFields = authentication.fields as PlainInputField[];

/** Every text a Zapier user reads: descriptions and help texts. */
const texts = [
  ...visible.map(({ definition }) => definition.display.description ?? ''),
  ...[...inputFields.map(({ field }) => field), ...authFields].map((field) => field.helpText ?? ''),
].filter((text) => text !== '');

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const isTitleCase = (label: string) =>
  label.split(' ').every((word, i) => /^[A-Z0-9(]/.test(word) || (i > 0 && SMALL_WORDS.has(word)));

/** D008: a link is `[text](url)` or quoted in backticks; nothing else may look like a URL or a broken link. */
const markdownProblems = (text: string): string[] => {
  const rest = text.replace(/\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)/g, '').replace(/`[^`]*`/g, '');
  return [
    ...(/https?:\/\//.test(rest) ? [`bare URL in "${text}"`] : []),
    ...(/\[[^\]]*\(|\]\s+\(/.test(rest) ? [`broken link in "${text}"`] : []),
  ];
};

/** D023/T003: a date-time carries its offset (`Z`, `-05:00`, `-0500`); a date alone is fine. */
const dateTimeProblems = (record: Record<string, unknown>, where: string): string[] =>
  Object.entries(record)
    .filter(([, value]) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value))
    .filter(([, value]) => !/(Z|[+-]\d{2}:?\d{2})$/.test(value as string))
    .map(([key]) => `${where}: ${key}`);

const isFilePointerOrUrl = (value: unknown) =>
  typeof value === 'string' && (/^https:\/\//.test(value) || /^hydrate\|\|\|.*\|\|\|hydrate$/.test(value));

const typeFits = (field: PlainOutputField, value: unknown): boolean => {
  if (field.children) {
    const keys = field.children.map((child) => child.key);
    return (
      Array.isArray(value) &&
      value.every(
        (item: unknown) =>
          typeof item === 'object' && item !== null && Object.keys(item).every((key) => keys.includes(key)),
      )
    );
  }
  if (value === null) return field.type === 'file' || !field.required;
  switch (field.type ?? 'string') {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'file':
      return isFilePointerOrUrl(value);
    default:
      return typeof value === 'string';
  }
};

/** D024/T005: required fields present, values of their declared type, and nothing undeclared. */
const outputFieldProblems = (operation: Operation, record: Record<string, unknown>, where: string): string[] => {
  const fields = operation.outputFields ?? [];
  const declared = new Set(fields.map((field) => field.key));
  return [
    ...fields
      .filter((field) => field.required && !(field.key in record))
      .map((field) => `${where}: ${field.key} missing`),
    ...fields
      .filter((field) => field.key in record && !typeFits(field, record[field.key]))
      .map((field) => `${where}: ${field.key} is not ${field.type ?? 'children'}`),
    ...Object.keys(record)
      .filter((key) => !declared.has(key))
      .map((key) => `${where}: ${key} has no output field`),
  ];
};

describe('Zapier integration checks judged offline', () => {
  it('D001: no operation asks for a key, token or password: auth does', () => {
    expect(
      inputFields.filter(({ field }) => /api.?key|token|password|secret/i.test(`${field.key} ${field.label ?? ''}`)),
    ).toEqual([]);
    expect(authFields.map((field) => field.key)).toEqual(['api_key']);
  });

  it('D002: the auth field’s help text links (Markdown) to where the key is', () => {
    for (const field of authFields) expect(field.helpText).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
  });

  it('D003: a connection label is set', () => {
    expect(app.authentication).toBe(authentication);
    expect(authentication.connectionLabel).toBeDefined();
  });

  it('D004, D005: every ID input has a dynamic dropdown, on a trigger that exists', () => {
    const idFields = inputFields.filter(({ field }) => field.key === 'id' || field.key.endsWith('_id'));
    expect(idFields.length).toBeGreaterThan(0);
    for (const { field } of idFields) {
      const [trigger] = String(field.dynamic).split('.');
      expect(Object.keys(app.triggers)).toContain(trigger);
    }
  });

  it('D006, D017: every REST hook trigger subscribes, unsubscribes and has a polling fallback', () => {
    const hooks = all.filter(({ definition }) => definition.operation.type === 'hook');
    expect(hooks.map(({ definition }) => definition.key)).toEqual([
      'new_call',
      'missed_call',
      'new_lead',
      'new_booking',
      'booking_cancelled',
    ]);
    for (const { definition } of hooks) {
      expect(definition.operation.performList).toBeInstanceOf(Function);
      expect(definition.operation.performSubscribe).toBeInstanceOf(Function);
      expect(definition.operation.performUnsubscribe).toBeInstanceOf(Function);
    }
  });

  it('D007: every URL is HTTPS: the API and every link users read', () => {
    expect(DEFAULT_API_URL).toMatch(/^https:\/\//);
    expect(texts.flatMap((text) => text.match(/\bhttp:\/\/\S+/g) ?? [])).toEqual([]);
  });

  it('D008: every link in descriptions and help texts is valid Markdown or quoted', () => {
    expect(texts.flatMap(markdownProblems)).toEqual([]);
    // The check can fail.
    expect(markdownProblems('See [Google(https://google.com)')).toHaveLength(2);
    expect(markdownProblems('See https://google.com')).toHaveLength(1);
  });

  it('D009: every search has a field to search on', () => {
    for (const { definition } of all.filter(({ kind }) => kind === 'search')) {
      expect(definition.operation.inputFields?.length).toBeGreaterThan(1);
    }
  });

  it('D010, D012: every visible operation has a static sample, with an id', () => {
    for (const { definition } of visible) {
      expect(definition.operation.sample).toBeDefined();
      if (definition.key !== 'get_stats') expect(definition.operation.sample).toHaveProperty('id');
    }
  });

  it('D011, PR 4.2.2 and 5.2.4: every help text says something its label does not', () => {
    const fields = [...inputFields.map(({ field }) => field), ...authFields];
    /** A help text that is its label, begins with it, or begins with "Optional" (Zapier shows that already). */
    const redundant = (field: PlainInputField) => {
      const help = (field.helpText ?? '').trim().toLowerCase();
      const label = (field.label ?? '').trim().toLowerCase();
      return help === label || help.startsWith(label) || /^optional\b/.test(help);
    };
    expect(fields.filter((field) => (field.helpText ?? '') === '').map((field) => field.key)).toEqual([]);
    expect(fields.filter(redundant).map((field) => field.key)).toEqual([]);
    // The check can fail.
    expect(redundant({ key: 'a', label: 'Email', helpText: 'Email.' })).toBe(true);
    expect(redundant({ key: 'a', label: 'Email', helpText: 'Optional. The address.' })).toBe(true);
  });

  it('PR 6.3.1: no search field is labelled "… ID"; the ID dropdowns are labelled by what is picked', () => {
    const searchFields = all
      .filter(({ kind }) => kind === 'search')
      .flatMap(({ definition }) => (definition.operation.inputFields ?? []).map((field) => ({ definition, field })));
    expect(
      searchFields.filter(({ field }) => /\bID\b/i.test(field.label ?? '')).map(({ field }) => field.label),
    ).toEqual([]);
    for (const { definition, field } of searchFields.filter(({ field }) => field.key === 'id')) {
      expect(field.label).toBe(definition.noun);
      expect(field.helpText).toMatch(/Pick a recent one from the list, or map the ID from an earlier step/);
    }
  });

  it('PR 6.3.4: every date input is a date field', () => {
    const dateFields = inputFields.filter(({ field }) => /date/i.test(`${field.key} ${field.label ?? ''}`));
    expect(dateFields.map(({ key, field }) => `${key}.${field.key}`)).toEqual(['find_booking.scheduled_date']);
    for (const { field } of dateFields) expect(field.type).toBe('datetime');
  });

  it('D013, D014, D015: no search-powered field or search-or-create points anywhere missing', () => {
    for (const { field } of inputFields.filter(({ field }) => field.search !== undefined)) {
      expect(Object.keys(app.searches)).toContain(String(field.search).split('.')[0]);
      expect(field.dynamic).toBeDefined();
    }
    expect(app.searchOrCreates).toBeUndefined();
  });

  it('D016: more than a static webhook', () => {
    expect(visible.length).toBeGreaterThan(1);
  });

  it('D018, PR 4.1 and 5.1: labels are title case; nouns are single, singular words; no label or description names the app', () => {
    for (const { definition } of visible) {
      expect(isTitleCase(definition.display.label ?? '')).toBe(true);
      expect(definition.noun).toMatch(/^[A-Z][a-z]+$/);
      expect(definition.noun).not.toMatch(/s$/);
      expect(`${definition.display.label ?? ''} ${definition.display.description ?? ''}`).not.toMatch(/NeverMiss/);
    }
    expect(isTitleCase('new contact')).toBe(false);
  });

  it('D021: trigger descriptions start "Triggers when " and end with "."; short and concrete', () => {
    for (const { definition } of visible.filter(({ kind }) => kind === 'trigger')) {
      expect(definition.display.description).toMatch(/^Triggers when [^.]+\.$/);
      expect(definition.display.description?.length).toBeLessThanOrEqual(80);
    }
  });

  it('D022: every create has static input fields, but Get Call Statistics (docs/integration-checks.md says why)', () => {
    const withoutInputs = all
      .filter(({ kind, definition }) => kind === 'create' && (definition.operation.inputFields ?? []).length === 0)
      .map(({ definition }) => definition.key);
    expect(withoutInputs).toEqual(['get_stats']);
  });

  it('D023: date-times in static samples carry an offset', () => {
    const problems = visible.flatMap(({ definition }) =>
      dateTimeProblems(definition.operation.sample ?? {}, definition.key),
    );
    expect(problems).toEqual([]);
    // The check can fail.
    expect(dateTimeProblems({ at: '2019-08-01T06:50:30', on: '2019-08-01', utc: '2019-09-15T09:59:59Z' }, 'x')).toEqual(
      ['x: at'],
    );
  });

  it('D024: every static sample respects its output fields, and every output field is in the sample', () => {
    for (const { definition } of visible) {
      const { operation } = definition;
      expect(outputFieldProblems(operation, operation.sample ?? {}, definition.key)).toEqual([]);
      expect(Object.keys(operation.sample ?? {}).sort()).toEqual(
        (operation.outputFields ?? []).map((field) => field.key).sort(),
      );
    }
    // The check can fail.
    expect(
      outputFieldProblems(
        {
          perform: null,
          outputFields: [
            { key: 'id', type: 'integer' },
            { key: 'email', required: true },
          ],
        },
        { id: '1' },
        'x',
      ),
    ).toEqual(['x: email missing', 'x: id is not integer']);
  });
});

/** An appointment still to come, so that New or Updated Booking (upcoming bookings only) has one to give. */
const upcomingBooking = (overrides: Parameters<typeof booking>[0] = {}) =>
  booking({ scheduled_date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), ...overrides });

/** Every request a visible operation may make, answered from contract fixtures (or `records` for the lists). */
const answerEverything = (shape: 'full' | 'sparse') => {
  // A sparse record has its id and status (what the triggers filter on) and nothing else: what a server
  // that leaves fields out answers.
  const sparse = shape === 'sparse';
  const scope = (sparse ? api({ offContract: 'records that lack fields' }) : api()).persist();
  const pick = <T extends { id: string; status?: string }>(record: T) =>
    sparse ? ({ id: record.id, status: record.status } as T) : record;
  scope
    .get(`${API_PATH}/calls`)
    .query(true)
    .reply(200, { data: [call(), call({ id: 'call_2', status: 'missed' })].map(pick), count: 2 });
  for (const id of ['call_01HXK2V8Q4', 'call_2']) {
    scope
      .get(`${API_PATH}/calls/${id}`)
      .reply(200, { data: pick(callDetail({ id, status: id === 'call_2' ? 'missed' : 'completed' })) });
  }
  scope.get(`${API_PATH}/leads`).reply(200, { data: [pick(lead())], count: 1 });
  scope.get(`${API_PATH}/leads/lead_01HXL3A7PD`).reply(200, { data: pick(lead()) });
  const bookings = [upcomingBooking(), upcomingBooking({ id: 'book_2', status: 'cancelled' })];
  scope.get(`${API_PATH}/bookings`).reply(200, {
    data: sparse ? bookings.map(({ id, status, scheduled_date }) => ({ id, status, scheduled_date })) : bookings,
    count: 2,
  });
  scope.get(`${API_PATH}/bookings/book_01HXM4A9ZK`).reply(200, { data: pick(upcomingBooking()) });
  scope
    .get(`${API_PATH}/bookings/book_2`)
    .reply(200, { data: pick(upcomingBooking({ id: 'book_2', status: 'cancelled' })) });
  scope.get(`${API_PATH}/stats`).reply(200, { data: sparse ? {} : stats });
};

/** What a search needs to find the fixture's record. */
const searchInputs: Record<string, Record<string, string>> = {
  find_call: { id: 'call_01HXK2V8Q4' },
  find_lead: { id: 'lead_01HXL3A7PD' },
  find_booking: { id: 'book_01HXM4A9ZK' },
};
/** The booking steps' option, given or not: with it a booking's end can be derived, without it not. */
const OPTIONS = [{}, { appointment_length_minutes: '60' }];
/** Where a Zap runs: a zone with DST, none (a run outside a Zap), one Zapier's runtime does not know. */
const ZONES = ['America/Chicago', null, 'Mars/Olympus_Mons'];

const variants = visible.flatMap(({ kind, definition }) =>
  (['full', 'sparse'] as const).flatMap((shape) =>
    OPTIONS.flatMap((options) =>
      ZONES.map((timezone) => ({ kind, definition, shape, options, timezone, name: `${definition.key} (${kind})` })),
    ),
  ),
);

describe('offline stand-ins for the Zap History checks', () => {
  it.each(variants)(
    'T002–T006: $name, $shape records, options $options, zone $timezone: an id, offset date-times, every sample key, the output fields',
    async ({ kind, definition, shape, options, timezone }) => {
      answerEverything(shape);
      const { operation } = definition;
      const bundle = authBundle({
        inputData: { ...(searchInputs[definition.key] ?? {}), ...options },
        meta: { isLoadingSample: true, timezone },
      });
      const method = kind === 'trigger' ? (operation.performList ?? operation.perform) : operation.perform;
      const raw: unknown = await appTester(method as never, bundle);
      const results = (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[];
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        if (kind !== 'create') expect(result).toHaveProperty('id'); // T002
        expect(dateTimeProblems(result, definition.key)).toEqual([]); // T003
        // T004, T006: every key of the static sample is in every live result.
        expect(Object.keys(operation.sample ?? {}).filter((key) => !(key in result))).toEqual([]);
        expect(outputFieldProblems(operation, result, definition.key)).toEqual([]); // T005
      }
    },
  );

  it('the sample check can fail: an output without a sample key is caught', () => {
    const sample = { id: 'x', scheduled_end: 'y' };
    expect(Object.keys(sample).filter((key) => !(key in { id: 'x' }))).toEqual(['scheduled_end']);
  });
});
