// Property-based tests of the pure parts: for arbitrary inputs they throw nothing but the project's
// own errors, and keep their invariants.
import fc from 'fast-check';
import nock from 'nock';

import authentication from '../../authentication';
import { apiKeyOf, UNSENDABLE_KEY_MESSAGE } from '../../lib/http/api-key';
import { splitAddress } from '../../lib/formats/addresses';
import { appointmentLength, MAX_APPOINTMENT_MINUTES } from '../../lib/bookings';
import { appointmentTimes } from '../../lib/formats/local-time';
import { recordsFromDelivery } from '../../lib/webhooks';
import type { WebhookEvent } from '../../lib/webhooks';
import { splitName } from '../../lib/formats/names';
import { normalisePhone } from '../../lib/formats/phone';
import { sortNewestFirst, uniqueById } from '../../lib/record-type';
import { dateCriterion, phoneCriterion, textCriterion } from '../../lib/record-search';
import { transcriptText } from '../../lib/calls';
import { triggers } from '../operations';
import { stats } from '../fixtures';
import { API, API_KEY, API_PATH, appTester, captureLogs } from '../helpers';
import { observe } from './outcome';
import { checkSection } from './report';

const RUNS = 1000;
const rows: string[][] = [];
let cases = 0;

/** Runs a property and records it for RELIABILITY.md. */
const holds = async <Ts extends unknown[]>(
  name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  numRuns = RUNS,
) => {
  await fc.assert(property, { numRuns, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) });
  cases += numRuns;
  rows.push([name, String(numRuns), 'holds']);
};

const EVENTS: WebhookEvent[] = ['new_call', 'missed_call', 'new_lead', 'new_booking', 'booking_cancelled'];
const event = fc.constantFrom(...EVENTS);
const json = fc.jsonValue({ maxDepth: 6 });
/** Objects, arrays and strings shaped like deliveries, mixed with anything JSON can be. */
const delivery = fc.oneof(
  json,
  fc.record({ event: fc.oneof(event, fc.string()), data: json }),
  fc.record({ type: fc.oneof(event, fc.string()), data: json }),
  fc.array(fc.oneof(json, fc.record({ id: fc.oneof(fc.string(), fc.integer()) }))),
);

/** The only errors the project throws on bad input: Zapier's, with a code. */
const isProjectError = (error: unknown) =>
  error instanceof Error &&
  error.name === 'AppError' &&
  (JSON.parse(error.message) as { code: string }).code === 'invalid_input';

