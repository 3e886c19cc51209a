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
      expect(error.message).toMatch(/^Fill in at least one of: .+ ID, .*Phone Number/);
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
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Phone Number must contain digits; got "unknown".' });
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

describe('find_booking', () => {
  const data = [
    booking({
      id: 'book_a',
      customer_name: 'David Lee',
      scheduled_date: '2026-04-15',
      created_at: '2026-04-01T00:00:00Z',
    }),
    booking({
      id: 'book_b',
      customer_name: 'david  LEE',
      scheduled_date: '2026-04-16',
      created_at: '2026-04-02T00:00:00Z',
    }),
    booking({
      id: 'book_c',
      customer_name: 'Priya Shah',
      phone_number: '+15557778888',
      scheduled_date: '2026-04-15',
      created_at: '2026-04-03T00:00:00Z',
    }),
  ];
  // A record with nulls where text belongs must not break a search.
  const broken = { ...booking({ id: 'book_nulls' }), phone_number: null, customer_name: null, scheduled_date: null };
  const listing = () =>
    api({ offContract: 'a record with nulls' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: [...data, broken], count: data.length + 1 });

  it.each([
    [{ customer_name: ' David Lee ' }, ['book_b', 'book_a']],
    [{ scheduled_date: '2026-04-15' }, ['book_c', 'book_a']],
    [{ scheduled_date: '2026-04-15T09:00:00-05:00' }, ['book_c', 'book_a']],
    [{ phone_number: '555-777-8888' }, ['book_c']],
    [{ customer_name: 'david lee', scheduled_date: '2026-04-16' }, ['book_b']],
    [{ customer_name: 'Nobody' }, []],
  ])('%j finds %j with one request, newest first', async (inputData, ids) => {
    const scope = listing();
    const results = await appTester(findBooking.operation.perform, search(inputData));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
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
      id: 'book_c',
      customer_first_name: 'Priya',
      customer_last_name: 'Shah',
      scheduled_start: '2026-04-15T09:00:00+09:30',
      scheduled_end: '2026-04-15T09:45:00+09:30',
    });
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
        message: `Appointment Length (minutes) must be a whole number of minutes from 0 to 10080 (a week), e.g. 60; got "${length}".`,
      });
      expect(scope.isDone()).toBe(false);
      nock.cleanAll();
    },
  );

  it.each(['15/04/2026', 'tomorrow', '2026-02-30', '2026-13-01', '2026-4-5'])(
    'refuses the date %j with a clear error, before any request',
    async (scheduledDate) => {
      const scope = nock(API).get(/.*/).reply(200, { data: [] });
      const error = await failureOf(
        appTester(findBooking.operation.perform, search({ scheduled_date: scheduledDate })),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        message: `Scheduled Date must be a date in the form YYYY-MM-DD, e.g. 2026-04-15; got "${scheduledDate}".`,
      });
      expect(scope.isDone()).toBe(false);
    },
  );
});
