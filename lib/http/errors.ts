// The messages Zap builders read when NeverMiss answers badly. Each begins with what happened and what to
// do, in plain words; the technical detail (status, method, path, what came back) follows "Details:".
import type { HttpResponse } from 'zapier-platform-core';

import { apiBaseUrl } from './config';
import { isPlainObject } from '../guards';

/** Ends `text` with a full stop unless it already ends a sentence. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const DETAILS = ' Details: ';

/** A message as users read it: the plain sentences first, then the detail for whoever digs into it. */
export const userMessage = (plain: string, detail: string): string => `${plain}${DETAILS}${sentence(detail)}`;

/** What to do, said the same way wherever it is the advice. */
export const ADVICE = {
  tryAgain: 'Try again in a few minutes.',
  usuallyTemporary: 'This is usually temporary: try again in a few minutes.',
  support: 'If this persists, contact NeverMiss support.',
  reconnect: 'Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.',
};

/** The plain sentence for an answer the app could not read. */
export const UNREADABLE = 'NeverMiss sent an answer the app could not read.';

/** The plain sentences for NeverMiss not answering in time, or not at all. */
export const NOT_RESPONDING = `NeverMiss is not responding right now. ${ADVICE.tryAgain}`;

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

/**
 * A message with the key replaced in what came from outside: its details (the API's text, a redirect's
 * host). The plain sentences before "Details:" are the app's own words, so a short or wordlike "key"
 * ("key", "API") can never garble them into "the API [redacted]".
 */
export const withoutKeyInDetails = (message: string, secrets: readonly string[]): string => {
  const at = message.indexOf(DETAILS);
  if (at === -1) return redact(message, secrets);
  const end = at + DETAILS.length;
  return `${message.slice(0, end)}${redact(message.slice(end), secrets)}`;
};

/** `METHOD /path` of the request, below the API base URL and without the query string. */
export const requestLabel = ({ request }: HttpResponse): string =>
  `${String(request.method)} ${String(request.url).replace(/\?.*$/, '').replace(apiBaseUrl(), '')}`;

/** Message for a 401: the key is wrong, expired or revoked. */
export const authRejectedMessage = (response: HttpResponse, apiMessage: string | undefined): string =>
  userMessage(
    `NeverMiss did not accept the API key. ${ADVICE.reconnect}`,
    `${String(response.status)} on ${requestLabel(response)}${apiMessage ? `: ${apiMessage}` : ''}`,
  );

/** An answer as the messages below describe it; `text` is the body as received. */
export interface Answer {
  response: HttpResponse;
  text: string;
}

/** `text/html` of `text/html; charset=utf-8`, if the response says. */
const contentTypeOf = (response: HttpResponse): string | undefined =>
  response.getHeader('content-type')?.replace(/;.*$/, '') || undefined;

/** What the body was, for an error answer that carries no message: said as it was, never guessed. */
const bodyWithoutMessage = ({ response, text }: Answer): string => {
  if (text.trim() === '') return 'the answer had an empty body';
  if (response.data !== undefined) return 'NeverMiss sent JSON without an error message';
  return `NeverMiss sent ${contentTypeOf(response) ?? 'a body that is not JSON'} instead of its JSON error`;
};

/** What happened and what to do, by the kind of error status. */
const plainForStatus = (status: number): string => {
  if (status === 400) {
    return 'NeverMiss could not accept the request. Check the values this step sends; if they look right and this persists, contact NeverMiss support.';
  }
  if (status === 404) return `NeverMiss could not find what this step asked for. ${ADVICE.support}`;
  if (status >= 500) return `NeverMiss is having trouble right now. ${ADVICE.tryAgain}`;
  return `NeverMiss refused the request. ${ADVICE.support}`;
};

/** Message for an error status other than 401 and 429, keeping whatever message the API sent. */
export const statusErrorMessage = (answer: Answer): string => {
  const { status } = answer.response;
  const detail = apiErrorMessage(answer.response.data) ?? bodyWithoutMessage(answer);
  return userMessage(
    plainForStatus(status),
    `NeverMiss API error ${status} on ${requestLabel(answer.response)}: ${detail}`,
  );
};

/** Message for a 429: core's ThrottledError carries it with the delay. */
export const throttledMessage = (response: HttpResponse): string =>
  userMessage(
    `NeverMiss has had too many requests from this account in a short time. ${ADVICE.tryAgain}`,
    `429 Too Many Requests on ${requestLabel(response)}`,
  );

/** Message for a 2xx answer that is not the documented `{ "data": … }` JSON envelope. */
export const malformedBodyMessage = ({ response, text }: Answer): string => {
  const type = contentTypeOf(response);
  const what =
    text.trim() === ''
      ? 'an empty body'
      : response.data === undefined
        ? `a body that is not JSON${type ? ` (${type})` : ''}`
        : 'JSON without the "data" envelope';
  return userMessage(
    `${UNREADABLE} ${ADVICE.usuallyTemporary}`,
    `${apiBaseUrl()} answered ${response.status} on ${requestLabel(response)} with ${what}`,
  );
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
  const on = `${String(response.status)} on ${requestLabel(response)}`;
  if (location === undefined && !REDIRECT_STATUSES.has(response.status)) {
    // 304 Not Modified, 300 Multiple Choices: the app asks for neither, and there is nowhere to go.
    return userMessage(
      `NeverMiss answered in a way the app does not ask for. ${ADVICE.support}`,
      `${on}, a status the app does not ask for, without a record or a new address`,
    );
  }
  // A relative Location is on the API's own origin.
  const target = location === undefined ? undefined : originOf(location, apiBaseUrl());
  const where =
    target === undefined
      ? 'without saying where to'
      : target === originOf(apiBaseUrl())
        ? `to another address on ${target}`
        : `to another host (${target})`;
  return userMessage(
    `NeverMiss sent the request somewhere else, which the app does not follow, so your API key was not sent there. ${ADVICE.support}`,
    `${on}, a redirect ${where}`,
  );
};

/** Message for JSON nested deeper than any NeverMiss record: core could not even serialise it as an output. */
export const tooDeepMessage = (response: HttpResponse, maxDepth: number): string =>
  userMessage(
    `${UNREADABLE} ${ADVICE.support}`,
    `${String(response.status)} on ${requestLabel(response)} with JSON nested deeper than ${String(maxDepth)} levels, which no NeverMiss record is`,
  );

/** Error codes carried by the Zapier errors this app throws (`z.errors.Error(message, code, status)`). */
export const errorCode = (status: number): string => {
  if (status === 400) return 'invalid_request';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server_error';
  return `http_${String(status)}`;
};
