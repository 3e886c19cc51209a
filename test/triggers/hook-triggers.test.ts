// Behaviour every REST-hook trigger shares, run for each of the five.
import nock from 'nock';

import app from '../../index';
import type { HookTriggerFunctions } from '../../tools/app-operations';
import type { Booking } from '../../lib/bookings';
import { callSample, type CallDetail } from '../../lib/calls';
import type { WebhookEvent } from '../../lib/webhooks';
import { bookingCancelled, missedCall, newBooking, newCall, newLead } from '../operations';
import { booking, call, callDetail, lead, transcriptFilePointer, webhook } from '../fixtures';
import { API, API_PATH, api, apiError, appTester, authBundle, failureOf } from '../helpers';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/123/abc/';

interface Case {
  trigger: HookTriggerFunctions<Record<string, unknown>>;
  path: string;
  /** The field that dates the record. */
  stamp: 'timestamp' | 'created_at';
  /** A whole record as a delivery or `GET <path>/{id}` carries it, of the kind the trigger is for. */
  record: Record<string, unknown> & { id: string };
  /** The same record as its list endpoint gives it (calls come without their transcript). */
  listed: Record<string, unknown> & { id: string };
  /** What the trigger outputs for it: written out here, not computed by the code under test. */
  output: Record<string, unknown>;
}

const missedCallDetail = (overrides: Partial<CallDetail> = {}) => callDetail({ status: 'missed', ...overrides });
// The fixture's transcript is the call sample's.
const callText = callSample.transcript_text;
const cancelled = (overrides: Partial<Booking> = {}) => booking({ status: 'cancelled', ...overrides });
// The fixtures' timestamps are 14:30 UTC on 2026-04-11, read in the Zap's time zone (Chicago, CDT).
const callerName = {
  timestamp_pretty: 'Sat, Apr 11, 2026, 9:30 AM CDT',
  caller_first_name: 'John',
  caller_last_name: 'Smith',
};
const leadDerived = {
  created_at_pretty: 'Sat, Apr 11, 2026, 9:30 AM CDT',
  first_name: 'Maria',
  last_name: 'Garcia',
  address_street: '123 Main St',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '',
};
// In a Zap in America/Chicago (CDT in April) with an Appointment Length of 60 minutes.
const bookingDerived = {
  created_at_pretty: 'Sat, Apr 11, 2026, 9:30 AM CDT',
  customer_first_name: 'David',
  customer_last_name: 'Lee',
  address_street: '123 Main St',
  address_city: 'Austin',
  address_state: 'TX',
  address_postal_code: '',
  scheduled_start: '2026-04-15T09:00:00-05:00',
  scheduled_start_pretty: 'Wed, Apr 15, 2026, 9:00 AM CDT',
  scheduled_end: '2026-04-15T10:00:00-05:00',
  scheduled_end_pretty: 'Wed, Apr 15, 2026, 10:00 AM CDT',
};

/** New Call and New Missed Call take the same missed call alike. */
const callCase = (trigger: Case['trigger']): Case => ({
  trigger,
  path: 'calls',
  stamp: 'timestamp',
  record: missedCallDetail(),
  listed: call({ status: 'missed' }),
  output: {
    ...missedCallDetail(),
    transcript_text: callText,
    transcript_file: transcriptFilePointer(missedCallDetail().id),
    ...callerName,
  },
});

const cases: Case[] = [
  callCase(newCall),
  callCase(missedCall),
  {
    trigger: newLead,
    path: 'leads',
    stamp: 'created_at',
    record: lead(),
    listed: lead(),
    output: { ...lead(), ...leadDerived },
  },
  {
    trigger: newBooking,
    path: 'bookings',
    stamp: 'created_at',
    record: booking(),
    listed: booking(),
    output: { ...booking(), ...bookingDerived },
  },
  {
    trigger: bookingCancelled,
    path: 'bookings',
    stamp: 'created_at',
    record: cancelled(),
    listed: cancelled(),
    output: { ...cancelled(), ...bookingDerived },
  },
];

