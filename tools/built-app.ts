// The app as Zapier loads it: the compiled build in dist/ that the root index.js re-exports.
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Bundle, ZObject } from 'zapier-platform-core';

import type { HookTrigger } from '../lib/hook-trigger';
import type { Stats, WebhookEvent } from '../lib/models';
import type { RecordSearch } from '../lib/search';

type Operation<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

export interface BuiltApp {
  authentication: { test: Operation<Stats>; connectionLabel: Operation<string> };
  triggers: Record<WebhookEvent, HookTrigger<Record<string, unknown>>>;
  searches: Record<'find_call' | 'find_lead' | 'find_booking', RecordSearch<Record<string, unknown>>>;
  creates: { get_stats: { operation: { perform: Operation<Stats> } } };
  hydrators: Partial<Record<string, Operation<string>>>;
}

/** dist/ by its path: tsx would resolve the root `index.js` to the TypeScript source. Build first. */
export const loadBuiltApp = (): BuiltApp =>
  (createRequire(__filename)(path.resolve(__dirname, '..', 'dist', 'index.js')) as { default: BuiltApp }).default;
