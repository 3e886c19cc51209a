// `npm start`: a whole Zap session, on this machine, against the sandbox, through the built app (`prestart` builds it).
import { createRequire } from 'node:module';

import type { BookingOutput, CallOutput, LeadOutput, Webhook, WebhookEvent } from '../lib/models';
import { startCatchServer } from '../sandbox/catch-server';
import { postControl, SANDBOX_API_KEY, startSandbox } from '../sandbox/server';
import { startStashServer } from '../sandbox/stash-server';
import { loadBuiltApp, type BuiltApp } from './built-app';

// z.console.log echoes to the console under the app tester; the session prints one line per step of its own.
const print = console.log.bind(console);
console.log = () => undefined;

const EVENTS: WebhookEvent[] = ['new_call', 'missed_call', 'new_lead', 'new_booking', 'booking_cancelled'];

const plural = (count: number, noun: string) => `${String(count)} ${noun}${count === 1 ? '' : 's'}`;

/** As Zapier runs a Zap: in the Zap's time zone (the sandbox's business is in Austin, TX). */
const ZAP_TIME_ZONE = 'America/Chicago';
/** The booking steps' option: an end time one hour after the start. */
const BOOKING_OPTIONS = { appointment_length_minutes: 60 };

const isBookingEvent = (event: WebhookEvent) => event === 'new_booking' || event === 'booking_cancelled';

const orDash = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '–');
const nameParts = (first: unknown, last: unknown) => `${orDash(first)} / ${orDash(last)}`;
const addressParts = (record: Partial<LeadOutput | BookingOutput>) =>
  [record.address_street, record.address_city, record.address_state, record.address_postal_code]
    .map(orDash)
    .join(' / ');

