import type { BasicPollingOperation, Bundle, PollingTriggerPerform } from 'zapier-platform-core';

import { instantOfTimestamp } from './formats/local-time';
import type { PlainObject } from './guards';
import { listRecords, type RecordType } from './record-type';

/** What a dynamic dropdown shows: the id it fills in and a label a person can pick from. */
export interface Choice {
  id: string;
  label: string;
}

/** The parts of a label that are present, joined with " · ". */
export const dropdownLabel = (...parts: unknown[]): string =>
  parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' · ');

/** `2026-04-11 14:30 UTC` from an ISO-8601 timestamp; the text as given when it is not one. */
export const dropdownTime = (timestamp: unknown): string => {
  if (typeof timestamp !== 'string') return '';
  const time = instantOfTimestamp(timestamp);
  return time === undefined ? timestamp : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** The page Zapier asks for: `bundle.meta.page`, zero-based; the first when absent or not a page number. */
const pageOf = (bundle: Bundle): number => {
  const page = (bundle.meta as Partial<Bundle['meta']> | undefined)?.page;
  return typeof page === 'number' && Number.isInteger(page) && page >= 0 ? page : 0;
};

/**
 * The operation of a hidden polling trigger (`defineTrigger`) that fills a search's ID dropdown: the
 * records of a type, newest first, each as its id and a label a person can pick from, 100 a page. The API
 * has no paging, so each page is cut from the one list request: "Load more" reaches every record.
 */
export const dropdownOperation = <Api extends { id: string }, Output extends PlainObject, OutputOptions>(
  recordType: RecordType<Api, Output, OutputOptions>,
): BasicPollingOperation => {
  const perform: PollingTriggerPerform<PlainObject, Choice> = async (z, bundle) =>
    (await listRecords(z, recordType, { page: pageOf(bundle) })).map((record) => ({
      id: record.id,
      label: recordType.labelInDropdown(record) || record.id,
    }));
  return { type: 'polling', canPaginate: true, perform };
};
