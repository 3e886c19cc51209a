import type { Bundle } from 'zapier-platform-core';

import { withoutPastedPadding } from '../formats/text';
import { redact, userMessage } from './errors';

/** A stored value as text: Zapier stores a password field as text; anything else (none, a number) as it prints. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The API key as the user meant it: without what copying from a dashboard adds. */
export const apiKeyOf = (bundle: Pick<Bundle, 'authData'>): string =>
  withoutPastedPadding(textOf(bundle.authData.api_key));

/**
 * Printable ASCII only. Node refuses CR, LF and other controls in a header (with a TypeError that
 * quotes the value) and would send a character beyond Latin-1 as some other byte: neither is a key.
 */
export const isSendableKey = (key: string): boolean => /^[\x20-\x7E]*$/.test(key);

export const UNSENDABLE_KEY_MESSAGE = userMessage(
  'The API key contains characters that cannot be sent to NeverMiss. Copy the API key again from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.',
  'a line break, a control character, or a character outside plain ASCII such as “…” or an accented letter',
);

/** Below this length a key shows none of its characters: four of a short key would give most of it away. */
export const MIN_KEY_LENGTH_FOR_SUFFIX = 16;

/**
 * `API key ****1e5f`: never more than NeverMiss shows itself (`api_key_suffix`, the last four), none
 * of a short or unsendable key, and no app name (Zapier shows that next to the label already).
 */
export const connectionLabelOf = (key: string): string => {
  const shown = key.length >= MIN_KEY_LENGTH_FOR_SUFFIX && isSendableKey(key) ? key.slice(-4) : '';
  return `API key ****${shown}`;
};

/** Both spellings of the key, as pasted and as sent: neither may appear in a message or an output. */
export const secretsOf = (bundle: Pick<Bundle, 'authData'>): string[] => [
  textOf(bundle.authData.api_key),
  apiKeyOf(bundle),
];

/** Core's log scrubber's minimum: shorter, a "key" would match ordinary words in the data. */
const MIN_SCRUBBED_KEY_LENGTH = 6;

const scrubbableSecrets = (bundle: Pick<Bundle, 'authData'>): string[] =>
  secretsOf(bundle).filter((secret) => secret.length >= MIN_SCRUBBED_KEY_LENGTH);

/**
 * `text` from outside (an API answer, a webhook body) with the key replaced by `[redacted]`, in any
 * case: whatever a server echoes of the key never reaches an output, a message or a later request.
 */
export const withoutKey = (text: string, bundle: Pick<Bundle, 'authData'>): string => {
  const scrubbable = scrubbableSecrets(bundle);
  return scrubbable.length > 0 ? redact(text, scrubbable) : text;
};

/** Deeper than any NeverMiss answer or delivery; core's own serialisation of an output overflows long before 10,000. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` (parsed JSON) nests no deeper than MAX_JSON_DEPTH arrays and objects. */
export const isWithinJsonDepth = (value: unknown, depth = 0): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  // Loops, not Object.values(…).every(…): this walks every value of a 100,000-record list (3× faster).
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!isWithinJsonDepth(item, depth + 1)) return false;
    return true;
  }
  for (const key in value) if (!isWithinJsonDepth((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
};

const scrubValue = (value: unknown, scrub: (text: string) => string): unknown => {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [scrub(key), scrubValue(child, scrub)]));
};

/**
 * `value` (parsed JSON, no deeper than MAX_JSON_DEPTH) with the key replaced in every string and
 * property name: JSON's escapes (`\/`, `\u0026`, `\"`) hide a key from a scrub of the text.
 */
export const withoutKeyInValue = (value: unknown, bundle: Pick<Bundle, 'authData'>): unknown => {
  const scrubbable = scrubbableSecrets(bundle);
  return scrubbable.length > 0 ? scrubValue(value, (text) => redact(text, scrubbable)) : value;
};