const describeRecord = (record: Record<string, unknown> | undefined): string => {
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

const main = async (): Promise<number> => {
  // Zapier's stash RPC, stood in for on loopback: core reads its address when it loads, so core loads after.
  const stash = await startStashServer();
  process.env.ZAPIER_BASE_ENDPOINT = stash.url;
  process.env.ZAPIER_DEPLOY_KEY = 'npm-start-stand-in';
  const { createAppTester } = createRequire(__filename)(
    'zapier-platform-core',
  ) as typeof import('zapier-platform-core');
  const app = loadBuiltApp();
  const appTester = createAppTester(app);

  const sandbox = await startSandbox({ port: 0 });
  const hooks = await startCatchServer();
  process.env.NEVERMISS_API_URL = sandbox.apiUrl;
  const bundle = ({ meta, ...extra }: { meta?: object; [key: string]: unknown } = {}) => ({
    authData: { api_key: SANDBOX_API_KEY },
    inputData: {},
    meta: { timezone: ZAP_TIME_ZONE, ...meta },
    ...extra,
  });
  const optionsFor = (event: WebhookEvent) => (isBookingEvent(event) ? BOOKING_OPTIONS : {});
  let passed = 0;
  let failed = 0;

  const step = async <T>(
    name: string,
    run: () => Promise<T>,
    describe: (result: T) => string,
  ): Promise<T | undefined> => {
    try {
      const result = await run();
      passed += 1;
      print(`  ✓ ${name.padEnd(40)} ${describe(result)}`);
      return result;
    } catch (error) {
      failed += 1;
      print(`  ✗ ${name.padEnd(40)} ${(error as Error).message.split('\n')[0] ?? ''}`);
      return undefined;
    }
  };

  try {
    print(`NeverMiss Zap session: the built app against the sandbox at ${sandbox.apiUrl}\n`);

    await step(
      'auth test',
      () => appTester(app.authentication.test, bundle()),
      (stats) => `key accepted · ${String(stats.total_calls_this_week)} calls this week`,
    );
    await step('auth connectionLabel', () => appTester(app.authentication.connectionLabel, bundle()), String);

    const webhooks = new Map<WebhookEvent, Webhook>();
    for (const event of EVENTS) {
      const webhook = await step(
        `${event} performSubscribe`,
        () =>
          appTester(
            app.triggers[event].operation.performSubscribe,
            bundle({ targetUrl: `${hooks.url}/hooks/${event}` }),
          ),
        (created) => `webhook ${created.id} → ${created.url}`,
      );
      if (webhook) webhooks.set(event, webhook);
    }

    for (const event of EVENTS) {
      const delivered = await step(
        `${event} delivery`,
        async () => {
          const emitted = (await postControl(sandbox.url, '/_sandbox/events', { event })) as { record: { id: string } };
          return { id: emitted.record.id, body: await hooks.next(`/hooks/${event}`) };
        },
        ({ id }) => `NeverMiss sent ${id} to the hook URL`,
      );
      if (!delivered) continue;
      await step(
        `${event} perform`,
        async () => {
          const records = await appTester(
            app.triggers[event].operation.perform,
            bundle({ cleanedRequest: delivered.body, inputData: optionsFor(event) }),
          );
          if (records[0]?.id !== delivered.id)
            throw new Error(`expected ${delivered.id}, got ${JSON.stringify(records.map((r) => r.id))}`);
          return records;
        },
        (records) => describeRecord(records[0]),
      );
    }

    for (const event of EVENTS) {
      await step(
        `${event} performList (sample)`,
        () =>
          appTester(
            app.triggers[event].operation.performList,
            bundle({ inputData: optionsFor(event), meta: { isLoadingSample: true } }),
          ),
        (records) => `${plural(records.length, 'record')} · newest ${describeRecord(records[0])}`,
      );
    }

    const search = (key: keyof BuiltApp['searches'], label: string, inputData: Record<string, unknown>) =>
      step(
        `${key} (${label})`,
        async () => {
          const results = await appTester(app.searches[key].operation.perform, bundle({ inputData }));
          if (results.length === 0) throw new Error(`nothing found for ${JSON.stringify(inputData)}`);
          return results;
        },
        (results) => describeRecord(results[0]),
      );
    const foundCalls = await search('find_call', 'by id', { id: 'call_01HXSBX0002' });
    await step(
      'transcript_file (a later step uses it)',
      async () => {
        const payload = pointerPayload(foundCalls?.[0]?.transcript_file);
        const hydrator = app.hydrators[payload.method.replace(/^hydrators\./, '')];
        if (!hydrator) throw new Error(`no hydrator for ${payload.method}`);
        const fileUrl = await appTester(hydrator, bundle({ inputData: payload.bundle }));
        const file = stash.fileAt(fileUrl);
        if (!file) throw new Error(`nothing stashed at ${fileUrl}`);
        return file;
      },
      (file) =>
        `${file.filename} · ${String(Buffer.byteLength(file.content))} bytes · "${file.content.split('\n')[0] ?? ''}"`,
    );
    await search('find_call', 'by phone', { phone_number: '(555) 123-4567' });
    await search('find_lead', 'by id', { id: 'lead_01HXSBX0003' });
    await search('find_lead', 'by email', { email: 'Maria.Garcia@example.com' });
    await search('find_booking', 'by id', { id: 'book_01HXSBX0001', ...BOOKING_OPTIONS });
    await search('find_booking', 'by phone', { phone_number: '555-444-5555', ...BOOKING_OPTIONS });

    await step(
      'get_stats',
      () => appTester(app.creates.get_stats.operation.perform, bundle()),
      (stats) =>
        `${String(stats.total_calls_today)} calls today · ${String(stats.missed_calls_today)} missed · ${String(stats.total_leads_captured)} leads · ${String(stats.total_bookings)} bookings · busiest ${stats.busiest_hour}`,
    );

    for (const [event, webhook] of webhooks) {
      await step(
        `${event} performUnsubscribe`,
        () =>
          appTester(app.triggers[event].operation.performUnsubscribe, bundle({ subscribeData: { id: webhook.id } })),
        (deletion) => `webhook ${deletion.id} deleted`,
      );
    }
  } finally {
    await hooks.close();
    await sandbox.close();
    await stash.close();
  }

  print(`\nSummary: the operations above made ${String(sandbox.requestLog().length)} requests to the sandbox API.`);
  print(`${String(passed)} passed, ${String(failed)} failed`);
  return failed === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
