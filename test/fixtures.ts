// API-shaped records for tests: the contract's own examples (openapi/nevermiss.yaml), a call's
// transcript from the call sample (the contract's example has one turn); each test overrides what it is about.
import type { Booking } from '../lib/bookings';
import { callSample, type Call, type CallDetail } from '../lib/calls';
import type { Lead } from '../lib/leads';
import type { Stats } from '../lib/stats';
import type { Webhook } from '../lib/webhooks';
import { contractExample } from './contract';

/** Overrides may hold what the contract does not list (a status "MISSED "): tests send what an API might. */
type Overrides<T> = { [K in keyof T]?: T[K] extends string ? string : T[K] };

const example =
  <T>(name: string) =>
  (overrides: Overrides<T> = {}): T => ({ ...contractExample<T>(name), ...overrides });

export const stats: Stats = contractExample<Stats>('Stats');

export const call = example<Call>('Call');

export const callDetail = (overrides: Overrides<CallDetail> = {}): CallDetail =>
  ({ ...call(), transcript: callSample.transcript, ...overrides }) as CallDetail;

export const lead = example<Lead>('Lead');

export const booking = example<Booking>('Booking');

export const webhook = example<Webhook>('Webhook');

/** What core's `z.dehydrateFile` writes for the transcript file of a call (no signing secret in tests). */
export const transcriptFilePointer = (callId: string): string =>
  `hydrate|||${JSON.stringify({ type: 'file', method: 'hydrators.transcriptFile', bundle: { callId } })}|||hydrate`;
