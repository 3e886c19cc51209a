// Every operation that makes a request, each set up so that it must make one: what the fault suites run.
import type { Bundle, ZObject } from 'zapier-platform-core';

import authentication from '../../authentication';
import { findBooking, findCall, findLead, getStats, triggers } from '../operations';
import type { HookTriggerFunctions } from '../../tools/app-operations';
import { appTester } from '../helpers';

export type Run = () => Promise<unknown>;

/** An id of each resource the server under test knows. */
export interface Seed {
  calls: string;
  leads: string;
  bookings: string;
}

export const hookTriggers: [string, HookTriggerFunctions<Record<string, unknown>>, keyof Seed][] = [
  ['new_call', triggers.new_call, 'calls'],
  ['missed_call', triggers.missed_call, 'calls'],
  ['new_lead', triggers.new_lead, 'leads'],
  ['new_booking', triggers.new_booking, 'bookings'],
  ['booking_cancelled', triggers.booking_cancelled, 'bookings'],
];

/** Runs an operation through the app tester with the key and `extra` in its bundle. */
export const runner =
  (key: string) =>
  <T>(operation: (z: ZObject, bundle: Bundle) => Promise<T>, extra: object = {}): Run =>
  () =>
    appTester(operation, { authData: { api_key: key }, inputData: {}, ...extra });

export const operationsFor = (key: string, seed: Seed): [string, Run][] => {
  const run = runner(key);
  return [
    ['auth test', run(authentication.test)],
    ...hookTriggers.flatMap(([name, trigger, resource]): [string, Run][] => [
      [`${name} subscribe`, run(trigger.operation.performSubscribe, { targetUrl: 'https://hooks.zapier.com/h/1/' })],
      [`${name} unsubscribe`, run(trigger.operation.performUnsubscribe, { subscribeData: { id: 'whk_2fc81fd8a1' } })],
      [`${name} perform (id-only body)`, run(trigger.operation.perform, { cleanedRequest: { id: seed[resource] } })],
      [`${name} performList`, run(trigger.operation.performList, { meta: { isLoadingSample: true } })],
    ]),
    ['new_or_updated_booking poll', run(triggers.new_or_updated_booking.operation.perform)],
    ['find_call by id', run(findCall.operation.perform, { inputData: { id: seed.calls } })],
    ['find_call by phone', run(findCall.operation.perform, { inputData: { phone_number: '555-123-4567' } })],
    ['find_lead by id', run(findLead.operation.perform, { inputData: { id: seed.leads } })],
    ['find_lead by email', run(findLead.operation.perform, { inputData: { email: 'john.smith@example.com' } })],
    ['find_booking by id', run(findBooking.operation.perform, { inputData: { id: seed.bookings } })],
    ['find_booking by phone', run(findBooking.operation.perform, { inputData: { phone_number: '(555) 123-4567' } })],
    ['get_stats', run(getStats.operation.perform)],
    ['list_calls (dropdown)', run(triggers.list_calls.operation.perform)],
    ['list_leads (dropdown)', run(triggers.list_leads.operation.perform)],
    ['list_bookings (dropdown)', run(triggers.list_bookings.operation.perform)],
  ];
};
