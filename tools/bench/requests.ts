// Requests each operation makes, counted on the sandbox, against the fewest the API allows.
import { createAppTester } from 'zapier-platform-core';

import { postControl, SANDBOX_API_KEY, type Sandbox } from '../sandbox/server';
import { appOperations, type AppOperations, type Operation } from '../app-operations';
import { loadBuiltApp } from '../built-app';

export interface RequestCount {
  operation: string;
  made: number;
  minimum: number;
  why: string;
}

type App = AppOperations;
type Count = (operation: string, minimum: number, why: string, run: () => Promise<unknown>) => Promise<void>;

const bundle = (extra: object = {}) => ({ authData: { api_key: SANDBOX_API_KEY }, inputData: {}, ...extra });

const countAuthAndTriggerRequests = async (app: App, appTester: ReturnType<typeof createAppTester>, count: Count) => {
  const { triggers, searches } = app;
  await count('auth test', 1, 'one authenticated request', () => appTester(app.authentication.test, bundle()));
  const webhook = { id: '' };
  await count('new_lead performSubscribe', 1, '`POST /webhooks`', async () => {
    webhook.id = (
      await appTester(
        triggers.new_lead.operation.performSubscribe,
        bundle({ targetUrl: 'https://hooks.zapier.com/h/1/' }),
      )
    ).id;
  });
  await count('new_lead performUnsubscribe', 1, '`DELETE /webhooks/{id}`', () =>
    appTester(triggers.new_lead.operation.performUnsubscribe, bundle({ subscribeData: webhook })),
  );
  const [call] = await appTester(
    searches.find_call.operation.perform,
    bundle({ inputData: { id: 'call_01HXSBX0001' } }),
  );
  const { transcript_text: _derived, ...delivered } = call ?? {};
  await count('new_call perform, complete body', 0, 'the body has every field', () =>
    appTester(triggers.new_call.operation.perform, bundle({ cleanedRequest: { event: 'new_call', data: delivered } })),
  );
  await count('new_call perform, id-only body', 1, '`GET /calls/{id}` for the rest', () =>
    appTester(
      triggers.new_call.operation.perform,
      bundle({ cleanedRequest: { event: 'new_call', data: { id: 'call_01HXSBX0001' } } }),
    ),
  );
  await count('new_lead perform, id-only body', 1, '`GET /leads/{id}`', () =>
    appTester(triggers.new_lead.operation.perform, bundle({ cleanedRequest: { id: 'lead_01HXSBX0001' } })),
  );
  await count('new_lead performList', 1, '`GET /leads`', () =>
    appTester(triggers.new_lead.operation.performList, bundle()),
  );
  await count('new_call performList', 1, '`GET /calls?limit=100`', () =>
    appTester(triggers.new_call.operation.performList, bundle()),
  );
  await count('new_or_updated_booking poll', 1, '`GET /bookings`; the digests need no request', () =>
    appTester(triggers.new_or_updated_booking.operation.perform, bundle()),
  );
};

const countSearchRequests = async (app: App, appTester: ReturnType<typeof createAppTester>, count: Count) => {
  const { searches } = app;
  for (const [key, id] of [
    ['find_call', 'call_01HXSBX0002'],
    ['find_lead', 'lead_01HXSBX0002'],
    ['find_booking', 'book_01HXSBX0002'],
  ] as const) {
    await count(`${key} by id`, 1, '`GET /<resource>/{id}`', () =>
      appTester(searches[key].operation.perform as Operation<unknown>, bundle({ inputData: { id } })),
    );
  }
  await count('find_lead by email', 1, '`GET /leads` (the API has no filters)', () =>
    appTester(searches.find_lead.operation.perform, bundle({ inputData: { email: 'maria.garcia@example.com' } })),
  );
  await count('find_booking by phone', 1, '`GET /bookings` (the API has no filters)', () =>
    appTester(searches.find_booking.operation.perform, bundle({ inputData: { phone_number: '555-444-5555' } })),
  );
  await count(
    'find_call by phone',
    2,
    '`GET /calls`, whose calls lack transcripts, then `GET /calls/{id}` for the transcript Find Call returns',
    () => appTester(searches.find_call.operation.perform, bundle({ inputData: { phone_number: '555-444-5555' } })),
  );
  await count('get_stats', 1, '`GET /stats`', () => appTester(app.creates.get_stats.operation.perform, bundle()));
};

export const countRequests = async (sandbox: Sandbox): Promise<RequestCount[]> => {
  process.env.NEVERMISS_API_URL = sandbox.apiUrl;
  const definition = loadBuiltApp();
  const app = appOperations(definition);
  const appTester = createAppTester(definition);
  const counts: RequestCount[] = [];
  const count: Count = async (operation, minimum, why, run) => {
    const before = sandbox.requestLog().length;
    await run();
    counts.push({ operation, made: sandbox.requestLog().length - before, minimum, why });
  };
  await postControl(sandbox.url, '/_sandbox/reset', {});
  await countAuthAndTriggerRequests(app, appTester, count);
  await countSearchRequests(app, appTester, count);
  return counts;
};
