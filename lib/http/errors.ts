import type { HttpResponse } from 'zapier-platform-core';

import { apiBaseUrl } from './config';
import { isPlainObject } from '../guards';

const DASHBOARD_HINT = 'Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.';

/** A non-blank string, trimmed. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** True for NeverMiss's documented error body `{ "error": { "status", "message" } }`. */
export const isErrorEnvelope = (body: unknown): boolean =>
  isPlainObject(body) &&
  isPlainObject(body.error) &&
  typeof body.error.status === 'number' &&
  typeof body.error.message === 'string';

/**
 * The message an error body carries: the documented `{ "error": { "message" } }`, or the shapes other
 * servers use, `{ "error": "text" }` and `{ "message": "text" }`.
 */
export const apiErrorMessage = (body: unknown): string | undefined => {
  if (!isPlainObject(body)) return undefined;
  const { error } = body;
  return textOf(isPlainObject(error) ? error.message : error) ?? textOf(body.message);
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every occurrence of the secrets in `text`, in any case (a URL's host is lower-cased, a
 * server may upper-case what it echoes), so no message or answer can carry the API key.
 */
export const redact = (text: string, secrets: readonly string[]): string => {
  // Longest first: the key as pasted contains the key as sent.
  const present = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  if (present.length === 0) return text;
  const pattern = new RegExp(present.map(escapeRegExp).join('|'), 'gi');
  return text.replace(pattern, '[redacted]');
};

export const authRejectedMessage = (apiMessage: string | undefined): string =>
  `NeverMiss rejected the API key${apiMessage ? ` (${apiMessage})` : ''}. ${DASHBOARD_HINT}`;

/** An answer as the messages below describe it; `text` is the body as received. */
export interface Answer {
  response: HttpResponse;
  text: string;
}

/** `text/html` of `text/html; charset=utf-8`, if the response says. */
const contentTypeOf = (response: HttpResponse): string | undefined =>
  response.getHeader('content-type')?.replace(/;.*$/, '') || undefined;

/** Ends `text` with a full stop unless it already ends a sentence. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** What the body was, for an error answer that carries no message: said as it was, never guessed. */
const bodyWithoutMessage = ({ response, text }: Answer): string => {
  if (text.trim() === '') return 'the answer had an empty body';
  if (response.data !== undefined) return 'NeverMiss sent JSON without an error message';
  return `NeverMiss sent ${contentTypeOf(response) ?? 'a body that is not JSON'} instead of its JSON error`;
};

/** Message for an error status other than 401 and 429, keeping whatever message the API sent. */
export const statusErrorMessage = (answer: Answer): string => {
  const detail = apiErrorMessage(answer.response.data) ?? bodyWithoutMessage(answer);
  return sentence(`NeverMiss API error ${answer.response.status} on ${requestLabel(answer.response)}: ${detail}`);
};

/** Message for a 429: core's ThrottledError carries it with the delay. */
export const throttledMessage = (response: HttpResponse): string =>
  `NeverMiss answered 429 (Too Many Requests) on ${requestLabel(response)}.`;

/** Message for a 2xx answer that is not the documented `{ "data": … }` JSON envelope. */
export const malformedBodyMessage = ({ response, text }: Answer): string => {
  const type = contentTypeOf(response);
  const what =
    text.trim() === ''
      ? 'an empty body'
      : response.data === undefined
        ? `a body that is not JSON${type ? ` (${type})` : ''}`
        : 'JSON without the "data" envelope';
  return `NeverMiss (${apiBaseUrl()}) answered ${response.status} on ${requestLabel(response)} with ${what}. This is usually temporary: try again in a few minutes.`;
};

/** `scheme://host[:port]` of a URL, or undefined when it is not one. */
const originOf = (url: string, base?: string): string | undefined => {
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
};

/** The statuses that send a client elsewhere: the others in 3xx (300, 304) name no one place to go. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Message for a 3xx: redirects are never followed, so the key goes to the API's origin only. The
 * target is named by its origin alone (a URL's path and query could carry anything).
 */
export const redirectMessage = (response: HttpResponse): string => {
  const location = response.getHeader('location')?.trim() || undefined;
  if (location === undefined && !REDIRECT_STATUSES.has(response.status)) {
    // 304 Not Modified, 300 Multiple Choices: the app asks for neither, and there is nowhere to go.
    return `NeverMiss answered ${response.status} on ${requestLabel(response)}, a status the app does not ask for, without a record or a new address. If this persists, contact NeverMiss support.`;
  }
  // A relative Location is on the API's own origin.
  const target = location === undefined ? undefined : originOf(location, apiBaseUrl());
  const where =
    target === undefined
      ? 'without saying where to'
      : target === originOf(apiBaseUrl())
        ? `to another address on ${target}`
        : `to another host (${target})`;
  return `NeverMiss answered ${response.status} on ${requestLabel(response)} with a redirect ${where}; the app does not follow redirects, so the API key was not sent there. If this persists, contact NeverMiss support.`;
};

/** `METHOD /path` of the request, below the API base URL and without the query string. */
export const requestLabel = ({ request }: HttpResponse): string =>
  `${String(request.method)} ${String(request.url).replace(/\?.*$/, '').replace(apiBaseUrl(), '')}`;

/** Message for JSON nested deeper than any NeverMiss record: core could not even serialise it as an output. */
export const tooDeepMessage = (response: HttpResponse, maxDepth: number): string =>
  `NeverMiss answered ${String(response.status)} on ${requestLabel(response)} with JSON nested deeper than ${String(maxDepth)} levels, which no NeverMiss record is. If this persists, contact NeverMiss support.`;

/** Error codes carried by the Zapier errors this app throws (`z.errors.Error(message, code, status)`). */
export const errorCode = (status: number): string => {
  if (status === 400) return 'invalid_request';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server_error';
  return `http_${String(status)}`;
};
