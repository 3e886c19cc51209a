import nock from 'nock';

import app from '../../index';
import { bookings } from '../../lib/bookings';
import { calls, callSample } from '../../lib/calls';
import { leads } from '../../lib/leads';
import type { HookTriggerFunctions, PerformFunction } from '../../tools/app-operations';
import { findBooking, findCall, findLead, newBooking, newCall, newLead } from '../operations';
import { booking, call, callDetail, lead, transcriptFilePointer } from '../fixtures';
import { API, API_PATH, api, apiError, appTester, authBundle, failureOf } from '../helpers';

const search = (inputData: Record<string, unknown>) => authBundle({ inputData });
// The fixture's transcript is the call sample's.
const transcriptText = callSample.transcript_text;

interface Case {
  operation: PerformFunction<Record<string, unknown>[]>;
  trigger: HookTriggerFunctions<Record<string, unknown>>;
  recordType: { path: string; outputFields: { key: string }[] };
  choices: string;
  inputs: string[];
}

describe.each<Case>([
  { operation: findCall, trigger: newCall, recordType: calls, choices: 'list_calls', inputs: ['id', 'phone_number'] },
  {
    operation: findLead,
    trigger: newLead,
    recordType: leads,
    choices: 'list_leads',
    inputs: ['id', 'email', 'phone_number'],
  },
  {
    operation: findBooking,
    trigger: newBooking,
    recordType: bookings,
    choices: 'list_bookings',
    inputs: ['id', 'phone_number', 'customer_name', 'scheduled_date', 'appointment_length_minutes'],
  },
])('$operation.key', ({ operation, trigger, recordType, choices, inputs }) => {
  const { perform } = operation.operation;

  it('is registered under its key, with optional, labelled, helped inputs and a dropdown of recent records for the id', () => {
    expect(app.searches[operation.key as keyof typeof app.searches]).toBe(operation);
    const fields = operation.operation.inputFields;
    expect(fields.map((field) => field.key)).toEqual(inputs);
    for (const field of fields) {
      expect(field.required).toBe(false);
      expect(field.label).toMatch(/\w/);
      expect(field.helpText).toMatch(/\w/);
    }
    expect(fields[0]!.dynamic).toBe(`${choices}.id.label`);
    // Labelled by what the user picks, not "… ID" (Zapier's publishing requirement 6.3.1); the key stays `id`.
    expect(fields[0]).toMatchObject({ key: 'id', label: operation.noun });
    expect(fields[0]!.helpText).toMatch(/^Pick a recent one from the list, or map the ID from an earlier step/);
    expect(app.triggers[choices as keyof typeof app.triggers].display).toEqual({ hidden: true });
  });

  it('shares the output fields of the trigger for the same record type', () => {
    expect(operation.operation.outputFields).toBe(recordType.outputFields);
    expect(trigger.operation.outputFields).toBe(recordType.outputFields);
    expect(Object.keys(operation.operation.sample).sort()).toEqual(
      recordType.outputFields.map((field) => field.key).sort(),
    );
  });

  it.each([{}, { id: '' }, { id: '   ', phone_number: '\t' }, { id: null }])(
    'refuses to search without a criterion (%j), naming the inputs, with no request',
    async (inputData) => {
      const scope = nock(API).get(/.*/).reply(200, { data: [] });
      const error = await failureOf(appTester(perform, search(inputData)));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(
        new RegExp(`^There is nothing to search by\\. Fill in at least one of: ${operation.noun}, .*Phone Number`),
      );
      expect(scope.isDone()).toBe(false);
    },
  );

  it('treats a 404 on the id as "nothing found"', async () => {
    const scope = api().get(`${API_PATH}/${recordType.path}/nope_1`).reply(404, apiError(404, 'Not found.'));
    await expect(appTester(perform, search({ id: 'nope_1' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('URL-encodes the id and trims the whitespace around it', async () => {
    const scope = api()
      .get(`${API_PATH}/${recordType.path}/a%2Fb%3Fc%23d%25%20%C3%A9`)
      .reply(404, apiError(404, 'Not found.'));
    await expect(appTester(perform, search({ id: '  a/b?c#d% é ' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('finds nothing, with no request, for an id no record can have', async () => {
    await expect(appTester(perform, search({ id: '..' }))).resolves.toEqual([]);
  });

  it('still reports other errors on the id request', async () => {
    api().get(`${API_PATH}/${recordType.path}/x_1`).reply(500, apiError(500, 'Internal server error.'));
    await expect(appTester(perform, search({ id: 'x_1' }))).rejects.toThrow(/500/);
  });
});

describe('find_call', () => {
  it('by id: one GET /calls/{id}, with transcript and transcript_text', async () => {
    const scope = api().get(`${API_PATH}/calls/call_01HXK2V8Q4`).reply(200, { data: callDetail() });
    await expect(appTester(findCall.operation.perform, search({ id: 'call_01HXK2V8Q4' }))).resolves.toEqual([
      {
        ...callDetail(),
        timestamp_pretty: 'Sat, Apr 11, 2026, 2:30 PM UTC',
        transcript_text: transcriptText,
        transcript_file: transcriptFilePointer('call_01HXK2V8Q4'),
        caller_first_name: 'John',
        caller_last_name: 'Smith',
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('by phone: lists calls, and completes the newest match with its transcript (2 requests)', async () => {
    const data = [
      call({ id: 'call_old', phone_number: '+15551112222', timestamp: '2026-04-01T10:00:00Z' }),
      call({ id: 'call_other', phone_number: '+15559990000', timestamp: '2026-04-20T10:00:00Z' }),
      call({ id: 'call_new', phone_number: '+15551112222', timestamp: '2026-04-10T10:00:00Z' }),
    ];
    const list = api().get(`${API_PATH}/calls`).query({ limit: '100' }).reply(200, { data, count: 3 });
    const detail = api()
      .get(`${API_PATH}/calls/call_new`)
      .reply(200, { data: callDetail({ ...data[2] }) });

    const results = await appTester(findCall.operation.perform, search({ phone_number: '(555) 111-2222' }));
    expect(results.map((r) => r.id)).toEqual(['call_new', 'call_old']);
    expect(results[0]).toMatchObject({ transcript_text: transcriptText });
    expect(list.isDone() && detail.isDone()).toBe(true);
  });

  it('by phone with no match: [] after one request', async () => {
    const list = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data: [call()], count: 1 });
    await expect(appTester(findCall.operation.perform, search({ phone_number: '555-000-0000' }))).resolves.toEqual([]);
    expect(list.isDone()).toBe(true);
  });

  it('refuses a phone number without digits, before any request', async () => {
    const error = await failureOf(appTester(findCall.operation.perform, search({ phone_number: 'unknown' })));
    expect(error).toMatchObject({
      code: 'invalid_input',
      message:
        'The Phone Number "unknown" has no digits. Enter a number such as (555) 123-4567, or map one from an earlier step.',
    });
  });

  it('with an id and a phone number, both must match', async () => {
    api().get(`${API_PATH}/calls/call_01HXK2V8Q4`).reply(200, { data: callDetail() });
    await expect(
      appTester(findCall.operation.perform, search({ id: 'call_01HXK2V8Q4', phone_number: '555-999-9999' })),
    ).resolves.toEqual([]);
  });
});

describe('find_lead', () => {
  const data = [
    lead({
      id: 'lead_a',
      email: 'Maria.Garcia@Example.com',
      phone_number: '+15552223333',
      created_at: '2026-04-01T00:00:00Z',
    }),
    lead({
      id: 'lead_b',
      email: 'maria.garcia@example.com',
      phone_number: '+15554446666',
      created_at: '2026-04-05T00:00:00Z',
    }),
    lead({
      id: 'lead_c',
      email: 'someone@example.com',
      phone_number: '555.222.3333',
      created_at: '2026-04-03T00:00:00Z',
    }),
  ];
  const listing = () =>
    api({ offContract: 'a phone number not in E.164' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data, count: data.length });

  it.each([
    [{ email: '  MARIA.garcia@example.com ' }, ['lead_b', 'lead_a']],
    [{ phone_number: '(555) 222-3333' }, ['lead_c', 'lead_a']],
    [{ phone_number: 5552223333 }, ['lead_c', 'lead_a']],
    [{ email: 'maria.garcia@example.com', phone_number: '+1 555 222 3333' }, ['lead_a']],
    [{ email: 'nobody@example.com' }, []],
  ])('%j finds %j with one request, newest first', async (inputData, ids) => {
    const scope = listing();
    const results = await appTester(findLead.operation.perform, search(inputData));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
  });

  it('by id: the lead as the API has it, with its name and address split', async () => {
    api()
      .get(`${API_PATH}/leads/lead_01HXL3A7PD`)
      .reply(200, { data: lead({ address: '9 Elm St, Austin, TX 78701' }) });
    await expect(appTester(findLead.operation.perform, search({ id: 'lead_01HXL3A7PD' }))).resolves.toEqual([
      {
        ...lead({ address: '9 Elm St, Austin, TX 78701' }),
        created_at_pretty: 'Sat, Apr 11, 2026, 2:30 PM UTC',
        first_name: 'Maria',
        last_name: 'Garcia',
        address_street: '9 Elm St',
        address_city: 'Austin',
        address_state: 'TX',
        address_postal_code: '78701',
      },
    ]);
  });
});

describe('find_lead, text and numbers as people type them', () => {
  const data = [
    // Stored with combining accents (e + U+0301), as some systems write them.
    lead({ id: 'lead_decomposed', name: 'Jose\u0301 Garci\u0301a', email: 'jose\u0301@example.com' }),
    lead({ id: 'lead_uk', phone_number: '+442079460958', created_at: '2026-04-01T00:00:00Z' }),
  ];
  const listing = () =>
    api({ offContract: 'an email address with an accent (the contract’s email format is ASCII)' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data, count: data.length });

  it.each<[Record<string, unknown>, string[], string]>([
    [{ email: 'josé@example.com' }, ['lead_decomposed'], 'an accent typed as one letter'],
    [{ email: 'JOSÉ@EXAMPLE.COM' }, ['lead_decomposed'], 'in capitals'],
    [{ email: 'ｊｏｓé@ｅｘａｍｐｌｅ.ｃｏｍ' }, ['lead_decomposed'], 'in full-width letters'],
    [{ phone_number: '+44 (0)20 7946 0958' }, ['lead_uk'], 'a UK number with its trunk 0 in brackets'],
    [{ phone_number: '0044 (0) 20 7946 0958' }, ['lead_uk'], 'the same, dialled with 00'],
    [{ phone_number: '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨' }, ['lead_uk'], 'in Arabic-Indic digits'],
    [{ phone_number: '+44 20 7946 0958 \ud83d' }, ['lead_uk'], 'followed by half of an emoji'],
    [{ email: 'jos\ud83d@example.com' }, [], 'with half of an emoji'],
  ])('%j finds %j (%s)', async (inputData, ids) => {
    const scope = listing();
    const results = await appTester(findLead.operation.perform, search(inputData));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
  });

  it('finds nothing, with no request, for an id that is not well-formed Unicode (half of an emoji)', async () => {
    await expect(appTester(findLead.operation.perform, search({ id: 'lead_\ud83d' }))).resolves.toEqual([]);
  });
});

describe('find_booking', () => {
  // 16:00 UTC on Wednesday 2026-04-15: 11:00 in Chicago (CDT).
  const NOW = Date.parse('2026-04-15T16:00:00Z');
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const at = (id: string, date: string, time: string, created: string, extra: Parameters<typeof booking>[0] = {}) =>
    booking({ id, scheduled_date: date, scheduled_time: time, created_at: `${created}T00:00:00Z`, ...extra });
  const data = [
    at('book_past', '2026-04-10', '09:00', '2026-04-01'),
    at('book_later', '2026-04-20', '09:00', '2026-04-14'),
    at('book_tomorrow', '2026-04-16', '09:00', '2026-04-02'),
    at('book_this_morning', '2026-04-15', '09:00', '2026-04-09'),
    at('book_this_afternoon', '2026-04-15', '15:00', '2026-04-03'),
    at('book_lunch', '2026-04-15', '12:30', '2026-04-12', {
      customer_name: 'Priya Shah',
      phone_number: '+15557778888',
    }),
    at('book_last_week', '2026-04-08', '16:00', '2026-04-05', { customer_name: 'david  LEE' }),
  ];
  // A record with nulls where text belongs must not break a search; one without a time comes last.
  const broken = { ...booking({ id: 'book_nulls' }), phone_number: null, customer_name: null, scheduled_date: null };
  const untimed = at('book_untimed', '2026-04-15', 'soon', '2026-04-13');
  const untimedToo = at('book_untimed_too', '2026-04-15', 'later', '2026-04-14', { customer_name: 'Priya Shah' });
  const sameTime = at('book_same_time', '2026-04-15', '09:00', '2026-04-14', { customer_name: 'Priya Shah' });
  const listing = () =>
    api({ offContract: 'records with nulls and a time that is none' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: [...data, broken, untimed, untimedToo, sameTime], count: data.length + 4 });
  /** The 15th's appointments, earliest first; those at the same time, and those without one, in NeverMiss's order. */
  const DAY_15 = [
    'book_this_morning',
    'book_same_time',
    'book_lunch',
    'book_this_afternoon',
    'book_untimed',
    'book_untimed_too',
  ];
  const inChicago = (inputData: Record<string, unknown>) =>
    authBundle({ inputData, meta: { timezone: 'America/Chicago' } });

  it.each([
    // By name or phone: the next appointment still to come first, then the past ones, the most recent first.
    [
      { customer_name: ' David Lee ' },
      [
        'book_this_afternoon',
        'book_tomorrow',
        'book_later',
        'book_this_morning',
        'book_past',
        'book_last_week',
        'book_untimed',
      ],
    ],
    [{ phone_number: '555-777-8888' }, ['book_lunch']],
    // Equal starts and unreadable times keep NeverMiss's order among themselves.
    [{ customer_name: 'Priya Shah' }, ['book_lunch', 'book_same_time', 'book_untimed_too']],
    // By date: that day's appointments, earliest first, whoever booked first.
    [{ scheduled_date: '2026-04-15' }, DAY_15],
    [{ scheduled_date: 'today' }, DAY_15],
    [{ scheduled_date: 'Tomorrow' }, ['book_tomorrow']],
    [{ scheduled_date: '2026-04-15T00:00:00-05:00' }, DAY_15],
    // What Zapier's date field sends for a day picked in Tokyo is still, in Chicago, the day before.
    [{ scheduled_date: '2026-04-16T00:00:00+09:00' }, DAY_15],
    [{ scheduled_date: '2026-04-16T00:00:00' }, ['book_tomorrow']],
    [{ customer_name: 'david lee', scheduled_date: '2026-04-08' }, ['book_last_week']],
    [{ customer_name: 'Nobody' }, []],
  ])('%j in Chicago finds %j with one request', async (inputData, ids) => {
    const scope = listing();
    const results = await appTester(findBooking.operation.perform, inChicago(inputData));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
  });

  it('judges "upcoming" in the Zap’s time zone: 14:00 on the 15th is still to come in Chicago, past in UTC', async () => {
    const two = [
      at('book_two_pm', '2026-04-15', '14:00', '2026-04-01'),
      at('book_next_day', '2026-04-16', '09:00', '2026-04-02'),
    ];
    api().get(`${API_PATH}/bookings`).times(2).reply(200, { data: two, count: 2 });
    const chicago = await appTester(findBooking.operation.perform, inChicago({ customer_name: 'David Lee' }));
    expect(chicago.map((r) => r.id)).toEqual(['book_two_pm', 'book_next_day']);
    const utc = await appTester(findBooking.operation.perform, search({ customer_name: 'David Lee' }));
    expect(utc.map((r) => r.id)).toEqual(['book_next_day', 'book_two_pm']);
  });

  it('counts "today" in the Zap’s time zone: at 03:00 UTC it is still the 14th in Chicago', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-04-15T03:00:00Z'));
    const days = [
      at('book_14th', '2026-04-14', '09:00', '2026-04-01'),
      at('book_15th', '2026-04-15', '09:00', '2026-04-02'),
    ];
    api().get(`${API_PATH}/bookings`).times(2).reply(200, { data: days, count: 2 });
    const chicago = await appTester(findBooking.operation.perform, inChicago({ scheduled_date: 'today' }));
    expect(chicago.map((r) => r.id)).toEqual(['book_14th']);
    const utc = await appTester(findBooking.operation.perform, search({ scheduled_date: 'today' }));
    expect(utc.map((r) => r.id)).toEqual(['book_15th']);
  });

  it('returns bookings with the customer’s name split and start and end in the Zap’s time zone', async () => {
    listing();
    const [result] = await appTester(
      findBooking.operation.perform,
      authBundle({
        inputData: { customer_name: 'Priya Shah', appointment_length_minutes: 45 },
        meta: { timezone: 'Australia/Adelaide' },
      }),
    );
    expect(result).toMatchObject({
      id: 'book_lunch',
      customer_first_name: 'Priya',
      customer_last_name: 'Shah',
      scheduled_start: '2026-04-15T12:30:00+09:30',
      scheduled_start_pretty: 'Wed, Apr 15, 2026, 12:30 PM GMT+9:30',
      scheduled_end: '2026-04-15T13:15:00+09:30',
    });
  });

  it('has a date field for Scheduled Date, which also takes YYYY-MM-DD', () => {
    const field = findBooking.operation.inputFields.find(({ key }) => key === 'scheduled_date');
    expect(field).toMatchObject({ type: 'datetime', label: 'Scheduled Date', required: false });
  });

  it.each(['-1', 'an hour', '1.5'])(
    'refuses the Appointment Length %j with a clear error, before any request',
    async (length) => {
      const scope = nock(API).get(/.*/).reply(200, { data: [] });
      const error = await failureOf(
        appTester(findBooking.operation.perform, search({ id: 'book_a', appointment_length_minutes: length })),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        message: `The Appointment Length "${length}" is not a whole number of minutes from 0 to 10080 (a week). Enter a length such as 60, or leave it empty for no end time.`,
      });
      expect(scope.isDone()).toBe(false);
      nock.cleanAll();
    },
  );

  it.each(['15/04/2026', 'next week', '2026-02-30', '2026-13-01', '2026-4-5', '2026-04-15T25:00:00Z', '\ud83d'])(
    'refuses the date %j with a clear error, before any request',
    async (scheduledDate) => {
      const scope = nock(API).get(/.*/).reply(200, { data: [] });
      const error = await failureOf(
        appTester(findBooking.operation.perform, search({ scheduled_date: scheduledDate })),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        message: `The Scheduled Date "${scheduledDate}" is not a date. Enter one such as 2026-04-15, "today" or "tomorrow", or map a date from an earlier step.`,
      });
      expect(scope.isDone()).toBe(false);
    },
  );
});
