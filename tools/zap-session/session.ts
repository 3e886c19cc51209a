// The Zap session that `npm start` prints, `test/e2e/session.test.ts` asserts step by step and
// `npm run test:invoke` replays through the `zapier-platform invoke` CLI (the steps with a `cli`).
import { expect } from 'expect';
import type { createAppTester } from 'zapier-platform-core';

import type { BookingOutput } from '../../lib/bookings';
import type { CallOutput } from '../../lib/calls';
import type { LeadOutput } from '../../lib/leads';
import type { Webhook, WebhookEvent } from '../../lib/webhooks';
import { appOperations, type AppOperations, type HookTriggerFunctions, type Operation } from '../app-operations';
import { startCatchServer, type CatchServer } from '../sandbox/catch-server';
import { postControl, SANDBOX_API_KEY, startSandbox, type Sandbox } from '../sandbox/server';
import { startStashServer, type StashServer } from '../sandbox/stash-server';

type AppTester = ReturnType<typeof createAppTester>;

/** The app under test and what stands in for NeverMiss and Zapier around it. */
export interface ZapSession {
  app: AppOperations;
  appTester: AppTester;
  sandbox: Sandbox;
  hooks: CatchServer;
  stash: StashServer;
  close: () => Promise<void>;
}

/** One step of the session: what it runs, and a check that throws when the result is wrong, else describes it. */
export interface Step {
  name: string;
  action: (session: ZapSession) => Promise<unknown>;
  check: (result: unknown) => string;
  /** `zapier-platform invoke` arguments that run the same operation with the same input. */
  cli?: string[];
}

const step = <T>(
  name: string,
  action: (session: ZapSession) => Promise<T>,
  check: (result: T) => string,
  cli?: string[],
): Step => ({ name, action, check: check as (result: unknown) => string, ...(cli ? { cli } : {}) });

export const runStep = async (session: ZapSession, { action, check }: Step): Promise<string> =>
  check(await action(session));

/**
 * Starts the stash stand-in, then loads core and the app (core reads the stash's address when it
 * loads), then the sandbox and the catch server, and points the app at the sandbox.
 */
export const startZapSession = async (
  load: () => { definition: object; createAppTester: typeof createAppTester },
): Promise<ZapSession> => {
  const stash = await startStashServer();
  process.env.ZAPIER_BASE_ENDPOINT = stash.url;
  process.env.ZAPIER_DEPLOY_KEY = 'zap-session-stand-in';
  const { definition, createAppTester: tester } = load();
  const app = appOperations(definition);
  const sandbox = await startSandbox({ port: 0 });
  const hooks = await startCatchServer();
  process.env.NEVERMISS_API_URL = sandbox.apiUrl;
  const close = async () => {
    await hooks.close();
    await sandbox.close();
    await stash.close();
  };
  return { app, appTester: tester(definition), sandbox, hooks, stash, close };
};

const EVENTS: WebhookEvent[] = ['new_call', 'missed_call', 'new_lead', 'new_booking', 'booking_cancelled'];

/** What each event's records look like in the seed data and in what the sandbox emits. */
const EXPECTED: Record<WebhookEvent, Record<string, unknown>> = {
  new_call: { status: 'completed' },
  missed_call: { status: 'missed' },
  new_lead: { source: 'inbound_call' },
  new_booking: { status: 'confirmed' },
  booking_cancelled: { status: 'cancelled' },
};

/** As Zapier runs a Zap: in the Zap's time zone (the sandbox's business is in Austin, TX). */
const ZAP_TIME_ZONE = 'America/Chicago';
/** The booking steps' option: an end time one hour after the start. */
const BOOKING_OPTIONS = { appointment_length_minutes: '60' };
const optionsFor = (event: WebhookEvent) =>
  event === 'new_booking' || event === 'booking_cancelled' ? BOOKING_OPTIONS : {};

const bundle = ({ meta, ...extra }: { meta?: object; [key: string]: unknown } = {}) => ({
  authData: { api_key: SANDBOX_API_KEY },
  inputData: {},
  meta: { timezone: ZAP_TIME_ZONE, ...meta },
  ...extra,
});

const plural = (count: number, noun: string) => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
const orDash = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '–');
const nameParts = (first: unknown, last: unknown) => `${orDash(first)} / ${orDash(last)}`;
const addressParts = (record: Partial<LeadOutput | BookingOutput>) =>
  [record.address_street, record.address_city, record.address_state, record.address_postal_code]
    .map(orDash)
    .join(' / ');

