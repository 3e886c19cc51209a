import type { Bundle, PlainInputField, PlainOutputField, Trigger, ZObject } from 'zapier-platform-core';

import { recordsFromDelivery } from './deliveries';
import { isUnreachable } from './api';
import { withoutKey } from './api-key';
import type { Identified } from './guards';
import type { Webhook, WebhookDeletion, WebhookEvent } from './models';
import { settleInPool } from './pool';
import { uniqueById } from './records';
import { completeRecord, listRecords, outputContext, type Resource } from './resources';
import { subscribe, unsubscribe } from './webhooks';

type InputData = Bundle['inputData'];

/** What a REST-hook trigger declares; everything else is the shared mechanics below. */
export interface HookTriggerSpec<Api extends { id: string }, Output extends Record<string, unknown>> {
  /** The webhook event; it is also the trigger's key. */
  event: WebhookEvent;
  noun: string;
  label: string;
  /** Starts "Triggers when " and ends with ".". */
  description: string;
  resource: Resource<Api, Output>;
  sample: Output;
  /** Which listed records the event stands for, in the polling fallback (a delivery's event already says so). */
  listFilter?: (record: Api) => boolean;
  /** The user's options, applied to deliveries and to the polling fallback alike. */
  inputFields?: PlainInputField[];
  inputFilter?: (record: Api, inputData: InputData) => boolean;
}

/** A hook trigger with every operation present: subscribe, unsubscribe, perform and the polling fallback. */
export interface HookTrigger<Output extends Record<string, unknown>> {
  key: WebhookEvent;
  noun: string;
  display: { label: string; description: string };
  operation: {
    type: 'hook';
    inputFields: PlainInputField[];
    cleanInputData: true;
    performSubscribe: (z: ZObject, bundle: Bundle) => Promise<Webhook>;
    performUnsubscribe: (z: ZObject, bundle: Bundle) => Promise<WebhookDeletion>;
    perform: (z: ZObject, bundle: Bundle) => Promise<Output[]>;
    performList: (z: ZObject, bundle: Bundle) => Promise<Output[]>;
    outputFields: PlainOutputField[];
    sample: Output;
  };
}

/** `bundle.meta` is absent when an operation runs outside a Zap (the app tester). */
const isLoadingSample = (bundle: Bundle): boolean =>
  (bundle.meta as Partial<Bundle['meta']> | undefined)?.isLoadingSample === true;

/**
 * The webhook body, without the API key should it hold it (in any case): it must not reach an output.
 * A "key" made of JSON's own punctuation can cut across the body's structure: then nothing of it is read.
 */
const deliveredBody = (bundle: Bundle): unknown => {
  const text = JSON.stringify(bundle.cleanedRequest ?? null);
  const scrubbed = withoutKey(text, bundle);
  if (scrubbed === text) return bundle.cleanedRequest;
  try {
    return JSON.parse(scrubbed) as unknown;
  } catch {
    return undefined;
  }
};

/** The most completions of one delivery in flight at once: hundreds of id-only records must not flood NeverMiss. */
export const MAX_IN_FLIGHT = 10;

/** A delivered record, and whether it is whole or (its completion failed) only what the body carried. */
interface DeliveredRecord<Api> {
  record: Api;
  complete: boolean;
}

/**
 * After a 429, or once NeverMiss could not be reached (refused, stalled, cut off), every further request
 * would meet the same: a delivery of hundreds must not stall wave after wave past Zapier's time limit.
 */
const stopsTheDelivery = (error: Error): boolean => error.name === 'ThrottledError' || isUnreachable(error);

/**
 * The delivered records whole, at most MAX_IN_FLIGHT requests at a time. A record whose completion
 * fails (a 429, a timeout, a record gone) is output as delivered, its id and whatever the body carried,
 * rather than lost with the others; after a 429 or an unreachable NeverMiss no further completion is
 * asked for. Only when no record could be completed does the step fail, with the first error.
 */
const completeDelivery = async <Api extends { id: string }, Output extends Record<string, unknown>>(
  z: ZObject,
  resource: Resource<Api, Output>,
  delivered: Identified[],
): Promise<DeliveredRecord<Api>[]> => {
  let stopped: Error | undefined;
  const settled = await settleInPool(delivered, MAX_IN_FLIGHT, async (record) => {
    if (stopped !== undefined) throw stopped;
    try {
      return await completeRecord(z, resource, record);
    } catch (error) {
      if (stopsTheDelivery(error as Error)) stopped = error as Error;
      throw error;
    }
  });
  const failed = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  const [firstFailure] = failed;
  if (firstFailure === undefined) {
    return settled.map((result) => ({ record: (result as PromiseFulfilledResult<Api>).value, complete: true }));
  }
  if (failed.length === settled.length) throw firstFailure;
  z.console.log(
    `${String(failed.length)} of ${String(settled.length)} delivered records could not be completed (${firstFailure.name}) and are output as delivered.`,
  );
  return settled.map((result, index) =>
    result.status === 'fulfilled'
      ? { record: result.value, complete: true }
      : { record: delivered[index] as unknown as Api, complete: false },
  );
};

export const defineHookTrigger = <Api extends { id: string }, Output extends Record<string, unknown>>(
  spec: HookTriggerSpec<Api, Output>,
): HookTrigger<Output> => {
  const { event, resource } = spec;
  const keep = (inputData: InputData) => (record: Api) => spec.inputFilter?.(record, inputData) ?? true;

  const trigger: HookTrigger<Output> = {
    key: event,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'hook',
      inputFields: [...(spec.inputFields ?? []), ...(resource.outputOptionFields ?? [])],
      // See README, "Zapier's integration checks": a blank input is "not given", wherever it comes from.
      cleanInputData: true,
      performSubscribe: (z, bundle) => subscribe(z, bundle, event),
      performUnsubscribe: (z, bundle) => unsubscribe(z, bundle),

      perform: async (z, bundle) => {
        const context = outputContext(z, bundle);
        const delivered = uniqueById(recordsFromDelivery(deliveredBody(bundle), event));
        const kept = keep(bundle.inputData);
        const records = await completeDelivery(z, resource, delivered);
        // The user's filter cannot judge a record it could not complete: output it rather than lose it.
        return records
          .filter(({ record, complete }) => !complete || kept(record))
          .map(({ record }) => resource.toOutput(record, context));
      },

      performList: async (z, bundle) => {
        const context = outputContext(z, bundle);
        const listFilter = spec.listFilter ?? (() => true);
        const kept = keep(bundle.inputData);
        const listed = await listRecords(z, resource, (record) => listFilter(record) && kept(record));
        // While Zapier loads a sample, the first records come whole (calls: with transcripts) for mapping.
        const whole = isLoadingSample(bundle) ? (resource.sampleCompletions ?? 0) : 0;
        const completed = await Promise.all(
          listed.slice(0, whole).map((record) => completeRecord(z, resource, record)),
        );
        return [...completed, ...listed.slice(whole)].map((record) => resource.toOutput(record, context));
      },

      outputFields: resource.outputFields,
      sample: spec.sample,
    },
  };
  return trigger satisfies Trigger;
};
