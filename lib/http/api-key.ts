import type { Bundle } from 'zapier-platform-core';

import { redact } from './errors';

/**
 * What copying a key from a web page adds at either end: Unicode whitespace (White_Space, which has
 * U+0085 that `\s` lacks), invisible format characters (Cf: zero-width spaces and joiners, the BOM,
 * the soft hyphen, bidi marks, embeddings and isolates, invisible operators) and variation selectors.
 */
const PASTED_PADDING =
  /^[\p{White_Space}\p{Cf}\p{Variation_Selector}]+|[\p{White_Space}\p{Cf}\p{Variation_Selector}]+$/gu;

/** The API key as the user meant it: without what copying from a dashboard adds. */
export const apiKeyOf = (bundle: Pick<Bundle, 'authData'>): string =>
  (bundle.authData.api_key ?? '').replace(PASTED_PADDING, '');

/**
 * Printable ASCII only. Node refuses CR, LF and other controls in a header (with a TypeError that
 * quotes the value) and would send a character beyond Latin-1 as some other byte: neither is a key.
 */
export const isSendableKey = (key: string): boolean => /^[\x20-\x7E]*$/.test(key);

export const UNSENDABLE_KEY_MESSAGE =
  'The API key contains characters that cannot be sent to NeverMiss (a line break, a control character, or a character outside plain ASCII such as “…” or an accented letter). Copy the API key again from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.';

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
  bundle.authData.api_key ?? '',
  apiKeyOf(bundle),
];

/** Shorter than this, a "key" would match ordinary words in the data; no NeverMiss key is (`nm_live_` alone is 8). */
const MIN_SCRUBBED_KEY_LENGTH = 8;

/**
 * `text` from outside (an API answer, a webhook body) with the key replaced by `[redacted]`, in any
 * case: whatever a server echoes of the key never reaches an output, a message or a later request.
 */
export const withoutKey = (text: string, bundle: Pick<Bundle, 'authData'>): string => {
  const scrubbable = secretsOf(bundle).filter((secret) => secret.length >= MIN_SCRUBBED_KEY_LENGTH);
  return scrubbable.length > 0 ? redact(text, scrubbable) : text;
};