/** One line about a call, lead or booking, as `npm start` prints it. */
export const describeRecord = (record: Record<string, unknown> | undefined): string => {
  if (!record) return 'nothing found';
  const call = record as Partial<CallOutput>;
  const lead = record as Partial<LeadOutput>;
  const booking = record as Partial<BookingOutput>;
  if (call.caller_name !== undefined) {
    const file = call.transcript_file?.startsWith('hydrate|||') ? 'transcript_file (lazy)' : 'no transcript_file';
    return `${String(call.id)} · ${call.caller_name} (${nameParts(call.caller_first_name, call.caller_last_name)}) · ${String(call.status)} · ${plural(call.transcript?.length ?? 0, 'transcript turn')} · ${file}`;
  }
  if (lead.urgency_level !== undefined)
    return `${String(lead.id)} · ${String(lead.name)} (${nameParts(lead.first_name, lead.last_name)}) · ${addressParts(lead)} · urgency ${lead.urgency_level}`;
  return `${String(booking.id)} · ${String(booking.customer_name)} (${nameParts(booking.customer_first_name, booking.customer_last_name)}) · ${String(booking.scheduled_start)} → ${String(booking.scheduled_end)} · ${addressParts(booking)} · ${String(booking.status)}`;
};

/** The hydrator and input a `hydrate|||…|||hydrate` pointer names, as Zapier reads it. */
const pointerPayload = (pointer: unknown): { method: string; bundle: Record<string, unknown> } =>
  JSON.parse(/^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(String(pointer))?.[1] ?? 'null') as {
    method: string;
    bundle: Record<string, unknown>;
  };

type SearchKey = keyof AppOperations['searches'];

/** Any hook trigger, its output typed loosely: the steps below treat the five alike. */
const hookTriggerOf = (app: AppOperations, event: WebhookEvent): HookTriggerFunctions<Record<string, unknown>> =>
  app.triggers[event];
type Records = Record<string, unknown>[];

const search = (key: SearchKey, inputData: Record<string, unknown>) => (session: ZapSession) => {
  const perform: Operation<Records> = session.app.searches[key].operation.perform;
  return session.appTester(perform, bundle({ inputData }));
};

const first = (records: Records): Record<string, unknown> => {
  const [record] = records;
  if (!record) throw new Error('nothing found');
  return record;
};

const LEAD_BY_EMAIL = { email: 'Maria.Garcia@example.com' };

const authSteps = (): Step[] => [
  step(
    'auth test',
    ({ app, appTester }) => appTester(app.authentication.test, bundle()),
    (stats) => {
      expect(stats).toMatchObject({ total_leads_captured: 12 });
      return `key accepted · ${String(stats.total_calls_this_week)} calls this week`;
    },
    ['auth', 'test'],
  ),
  step(
    'auth connectionLabel',
    ({ app, appTester }) => appTester(app.authentication.connectionLabel, bundle()),
    (label) => {
      expect(label).toBe('API key ****'); // the sandbox key is too short (15) to show any of it
      return label;
    },
  ),
  step(
    'get_stats',
    ({ app, appTester }) => appTester(app.creates.get_stats.operation.perform, bundle()),
    (stats) => {
      expect(stats).toMatchObject({ total_calls_this_week: 24 });
      return `${String(stats.total_calls_today)} calls today · ${String(stats.missed_calls_today)} missed · ${String(stats.total_leads_captured)} leads · ${String(stats.total_bookings)} bookings · busiest ${stats.busiest_hour}`;
    },
    ['create', 'get_stats'],
  ),
];

const callSearchSteps = (): Step[] => {
  let foundCall: Record<string, unknown> | undefined;
  return [
    step('find_call (by id)', search('find_call', { id: 'call_01HXSBX0002' }), (calls: Records) => {
      foundCall = first(calls);
      expect(foundCall).toMatchObject({ id: 'call_01HXSBX0002', caller_name: 'Maria Garcia' });
      return describeRecord(foundCall);
    }),
    step(
      'transcript_file (a later step uses it)',
      async ({ app, appTester, stash }) => {
        const payload = pointerPayload(foundCall?.transcript_file);
        const hydrator = app.hydrators[payload.method.replace(/^hydrators\./, '')];
        if (!hydrator) throw new Error(`no hydrator for ${payload.method}`);
        const fileUrl = await appTester(hydrator, bundle({ inputData: payload.bundle }));
        const file = stash.fileAt(fileUrl);
        if (!file) throw new Error(`nothing stashed at ${fileUrl}`);
        return file;
      },
      (file) =>
        `${file.filename} · ${String(Buffer.byteLength(file.content))} bytes · "${file.content.split('\n')[0] ?? ''}"`,
    ),
    step('find_call (by phone)', search('find_call', { phone_number: '(555) 222-3333' }), (calls: Records) => {
      const call = first(calls);
      expect(call).toMatchObject({
        caller_name: 'Maria Garcia',
        transcript_text: expect.stringContaining('Caller: Hi, this is Maria Garcia') as unknown,
      });
      return describeRecord(call);
    }),
  ];
};