/** As a Zap in America/Chicago runs it; the appointment length is an option of the booking triggers only. */
const hookBundle = (cleanedRequest: unknown, extra: object = {}) =>
  authBundle({
    cleanedRequest,
    inputData: { appointment_length_minutes: 60 },
    meta: { timezone: 'America/Chicago' },
    targetUrl: TARGET_URL,
    ...extra,
  });

describe.each(cases)('$trigger.key', ({ trigger, path, stamp, record, listed, output }) => {
  const event = trigger.key as WebhookEvent;
  const { operation } = trigger;

  it('is registered in the app under its key, as a REST hook with every operation', () => {
    expect((app.triggers as Record<string, unknown>)[event]).toBe(trigger);
    expect(operation.type).toBe('hook');
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
    expect(operation.outputFields.map((field) => field.key)).toEqual(expect.arrayContaining(Object.keys(output)));
    expect(Object.keys(operation.sample).sort()).toEqual(Object.keys(output).sort());
  });

  describe('performSubscribe', () => {
    it(`POSTs the hook URL and the ${event} event to /webhooks, and returns the webhook`, async () => {
      const created = webhook({ events: [event], url: TARGET_URL });
      const scope = api()
        .matchHeader('content-type', /application\/json/)
        .post(`${API_PATH}/webhooks`, { url: TARGET_URL, events: [event] })
        .reply(201, { data: created });

      await expect(appTester(operation.performSubscribe, hookBundle(undefined))).resolves.toEqual(created);
      expect(scope.isDone()).toBe(true);
    });

    it('keeps a numeric webhook id as text, so unsubscribe can use it', async () => {
      api({ offContract: 'a numeric id' })
        .post(`${API_PATH}/webhooks`)
        .reply(201, { data: { ...webhook({ events: [event] }), id: 42 } });
      await expect(appTester(operation.performSubscribe, hookBundle(undefined))).resolves.toMatchObject({ id: '42' });
    });

    it('fails clearly when the answer has no webhook id', async () => {
      api({ offContract: 'no webhook id' })
        .post(`${API_PATH}/webhooks`)
        .reply(201, { data: { url: TARGET_URL, events: [event] } });
      const error = await failureOf(appTester(operation.performSubscribe, hookBundle(undefined)));
      expect(error.code).toBe('missing_webhook_id');
      expect(error.message).toMatch(/did not return its id/);
    });
  });

  describe('performUnsubscribe', () => {
    it('DELETEs the stored webhook', async () => {
      const scope = api()
        .delete(`${API_PATH}/webhooks/whk_2fc81fd8a1`)
        .reply(200, {
          data: { id: 'whk_2fc81fd8a1', deleted: true },
        });
      await expect(
        appTester(operation.performUnsubscribe, hookBundle(undefined, { subscribeData: webhook() })),
      ).resolves.toEqual({ id: 'whk_2fc81fd8a1', deleted: true });
      expect(scope.isDone()).toBe(true);
    });

    it('succeeds when the webhook is already gone (404)', async () => {
      const scope = api()
        .delete(`${API_PATH}/webhooks/whk_gone`)
        .reply(404, apiError(404, 'Webhook whk_gone not found.'));
      await expect(
        appTester(operation.performUnsubscribe, hookBundle(undefined, { subscribeData: { id: 'whk_gone' } })),
      ).resolves.toEqual({ id: 'whk_gone', deleted: true });
      expect(scope.isDone()).toBe(true);
    });

    it.each([{}, { id: '' }, { id: '   ' }, undefined])(
      'fails clearly, without a request, when no webhook id is stored (%j)',
      async (subscribeData) => {
        const scope = nock(API).delete(/.*/).reply(200, {});
        const error = await failureOf(
          appTester(operation.performUnsubscribe, hookBundle(undefined, { subscribeData })),
        );
        expect(error.code).toBe('missing_webhook_id');
        expect(scope.isDone()).toBe(false);
      },
    );

    it.each([{ id: '..' }, { id: 'whk_\ud83d' }])(
      'fails clearly, without a request, when the stored webhook id cannot be sent (%j)',
      async (subscribeData) => {
        const scope = nock(API).delete(/.*/).reply(200, {});
        const error = await failureOf(
          appTester(operation.performUnsubscribe, hookBundle(undefined, { subscribeData })),
        );
        expect(error).toMatchObject({ code: 'missing_webhook_id' });
        expect(error.message).toMatch(
          /^The NeverMiss webhook id Zapier stored for this Zap cannot be sent to NeverMiss/,
        );
        expect(scope.isDone()).toBe(false);
      },
    );
  });

  describe('perform', () => {
    it.each([
      ['the record itself', () => record],
      ['the record in the API envelope', () => ({ data: record })],
      ['an event envelope', () => ({ event, data: record })],
      ['an event envelope using "type"', () => ({ type: event, data: record })],
      ['an array of records', () => [record]],
      ['an array of event envelopes', () => [{ event, data: record }]],
    ])('takes %s alike, with no request when the record is whole', async (_shape, body) => {
      await expect(appTester(operation.perform, hookBundle(body()))).resolves.toEqual([output]);
    });

    it.each([
      ['another event', () => ({ event: 'some_other_event', data: record })],
      ['another event, by "type"', () => ({ type: 'some_other_event', data: record })],
      ['an empty object', () => ({})],
      ['null', () => null],
      ['an empty string', () => ''],
      ['an empty array', () => []],
      ['an envelope without data', () => ({ event })],
    ])('yields nothing for %s', async (_shape, body) => {
      await expect(appTester(operation.perform, hookBundle(body()))).resolves.toEqual([]);
    });

    it(`completes an id-only record with one GET /${path}/{id}`, async () => {
      const scope = api().get(`${API_PATH}/${path}/${record.id}`).reply(200, { data: record });
      await expect(appTester(operation.perform, hookBundle({ event, data: { id: record.id } }))).resolves.toEqual([
        output,
      ]);
      expect(scope.isDone()).toBe(true);
    });

    it('completes a record that lacks a field the API has', async () => {
      const partial: Record<string, unknown> = { ...record };
      delete partial.address;
      delete partial.caller_name;
      const scope = api().get(`${API_PATH}/${path}/${record.id}`).reply(200, { data: record });
      await expect(appTester(operation.perform, hookBundle(partial))).resolves.toEqual([output]);
      expect(scope.isDone()).toBe(true);
    });

    it('yields a record delivered twice once', async () => {
      await expect(appTester(operation.perform, hookBundle([record, { data: record }]))).resolves.toEqual([output]);
    });
  });

  describe('performList', () => {
    it(`asks GET /${path} once and returns records newest first, shaped like perform's output`, async () => {
      const older = { ...listed, id: `${listed.id}_old`, [stamp]: '2026-04-01T08:00:00Z' };
      const newer = { ...listed, id: `${listed.id}_new`, [stamp]: '2026-04-20T08:00:00-05:00' };
      const undated = { ...listed, id: `${listed.id}_undated`, [stamp]: 'not a date' };
      const scope = api({ offContract: 'an unparseable timestamp and a record without an id' })
        .get(`${API_PATH}/${path}`)
        .query(true)
        .reply(200, { data: [undated, older, newer, { no: 'id' }], count: 4 });

      const results = await appTester(operation.performList, hookBundle(undefined));
      expect(results.map((result) => result.id)).toEqual([newer.id, older.id, undated.id]);
      expect(Object.keys(results[0]!).sort()).toEqual(Object.keys(output).sort());
      expect(scope.isDone()).toBe(true);
    });

    it('returns at most 100 records', async () => {
      const many = Array.from({ length: 150 }, (_, i) => ({
        ...listed,
        id: `${listed.id}_${String(i)}`,
        [stamp]: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      }));
      api().get(`${API_PATH}/${path}`).query(true).reply(200, { data: many, count: many.length });

      const results = await appTester(operation.performList, hookBundle(undefined));
      expect(results).toHaveLength(100);
      expect(results[0]!.id).toBe(`${listed.id}_149`);
    });
  });
});
