import type {
  AfterResponseMiddleware,
  BeforeRequestMiddleware,
  Bundle,
  HttpResponse,
  RawHttpResponse,
  ZObject,
} from 'zapier-platform-core';

import {
  apiKeyOf,
  isSendableKey,
  isWithinJsonDepth,
  MAX_JSON_DEPTH,
  secretsOf,
  UNSENDABLE_KEY_MESSAGE,
  withoutKey,
  withoutKeyInValue,
} from './api-key';
import {
  apiErrorMessage,
  authRejectedMessage,
  errorCode,
  isErrorEnvelope,
  malformedBodyMessage,
  redirectMessage,
  requestLabel,
  statusErrorMessage,
  throttledMessage,
  tooDeepMessage,
  type Answer,
  withoutKeyInDetails,
} from './errors';
import { isPlainObject } from '../guards';

export const addApiHeaders: BeforeRequestMiddleware = (request, z, bundle) => {
  const apiKey = apiKeyOf(bundle);
  // Refused here, before node-fetch's header check throws a TypeError that quotes the whole value.
  if (!isSendableKey(apiKey)) throw new z.errors.Error(UNSENDABLE_KEY_MESSAGE, 'invalid_api_key');
  request.headers = {
    ...request.headers,
    Accept: 'application/json',
    ...(apiKey ? { 'x-api-key': apiKey } : {}),
  };
  return request;
};

const hasDataEnvelope = (body: unknown): boolean => isPlainObject(body) && 'data' in body;

/** The most of a body the app's own log line shows. */
const LOGGED_BODY_CHARACTERS = 2000;

const JSON_ESCAPE = /\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])/g;
const ESCAPED_CONTROLS: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The start of a body for the app's log line, its JSON escapes undone before the key is scrubbed from
 * it: an escape (`\u006e`, `\/`) must not carry the key into a log in a form anyone can read back.
 */
const logExcerpt = (text: string, bundle: Pick<Bundle, 'authData'>): string =>
  withoutKey(
    text
      .slice(0, LOGGED_BODY_CHARACTERS)
      .replace(JSON_ESCAPE, (_escape, hex: string | undefined, character: string) =>
        hex === undefined ? (ESCAPED_CONTROLS[character] ?? character) : String.fromCharCode(parseInt(hex, 16)),
      ),
    bundle,
  );

/** A body as the checks below read it: the text, and whether its JSON nests deeper than any answer may. */
interface ReadBody {
  text: string;
  nestedTooDeep: boolean;
}

/**
 * The body, read here once (every request is raw) and kept, parsed, as `data`, with the API key
 * scrubbed out in any case and however JSON escapes it: whatever a server echoes of the key (in a
 * record, an id, a message) never reaches an output, a message, a log line or a later request. Core
 * logs a raw answer's body as a placeholder, so the app logs the scrubbed body itself; and a list of
 * tens of MB is parsed once, where core would parse a normal body twice and again for its log.
 */
const readBody = async (response: HttpResponse, z: ZObject, bundle: Pick<Bundle, 'authData'>): Promise<ReadBody> => {
  const received = (await (response as unknown as RawHttpResponse).text()).replace(/^\uFEFF/, '');
  const text = withoutKey(received, bundle);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const nestedTooDeep = !isWithinJsonDepth(data);
  // Without a backslash the text is its strings, already scrubbed; with one, an escape may hide the key.
  if (text.includes('\\') && !nestedTooDeep) data = withoutKeyInValue(data, bundle);
  Object.defineProperty(response, 'data', { value: nestedTooDeep ? undefined : data, enumerable: true });
  z.console.log(
    `NeverMiss answered ${requestLabel(response)} with ${String(response.status)}: ${logExcerpt(text, bundle)}`,
  );
  return { text, nestedTooDeep };
};

/** The longest wait a `Retry-After` asks for that the app passes on (one day): a longer one is read as one day. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Seconds to wait from a `Retry-After` header (RFC 9110): delta-seconds (digits; a decimal is rounded
 * up), or an HTTP date (each of its three forms begins with a day name; one in the past is 0). At most
 * `MAX_RETRY_AFTER_SECONDS`. Undefined, so no delay, when it is absent, negative or neither.
 */
export const retryAfterSeconds = (header: string | undefined, now = Date.now()): number | undefined => {
  const value = header?.trim() ?? '';
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil(Number(value)));
  if (!/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i.test(value)) return undefined;
  // The asctime form names no zone: it is GMT, as every HTTP date is.
  const date = Date.parse(/\bGMT$/i.test(value) ? value : `${value} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((date - now) / 1000)));
};

/**
 * The one place API answers become Zapier errors. Requests set `throwForThrottlingEarly: false`,
 * so a 429 arrives here and its `Retry-After` is read in both forms; `redirect: 'manual'`, so a 3xx
 * arrives here unfollowed. A request that sets `skipThrowForStatus` takes a 404 as an answer only
 * when the body is NeverMiss's error envelope: a proxy's or a wrong URL's 404 is an error.
 */
export const handleApiResponse: AfterResponseMiddleware = async (response, z, bundle) => {
  const { status } = response;
  const safe = (message: string) => withoutKeyInDetails(message, secretsOf(bundle));
  // These three need no body: a stalled or cut-off one must not turn them into a timeout.
  if (status === 429) {
    throw new z.errors.ThrottledError(
      safe(throttledMessage(response)),
      retryAfterSeconds(response.getHeader('retry-after')),
    );
  }
  if (status >= 300 && status < 400) {
    throw new z.errors.Error(safe(redirectMessage(response)), 'redirect_refused', status);
  }
  // A DELETE that succeeded needs no body: `204 No Content`, `{ "data": null }` and the documented answer alike.
  if (response.request.method === 'DELETE' && status >= 200 && status < 300) {
    return response;
  }
  const { text, nestedTooDeep } = await readBody(response, z, bundle);
  const answer: Answer = { response, text };
  if (nestedTooDeep) {
    throw new z.errors.Error(safe(tooDeepMessage(response, MAX_JSON_DEPTH)), 'malformed_response', status);
  }
  if (status === 404 && response.skipThrowForStatus && isErrorEnvelope(response.data)) {
    return response;
  }
  if (status === 401) {
    throw new z.errors.ExpiredAuthError(safe(authRejectedMessage(response, apiErrorMessage(response.data))));
  }
  if (status >= 400) {
    throw new z.errors.Error(safe(statusErrorMessage(answer)), errorCode(status), status);
  }
  if (!hasDataEnvelope(response.data)) {
    throw new z.errors.Error(safe(malformedBodyMessage(answer)), 'malformed_response', status);
  }
  return response;
};
