import type {
  BasicHookOperation,
  Bundle,
  InferInputData,
  PlainInputField,
  WebhookTriggerPerform,
  WebhookTriggerPerformList,
  WebhookTriggerPerformSubscribe,
  WebhookTriggerPerformUnsubscribe,
  ZObject,
} from 'zapier-platform-core';

import { withTextId, type Identified, type PlainObject } from './guards';
import { isUnreachable } from './http/api';
import { isWithinJsonDepth, withoutKeyInValue } from './http/api-key';
import { settleInPool } from './pool';
import { fullRecord, listRecords, outputFor, uniqueById, type RecordType } from './record-type';
import {
  recordsFromDelivery,
  subscribe,
  unsubscribe,
  type Webhook,
  type WebhookDeletion,
  type WebhookEvent,
} from './webhooks';

/** What a REST-hook trigger on one NeverMiss event declares besides its key and display. */
export interface HookTriggerOptions<
  Api extends { id: string },
  Output extends PlainObject,
  OutputOptions,
  $InputFields extends PlainInputField[],
> {
  /** The webhook event the trigger subscribes to. */
  event: WebhookEvent;
  recordType: RecordType<Api, Output, OutputOptions>;
  sample: Output;
  /** Which listed records the event stands for, in the polling fallback (a delivery's event already says so). */
  listFilter?: (record: Api) => boolean;
  /** The user's options (`defineInputFields`), applied to deliveries and to the polling fallback alike. */
  inputFields?: $InputFields;
  inputFilter?: (record: Api, inputData: InferInputData<$InputFields>) => boolean;
}

/** `bundle.meta` is absent when an operation runs outside a Zap (the app tester). */
const isLoadingSample = (bundle: Bundle): boolean =>
  (bundle.meta as Partial<Bundle['meta']> | undefined)?.isLoadingSample === true;

/**
 * The records a webhook body holds, without the API key should they hold it (in any case, however
 * escaped): it must not reach an output. A record nested deeper than any NeverMiss record keeps only
 * its id, and is fetched in full like any id-only record.
 */
const deliveredRecords = (bundle: Bundle, event: WebhookEvent): Identified[] =>
  uniqueById(recordsFromDelivery(bundle.cleanedRequest, event)).map((record) =>
    withTextId(withoutKeyInValue(isWithinJsonDepth(record) ? record : { id: record.id }, bundle) as Identified),
  );

/** The most requests of one delivery in flight at once: hundreds of id-only records must not flood NeverMiss. */
export const MAX_IN_FLIGHT = 10;

/** A delivered or listed record: in full, or (its request failed) only what the body or the list carried. */
interface CompletedRecord<Api> {
  record: Api;
  inFull: boolean;
}

/**
 * After a 429, or once NeverMiss could not be reached (refused, stalled, cut off), every further request
 * would meet the same: a delivery of hundreds must not stall wave after wave past Zapier's time limit.
 */
const stopsTheDelivery = (error: Error): boolean => error.name === 'ThrottledError' || isUnreachable(error);

/** Records in full where their requests succeeded, as they came where not, and the first failure if any. */
interface Completion<Api> {
  records: CompletedRecord<Api>[];
  firstFailure: Error | undefined;
}

/**
 * Delivered (or listed) records in full, at most MAX_IN_FLIGHT requests at a time. A record whose request
 * fails (a 429, a timeout, a record gone since) is given as it came, its id and whatever the body or the
 * list carried, rather than lost with the others; after a 429 or an unreachable NeverMiss no further
 * request is made.
 */
const completeRecords = async <Api extends { id: string }, Output extends PlainObject, OutputOptions>(
  z: ZObject,
  recordType: RecordType<Api, Output, OutputOptions>,
  delivered: Identified[],
): Promise<Completion<Api>> => {
  let stopped: Error | undefined;
  const settled = await settleInPool(delivered, MAX_IN_FLIGHT, async (record) => {
    if (stopped !== undefined) throw stopped;
    try {
      return await fullRecord(z, recordType, record);
    } catch (error) {
      if (stopsTheDelivery(error as Error)) stopped = error as Error;
      throw error;
    }
  });
  const failed = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  const [firstFailure] = failed;
  if (firstFailure !== undefined) {
    z.console.log(
      `${String(failed.length)} of ${String(settled.length)} records could not be completed (${firstFailure.name}) and are output as they came.`,
    );
  }
  const records = settled.map((result, index) =>
    result.status === 'fulfilled'
      ? { record: result.value, inFull: true }
      : { record: delivered[index] as unknown as Api, inFull: false },
  );
  return { records, firstFailure };
};

/**
 * The operation of a REST-hook trigger (`type: 'hook'`) for `defineTrigger`: subscribes with
 * `POST /webhooks`, unsubscribes with `DELETE /webhooks/{id}`, outputs each delivered record in full
 * and, for samples and Zapier's editor, falls back to polling the list endpoint.
 */
export const hookOperation = <
  Api extends { id: string },
  Output extends PlainObject,
  OutputOptions,
  const $InputFields extends PlainInputField[] = [],
>(
  options: HookTriggerOptions<Api, Output, OutputOptions, $InputFields>,
): BasicHookOperation<PlainInputField[]> => {
  const { event, recordType } = options;
  const filterFor = (bundle: Bundle) => (record: Api) =>
    options.inputFilter?.(record, bundle.inputData as InferInputData<$InputFields>) ?? true;

  const performSubscribe: WebhookTriggerPerformSubscribe = (z, bundle): Promise<Webhook> => subscribe(z, bundle, event);
  const performUnsubscribe: WebhookTriggerPerformUnsubscribe = (z, bundle): Promise<WebhookDeletion> =>
    unsubscribe(z, bundle);

  const perform: WebhookTriggerPerform<PlainObject, Output> = async (z, bundle) => {
    const toOutput = outputFor(z, bundle, recordType);
    const delivered = deliveredRecords(bundle, event);
    const wanted = filterFor(bundle);
    const { records, firstFailure } = await completeRecords(z, recordType, delivered);
    // A delivery of which no record could be completed fails, so that Zapier shows why (a ThrottledError
    // carries its delay); one with some completed outputs them all.
    if (firstFailure !== undefined && records.every(({ inFull }) => !inFull)) throw firstFailure;
    // The user's filter cannot judge a record it could not fetch in full: output it rather than lose it.
    return records.filter(({ record, inFull }) => !inFull || wanted(record)).map(({ record }) => toOutput(record));
  };

  const performList: WebhookTriggerPerformList<PlainObject, Output> = async (z, bundle) => {
    const toOutput = outputFor(z, bundle, recordType);
    const listFilter = options.listFilter ?? (() => true);
    const wanted = filterFor(bundle);
    const listed = await listRecords(z, recordType, { matches: (record) => listFilter(record) && wanted(record) });
    // While Zapier loads a sample, the first records come in full (calls: with transcripts) for mapping;
    // one that cannot be fetched (gone since it was listed, an error) is given as listed: the list is real data.
    const fullCount = isLoadingSample(bundle) ? (recordType.fullRecordsInSample ?? 0) : 0;
    const { records: inFull } = await completeRecords(z, recordType, listed.slice(0, fullCount));
    return [...inFull.map(({ record }) => record), ...listed.slice(fullCount)].map(toOutput);
  };

  return {
    type: 'hook',
    inputFields: [...(options.inputFields ?? []), ...(recordType.outputOptions?.inputFields ?? [])],
    // See docs/integration-checks.md: a blank input is "not given", wherever it comes from.
    cleanInputData: true,
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    outputFields: recordType.outputFields,
    sample: options.sample,
  };
};
