// The app's operations as functions that tests and tools call with the app tester. Core's `Trigger`,
// `Search` and `Create` types allow a request object where this app always has a function, and do not
// say what each outputs: this view checks the functions are there and names their outputs.
import type {
  BasicDisplay,
  Bundle,
  Create,
  PlainInputField,
  PlainOutputField,
  Search,
  Trigger,
  ZObject,
} from 'zapier-platform-core';

import type { BookingChangeOutput } from '../lib/booking-changes';
import type { BookingOutput } from '../lib/bookings';
import type { CallOutput } from '../lib/calls';
import type { Choice } from '../lib/dropdown';
import type { LeadOutput } from '../lib/leads';
import type { Stats, StatsOutput } from '../lib/stats';
import type { Webhook, WebhookDeletion } from '../lib/webhooks';

export type Operation<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** What every operation of this app declares besides its functions. */
interface Declared {
  type?: 'hook' | 'polling';
  inputFields: PlainInputField[];
  outputFields: PlainOutputField[];
  sample: Record<string, unknown>;
}

export interface HookTriggerFunctions<Output> {
  key: string;
  noun: string;
  display: BasicDisplay;
  operation: Declared & {
    perform: Operation<Output[]>;
    performList: Operation<Output[]>;
    performSubscribe: Operation<Webhook>;
    performUnsubscribe: Operation<WebhookDeletion>;
  };
}

export interface PerformFunction<Output> {
  key: string;
  noun: string;
  display: BasicDisplay;
  operation: Declared & { perform: Operation<Output> };
}

/** A hidden trigger filling a dropdown declares no fields and no sample. */
export interface DropdownFunction {
  key: string;
  operation: { perform: Operation<Choice[]> };
}

const functionsOf = (definition: Trigger | Search | Create, names: readonly string[]): void => {
  const operation = definition.operation as Record<string, unknown>;
  const missing = names.filter((name) => typeof operation[name] !== 'function');
  if (missing.length > 0) throw new Error(`${definition.key} has no function for ${missing.join(', ')}`);
};

const HOOK_FUNCTIONS = ['perform', 'performList', 'performSubscribe', 'performUnsubscribe'] as const;

export const hookTrigger = <Output>(trigger: Trigger | undefined): HookTriggerFunctions<Output> => {
  if (trigger?.operation.type !== 'hook') throw new Error(`${String(trigger?.key)} is not a REST-hook trigger`);
  functionsOf(trigger, HOOK_FUNCTIONS);
  return trigger as unknown as HookTriggerFunctions<Output>;
};

export const performOf = <Output>(definition: Trigger | Search | Create | undefined): PerformFunction<Output> => {
  if (definition === undefined) throw new Error('no such operation');
  functionsOf(definition, ['perform']);
  return definition as unknown as PerformFunction<Output>;
};

/** Every operation of an app definition (the TypeScript source or the build in dist/), typed by what it outputs. */
export const appOperations = (app: object) => {
  const {
    triggers = {},
    searches = {},
    creates = {},
    authentication,
    hydrators = {},
  } = app as {
    triggers?: Record<string, Trigger>;
    searches?: Record<string, Search>;
    creates?: Record<string, Create>;
    authentication: { test: Operation<Stats>; connectionLabel: Operation<string> };
    hydrators?: Partial<Record<string, Operation<string>>>;
  };
  const { test, connectionLabel } = authentication;
  return {
    authentication: { test, connectionLabel },
    triggers: {
      new_call: hookTrigger<CallOutput>(triggers.new_call),
      missed_call: hookTrigger<CallOutput>(triggers.missed_call),
      new_lead: hookTrigger<LeadOutput>(triggers.new_lead),
      new_booking: hookTrigger<BookingOutput>(triggers.new_booking),
      booking_cancelled: hookTrigger<BookingOutput>(triggers.booking_cancelled),
      new_or_updated_booking: performOf<BookingChangeOutput[]>(triggers.new_or_updated_booking),
      list_calls: performOf<Choice[]>(triggers.list_calls) as DropdownFunction,
      list_leads: performOf<Choice[]>(triggers.list_leads) as DropdownFunction,
      list_bookings: performOf<Choice[]>(triggers.list_bookings) as DropdownFunction,
    },
    searches: {
      find_call: performOf<CallOutput[]>(searches.find_call),
      find_lead: performOf<LeadOutput[]>(searches.find_lead),
      find_booking: performOf<BookingOutput[]>(searches.find_booking),
    },
    creates: { get_stats: performOf<StatsOutput>(creates.get_stats) },
    hydrators,
  };
};

export type AppOperations = ReturnType<typeof appOperations>;
