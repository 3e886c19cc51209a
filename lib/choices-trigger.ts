import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';

import { listRecords, type Resource } from './resources';

/** What a dynamic dropdown shows: the id it fills in and a label a person can pick from. */
export interface Choice {
  id: string;
  label: string;
}

export interface ChoicesTrigger {
  key: string;
  noun: string;
  display: { hidden: true };
  operation: { type: 'polling'; perform: (z: ZObject, bundle: Bundle) => Promise<Choice[]> };
}

/** The parts of a label that are present, joined with " · ". */
export const choiceLabel = (...parts: unknown[]): string =>
  parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' · ');

/** `2026-04-11 14:30 UTC` from an ISO-8601 timestamp; the text as given when it is not one. */
export const shortTime = (timestamp: unknown): string => {
  if (typeof timestamp !== 'string') return '';
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** A hidden polling trigger listing recent records for an id dropdown, newest first. */
export const defineChoicesTrigger = <Api extends { id: string }, Output extends Record<string, unknown>>(
  key: string,
  resource: Resource<Api, Output>,
  labelOf: (record: Api) => string,
): ChoicesTrigger => {
  const trigger: ChoicesTrigger = {
    key,
    noun: resource.noun,
    display: { hidden: true },
    operation: {
      type: 'polling',
      perform: async (z) =>
        (await listRecords(z, resource)).map((record) => ({ id: record.id, label: labelOf(record) || record.id })),
    },
  };
  return trigger satisfies Trigger;
};