const leadSearchSteps = (): Step[] => {
  let foundLead: Record<string, unknown> | undefined;
  return [
    step(
      'find_lead (by email)',
      search('find_lead', LEAD_BY_EMAIL),
      (leads: Records) => {
        foundLead = first(leads);
        expect(foundLead).toMatchObject({
          name: 'Maria Garcia',
          email: 'maria.garcia@example.com',
          first_name: 'Maria',
          last_name: 'Garcia',
          address_street: '88 Lamar Blvd',
          address_city: 'Austin',
          address_state: 'TX',
          address_postal_code: '',
        });
        return describeRecord(foundLead);
      },
      ['search', 'find_lead', '--inputData', JSON.stringify(LEAD_BY_EMAIL)],
    ),
    step(
      'find_lead (by id)',
      (session) => search('find_lead', { id: foundLead?.id })(session),
      (leads: Records) => {
        expect(leads).toEqual([foundLead]);
        return describeRecord(leads[0]);
      },
    ),
  ];
};

const bookingSearchSteps = (): Step[] => [
  step(
    'find_booking (by id)',
    search('find_booking', { id: 'book_01HXSBX0001', ...BOOKING_OPTIONS }),
    (bookings: Records) => {
      expect(first(bookings)).toMatchObject({ id: 'book_01HXSBX0001' });
      return describeRecord(bookings[0]);
    },
  ),
  step(
    'find_booking (by phone)',
    search('find_booking', { phone_number: '555-444-5555', ...BOOKING_OPTIONS }),
    (bookings: Records) => {
      const booking = first(bookings) as Partial<BookingOutput>;
      expect(booking).toMatchObject({
        customer_first_name: 'David',
        customer_last_name: 'Lee',
        address_city: 'Austin',
      });
      // The seed's dates fall in April, under daylight saving time: Chicago is UTC-5.
      expect(booking.scheduled_start).toBe(
        `${String(booking.scheduled_date)}T${String(booking.scheduled_time)}:00-05:00`,
      );
      expect(Date.parse(String(booking.scheduled_end)) - Date.parse(String(booking.scheduled_start))).toBe(3_600_000);
      return describeRecord(booking);
    },
  ),
];

const sampleSteps = (): Step[] => [
  step(
    'new_call perform (id-only delivery)',
    ({ app, appTester }) =>
      appTester(app.triggers.new_call.operation.perform, bundle({ cleanedRequest: { id: 'call_01HXSBX0001' } })),
    (calls) => {
      expect(calls).toEqual([
        expect.objectContaining({ id: 'call_01HXSBX0001', transcript_text: expect.stringMatching(/^Agent: /) }),
      ]);
      return describeRecord(calls[0]);
    },
  ),
  ...EVENTS.map((event) =>
    step(
      `${event} performList (sample)`,
      ({ app, appTester }) =>
        appTester(
          hookTriggerOf(app, event).operation.performList,
          bundle({ inputData: optionsFor(event), meta: { isLoadingSample: true } }),
        ),
      (records) => {
        expect(first(records)).toMatchObject(EXPECTED[event]);
        if (event === 'new_call') {
          // The seed's three newest calls carry transcripts; the list endpoint leaves the others without.
          const turns = (record: Record<string, unknown>) => (record.transcript as unknown[]).length;
          expect(records.slice(0, 3).every((call) => turns(call) > 0)).toBe(true);
          expect(records.slice(3).every((call) => turns(call) === 0)).toBe(true);
        }
        return `${plural(records.length, 'record')} · newest ${describeRecord(records[0])}`;
      },
    ),
  ),
];