describe('properties', () => {
  jest.setTimeout(120_000);

  it('webhook bodies become records without throwing, each with a trimmed text id', async () => {
    await holds(
      'recordsFromDelivery: any JSON body, any event → records with non-blank trimmed text ids, no throw',
      fc.property(delivery, event, (body, name) => {
        for (const record of recordsFromDelivery(body, name)) {
          expect(typeof record.id).toBe('string');
          expect(record.id).toBe(record.id.trim());
          expect(record.id).not.toBe('');
        }
      }),
    );
  });

  it('no delivered record is lost, duplicated or reordered', async () => {
    await holds(
      'recordsFromDelivery + uniqueById: an array of records with distinct ids comes back whole, in order',
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && s === s.trim()),
            name: fc.string(),
          }),
          {
            selector: (record) => record.id,
            maxLength: 50,
          },
        ),
        event,
        (records, name) => {
          const withDuplicates = [...records, ...records];
          expect(uniqueById(recordsFromDelivery({ event: name, data: withDuplicates }, name))).toEqual(records);
        },
      ),
    );
  });

  it('phone numbers normalise idempotently, and every US format of a number is one number', async () => {
    await holds(
      'normalisePhone: any string → "", "+digits" or digits; normalising twice changes nothing',
      fc.property(fc.string(), (input) => {
        const once = normalisePhone(input);
        expect(once).toMatch(/^(\+\d+|\d*)$/);
        expect(normalisePhone(once)).toBe(once);
      }),
    );
    await holds(
      'normalisePhone: (ddd) ddd-dddd, ddd-ddd-dddd, ddd.ddd.dddd, +1 ddd ddd dddd and +1dddddddddd are equal',
      fc.property(fc.stringMatching(/^[2-9]\d{9}$/), (digits) => {
        const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
        const forms = [`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `+1 ${a} ${b} ${c}`, `+1${digits}`];
        expect(new Set(forms.map(normalisePhone))).toEqual(new Set([`+1${digits}`]));
      }),
    );
  });

  it('sorting keeps every record, newest first, undated last in their order', async () => {
    const stamp = fc.oneof(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom('', 'not a date', '2026-13-45T99:99:99Z'),
      fc.constant(null),
      fc.integer(),
    );
    await holds(
      'sortNewestFirst: any timestamps (valid, junk, null, numbers) → a permutation, dated newest first, undated last in input order',
      fc.property(fc.array(fc.record({ n: fc.nat(), at: stamp })), (input) => {
        const records = input.map((record, index) => ({ ...record, n: index }));
        const sorted = sortNewestFirst(records, 'at');
        expect([...sorted].sort((x, y) => x.n - y.n)).toEqual(records);
        const time = (record: { at: unknown }) => (typeof record.at === 'string' ? Date.parse(record.at) : Number.NaN);
        const dated = sorted.filter((record) => !Number.isNaN(time(record)));
        const undated = sorted.slice(dated.length);
        expect(undated.every((record) => Number.isNaN(time(record)))).toBe(true);
        expect(undated.map((record) => record.n)).toEqual([...undated.map((record) => record.n)].sort((x, y) => x - y));
        for (let i = 1; i < dated.length; i += 1) expect(time(dated[i - 1]!)).toBeGreaterThanOrEqual(time(dated[i]!));
      }),
    );
  });

  it('transcripts format without throwing, one line a turn', async () => {
    await holds(
      'transcriptText: any JSON → text; text stays itself, trimmed; for a list, one line per object turn and no line breaks inside a turn',
      fc.property(
        fc.oneof(json, fc.array(fc.oneof(json, fc.record({ speaker: fc.string(), text: fc.string() })))),
        (value) => {
          const text = transcriptText(value);
          expect(typeof text).toBe('string');
          if (typeof value === 'string') {
            expect(text).toBe(value.trim());
            return;
          }
          const turns = Array.isArray(value)
            ? value.filter((turn) => typeof turn === 'object' && turn !== null && !Array.isArray(turn)).length
            : 0;
          expect(text === '' ? 0 : text.split('\n').length).toBe(turns === 0 ? 0 : turns);
        },
      ),
    );
  });

  it('appointment times: any date, time and zone give an ISO 8601 date-time with offset or null, never a throw', async () => {
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    const dates = fc.oneof(
      json,
      fc
        .record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
        })
        .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`),
    );
    const times = fc.oneof(
      json,
      fc
        .record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
        .map(({ hour, minute }) => `${pad(hour)}:${pad(minute)}`),
    );
    const zones = fc.oneof(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), fc.string(), fc.constant(undefined));
    const lengths = fc.option(fc.integer({ min: 0, max: MAX_APPOINTMENT_MINUTES }), { nil: undefined });
    await holds(
      'appointmentTimes: any date, time, zone (IANA, unknown, none) and length → null or YYYY-MM-DDTHH:mm:ss±hh:mm; the end is the start plus the length (or null past the year 9999); no throw',
      fc.property(dates, times, zones, lengths, (date, time, zone, length) => {
        const { scheduled_start: start, scheduled_end: end } = appointmentTimes(date, time, zone, length);
        if (start === null) return;
        expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        if (length === undefined) return;
        // An end past the year 9999 is null: the form has four digits for the year.
        if (end === null) expect(start.startsWith('9999-12-')).toBe(true);
        else expect(Date.parse(end) - Date.parse(start)).toBe(length * 60_000);
      }),
      3000,
    );
    await holds(
      'appointmentLength: any JSON → whole minutes from 0 to a week, nothing, or an invalid_input error',
      fc.property(fc.oneof(json, fc.integer(), fc.double()), (input) => {
        try {
          const minutes = appointmentLength(input);
          if (minutes !== undefined)
            expect(Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_APPOINTMENT_MINUTES).toBe(true);
        } catch (error) {
          expect(isProjectError(error)).toBe(true);
        }
      }),
    );
  });

  it('names and addresses split into text of the input, or nothing; never a throw', async () => {
    const nameWords = fc.constantFrom(
      'Dr.',
      'Mr',
      'Jane',
      'Doe',
      'van',
      'de',
      'la',
      'Jr.',
      'III',
      ',',
      '"',
      '&',
      'and',
      ' ',
      '  ',
    );
    const names = fc.oneof(
      json,
      fc.string(),
      fc.array(nameWords).map((words) => words.join(' ')),
    );
    await holds(
      'splitName: any value → first and last name, each word of which is in the name, no throw',
      fc.property(names, (name) => {
        const { first, last } = splitName(name);
        const text = typeof name === 'string' ? name : '';
        for (const word of `${first} ${last}`.split(/\s+/).filter(Boolean)) expect(text).toContain(word);
      }),
    );
    const addressParts = fc.constantFrom(
      '123 Main St',
      'Apt 4',
      'Austin',
      'Round Rock',
      'TX',
      'tx',
      'ZZ',
      'TX 78701',
      '78701',
      'USA',
      '',
      ' ',
    );
    const addresses = fc.oneof(
      json,
      fc.string(),
      fc.array(addressParts).map((parts) => parts.join(', ')),
    );
    await holds(
      'splitAddress: any value → street, city, state, ZIP code: each text of the address, all or none of street/city/state; no throw',
      fc.property(addresses, (address) => {
        const parts = splitAddress(address);
        const text = typeof address === 'string' ? address : '';
        for (const part of Object.values(parts)) expect(text).toContain(part);
        const named = [parts.street, parts.city, parts.state].filter((part) => part !== '').length;
        expect([0, 3]).toContain(named);
        if (named === 0) expect(parts.postal_code).toBe('');
      }),
    );
  });

  it('search input is parsed or refused with a clear error, nothing else', async () => {
    const field = { key: 'x', label: 'X' };
    const criteria = [phoneCriterion(field, 'x'), dateCriterion(field, 'x'), textCriterion(field, 'x')];
    const zones = fc.oneof(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), fc.string(), fc.constant(undefined));
    const context = fc.record({ timeZone: zones, now: fc.integer({ min: 0, max: 4_102_444_800_000 }) });
    await holds(
      'search criteria (phone, date, text): any string, in any script and zone, even half of an emoji → a comparable value or an invalid_input error',
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        context,
        (input, zone) => {
          for (const criterion of criteria) {
            try {
              expect(typeof criterion.parse(input, zone)).toBe('string');
            } catch (error) {
              expect(isProjectError(error)).toBe(true);
            }
          }
        },
      ),
    );
    await holds(
      'scheduled_date: accepted exactly when it is a real calendar day',
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        (y, m, d) => {
          const input = `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().startsWith(input);
          const parse = () => dateCriterion(field, 'x').parse(input, { timeZone: 'America/Chicago', now: Date.now() });
          if (real) expect(parse()).toBe(input);
          else expect(parse).toThrow(/is not a date\. Enter one such as 2026-04-15/);
        },
      ),
    );
  });

  it('a hook trigger turns any body into records or a clear error, never a crash', async () => {
    // A record that needs completing asks for it; the API says it is gone.
    nock(API)
      .persist()
      .get(/.*/)
      .reply(404, { error: { status: 404, message: 'Not found.' } });
    await holds(
      'new_lead perform through the app tester: any body → records or a Zapier error, never a TypeError',
      fc.asyncProperty(delivery, async (body) => {
        const observed = await observe(() =>
          appTester(triggers.new_lead.operation.perform, {
            authData: { api_key: API_KEY },
            inputData: {},
            cleanedRequest: body,
          }),
        );
        expect(observed.crashed).toBe(false);
      }),
      200,
    );
  });

  it('no API key, whatever its characters, shows in a message, an output, a log line or another header', async () => {
    /** Characters copying adds around a key, and keys of any Unicode, bare or padded with them. */
    const padding = fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\u00A0', '\u200B', '\u2060', '\uFEFF', '\u3000'),
    });
    const anyKey = fc.oneof(
      fc.string({ unit: 'binary', minLength: 8 }),
      fc.tuple(padding, fc.string({ unit: 'binary-ascii', minLength: 8 }), padding).map((parts) => parts.join('')),
    );
    const sentHeaders: Record<string, unknown>[] = [];
    // The API echoes the key it received in its error message: the worst an answer can do.
    nock(API)
      .persist()
      .get(`${API_PATH}/stats`)
      .reply(function reply() {
        sentHeaders.push(this.req.headers);
        return [200, { data: stats }];
      })
      .get(`${API_PATH}/calls/call_1`)
      .reply(function reply() {
        sentHeaders.push(this.req.headers);
        return [
          404,
          { error: { status: 404, message: `Key ${String(this.req.headers['x-api-key'])} may not read call_1.` } },
        ];
      });
    const lines: string[] = [];
    process.env.LOG_TO_STDOUT = 'true';
    process.env.DETAILED_LOG_TO_STDOUT = 'true';
    const release = captureLogs((line) => lines.push(line));
    try {
      await holds(
        'any Unicode string as the API key (padded with what copying adds, or not): not in an error message, an output, a log line or any header but x-api-key',
        fc.asyncProperty(anyKey, async (pasted) => {
          const key = apiKeyOf({ authData: { api_key: pasted } });
          // A key that is itself a piece of public text (an answer's field, a fixed message) cannot be told from it.
          fc.pre(key.length >= 8 && !JSON.stringify(stats).includes(key) && !UNSENDABLE_KEY_MESSAGE.includes(key));
          // Core's log scrubber keeps secrets as keys of a plain object, where `__proto__` is no key: it logs
          // such a secret uncensored. No NeverMiss key has that form.
          fc.pre(key !== '__proto__');
          lines.length = 0;
          sentHeaders.length = 0;
          const authData = { api_key: pasted };
          const test = await observe(() => appTester(authentication.test, { authData }));
          const label = await observe(() => appTester(authentication.connectionLabel, { authData }));
          const echo = await observe(() =>
            appTester(triggers.new_call.operation.perform, {
              authData,
              inputData: {},
              cleanedRequest: { id: 'call_1' },
            }),
          );
          for (const observed of [test, label, echo]) {
            expect(observed.crashed).toBe(false);
            expect(observed.visible).not.toContain(key);
          }
          expect(lines.filter((line) => line.includes(key))).toEqual([]);
          for (const headers of sentHeaders) {
            expect(headers['x-api-key']).toBe(key);
            const others = Object.entries(headers).filter(([name]) => name !== 'x-api-key');
            expect(others.filter(([, value]) => String(value).includes(key))).toEqual([]);
          }
        }),
        300,
      );
    } finally {
      release();
      delete process.env.LOG_TO_STDOUT;
      delete process.env.DETAILED_LOG_TO_STDOUT;
      nock.cleanAll();
    }
  });

  it('RELIABILITY.md lists the properties', () => {
    checkSection({
      id: 'properties',
      cases,
      title: 'Properties',
      intro:
        'fast-check properties of the pure parts (test/reliability/properties.test.ts), each run on that many generated inputs.',
      header: ['property', 'inputs', 'result'],
      rows,
    });
  });
});