/** Subscribe, a real delivery from the sandbox, perform on it, unsubscribe (twice: a repeat is no error). */
const hookSteps = (event: WebhookEvent) => {
  let webhook: Webhook | undefined;
  let delivered: { id: string; body: unknown } | undefined;
  const targetUrl = (hooks: CatchServer) => `${hooks.url}/hooks/${event}`;
  const subscribe = step(
    `${event} performSubscribe`,
    async ({ app, appTester, hooks }) => {
      webhook = await appTester(
        hookTriggerOf(app, event).operation.performSubscribe,
        bundle({ targetUrl: targetUrl(hooks) }),
      );
      return { webhook, expectedUrl: targetUrl(hooks) };
    },
    ({ webhook: created, expectedUrl }) => {
      expect(created).toMatchObject({ url: expectedUrl, events: [event], api_key_suffix: '****dbox' });
      return `webhook ${created.id} → ${created.url}`;
    },
  );
  const delivery = step(
    `${event} delivery`,
    async ({ sandbox, hooks }) => {
      const emitted = (await postControl(sandbox.url, '/_sandbox/events', { event })) as { record: { id: string } };
      delivered = { id: emitted.record.id, body: await hooks.next(`/hooks/${event}`) };
      return delivered;
    },
    ({ id }) => `NeverMiss sent ${id} to the hook URL`,
  );
  const perform = step(
    `${event} perform`,
    ({ app, appTester }) =>
      appTester(
        hookTriggerOf(app, event).operation.perform,
        bundle({ cleanedRequest: delivered?.body, inputData: optionsFor(event) }),
      ),
    (records) => {
      expect(records).toEqual([expect.objectContaining({ id: delivered?.id, ...EXPECTED[event] })]);
      return describeRecord(records[0]);
    },
  );
  const unsubscribe = step(
    `${event} performUnsubscribe`,
    async ({ app, appTester }) => {
      const run = () =>
        appTester(
          hookTriggerOf(app, event).operation.performUnsubscribe,
          bundle({ subscribeData: { id: webhook?.id } }),
        ) as Promise<unknown>;
      return [await run(), await run()];
    },
    (deletions) => {
      expect(deletions).toEqual([
        { id: webhook?.id, deleted: true },
        { id: webhook?.id, deleted: true },
      ]);
      return `webhook ${String(webhook?.id)} deleted (and deleted again: no error)`;
    },
  );
  return { subscribe, delivery, perform, unsubscribe };
};

/**
 * New or Updated Booking as Zapier polls it: the first poll, when the Zap is turned on, only records what
 * is there; then a booking made fires once, the same booking moved in the sandbox (NeverMiss sends no event
 * for that) fires once, and a poll with nothing changed fires nothing.
 */
const bookingChangeSteps = (): Step[] => {
  const seen = new Set<string>();
  let made = '';
  const poll = async ({ app, appTester }: ZapSession) => {
    const perform = app.triggers.new_or_updated_booking.operation.perform;
    const records = await appTester(perform, bundle({ inputData: BOOKING_OPTIONS }));
    const fresh = records.filter(({ id }) => !seen.has(id));
    for (const { id } of records) seen.add(id);
    return { records, fresh };
  };
  return [
    step(
      'new_or_updated_booking poll (Zap on)',
      poll,
      ({ records }) => `${plural(records.length, 'upcoming booking')} recorded; the first poll runs no Zap`,
    ),
    step(
      'new_or_updated_booking: booked',
      async (session) => {
        const emitted = (await postControl(session.sandbox.url, '/_sandbox/events', { event: 'new_booking' })) as {
          record: { id: string };
        };
        made = emitted.record.id;
        return poll(session);
      },
      ({ fresh }) => {
        expect(fresh.map(({ booking_id }) => booking_id)).toEqual([made]);
        return `runs the Zap once: ${describeRecord(fresh[0])}`;
      },
    ),
    step(
      'new_or_updated_booking: moved',
      async (session) => {
        await postControl(session.sandbox.url, `/_sandbox/bookings/${made}`, { scheduled_time: '16:30' }, 'PATCH');
        return poll(session);
      },
      ({ fresh }) => {
        expect(fresh).toEqual([expect.objectContaining({ booking_id: made, scheduled_time: '16:30' })]);
        return `runs the Zap once more: ${describeRecord(fresh[0])}`;
      },
    ),
    step('new_or_updated_booking: unchanged', poll, ({ fresh }) => {
      expect(fresh).toEqual([]);
      return 'runs no Zap';
    }),
  ];
};

/** The whole session, in order: searches and samples see the seed data before any event changes it. */
export const zapSessionSteps = (): Step[] => {
  const hooks = EVENTS.map(hookSteps);
  return [
    ...authSteps(),
    ...callSearchSteps(),
    ...leadSearchSteps(),
    ...bookingSearchSteps(),
    ...sampleSteps(),
    ...hooks.map(({ subscribe }) => subscribe),
    ...hooks.flatMap(({ delivery, perform }) => [delivery, perform]),
    ...hooks.map(({ unsubscribe }) => unsubscribe),
    ...bookingChangeSteps(),
  ];
};
