import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

import { hasId, isPlainObject, withTextId, type PlainObject } from '../guards';
import { apiBaseUrl, maxBodyBytes, requestTimeoutMs } from './config';
import { ADVICE, NOT_RESPONDING, UNREADABLE, userMessage } from './errors';
import type { components } from './nevermiss-api.generated';

/** The API's schemas, as `openapi-typescript` generates them from the contract (`npm run types`). */
export type ApiSchemas = components['schemas'];

/** Every answer but a DELETE's comes in this envelope (the middleware checks it). */
type ApiEnvelope = { data?: unknown };

/** `GET /calls/call_1`: a request as messages name it (half of a surrogate pair shown as �: a message must be text). */
const label = (request: ApiRequest): string =>
  `${request.method ?? 'GET'} /${request.path.join('/').replace(/\p{Cs}/gu, '\uFFFD')}`;

/** Half of a surrogate pair: text that is not well-formed Unicode, which no URL can carry (`encodeURIComponent` throws). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * URL parsing resolves `.` and `..` even when encoded, a blank segment changes the path, and text that is
 * not well-formed Unicode (half of an emoji) cannot be encoded: no id can be one of these.
 */
export const isSafePathSegment = (segment: string): boolean =>
  segment !== '' && segment !== '.' && segment !== '..' && !LONE_SURROGATE.test(segment);

interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string[];
  params?: Record<string, string | number>;
  body?: object;
  /** Core's option: a 404 in NeverMiss's error envelope is an answer, not an error (the middleware decides). */
  skipThrowForStatus?: boolean;
}

/** `12 s`, `0.2 s`: a timeout as the user reads it, rounded up to a tenth of a second. */
const inSeconds = (ms: number): string => `${String(Math.ceil(ms / 100) / 10)} s`;

/** `256 MB`, `0.001 MB`: a size as the user reads it. */
const inMegabytes = (bytes: number): string => `${String(Math.round((bytes / 1024 / 1024) * 1000) / 1000)} MB`;

/** What went wrong, briefly: the system's error code, or the timeout; never the error's message. */
const failureOf = (error: Error, timeoutMs: number): string => {
  const { code, type } = error as Error & { code?: unknown; type?: unknown };
  if (type === 'request-timeout' || type === 'body-timeout') {
    return `no complete answer within ${inSeconds(timeoutMs)}`;
  }
  return typeof code === 'string' && code !== '' ? code : error.name;
};

/** System codes of a connection that never got an answer going: NeverMiss, or the way to it, is down. */
const NO_ANSWER_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * What happened, in plain words: no answer in time, or no connection at all, is "not responding"; an
 * answer that broke off or came garbled (a reset mid-body, a malformed response) is said as such.
 */
const plainForNetworkFailure = (error: Error): string => {
  const { code, type } = error as Error & { code?: unknown; type?: unknown };
  const noAnswer =
    type === 'request-timeout' || type === 'body-timeout' || (typeof code === 'string' && NO_ANSWER_CODES.has(code));
  return noAnswer
    ? NOT_RESPONDING
    : `The connection to NeverMiss broke off before its answer was complete. ${ADVICE.tryAgain}`;
};

const isNetworkError = (error: unknown): error is Error =>
  error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');

const UNREACHABLE = 'network_error';

/** The error `send` throws when NeverMiss could not be reached or did not answer in time. */
export const isUnreachable = (error: Error): boolean => {
  try {
    return (JSON.parse(error.message) as { code?: unknown }).code === UNREACHABLE;
  } catch {
    return false;
  }
};

/** When each run (one `z`: a trigger, search, action or hydrator run) first asked NeverMiss. */
const runStarts = new WeakMap<ZObject, number>();

/**
 * How long this request may wait, for the answer to start and again for its body: the request timeout,
 * or less when the run's earlier requests have used up time. All requests of a run together wait no
 * longer than one request may (twice the timeout, inside the 30 s Zapier gives a step), so neither
 * waves of completions nor a search's two requests can outlast the step.
 */
const timeoutForNextRequest = (z: ZObject): number => {
  const now = Date.now();
  const started = runStarts.get(z) ?? now;
  runStarts.set(z, started);
  const timeLeft = started + 2 * requestTimeoutMs() - now;
  return Math.min(requestTimeoutMs(), Math.floor(timeLeft / 2));
};

/** Sends one request; the middleware has already mapped every error status and checked the envelope. */
const send = async (z: ZObject, request: ApiRequest): Promise<{ status: number; data?: unknown }> => {
  const badSegment = request.path.find((segment) => !isSafePathSegment(segment));
  if (badSegment !== undefined) {
    // Text that is not well-formed Unicode is not quoted: it could not be shown.
    const shown = LONE_SURROGATE.test(badSegment) ? 'text that is not well-formed Unicode' : `"${badSegment}"`;
    throw new z.errors.Error(
      userMessage(
        'That is not a NeverMiss ID, so the app did not ask NeverMiss for it. Map the ID from an earlier NeverMiss step, or pick a record from the list.',
        `${label(request)}: ${shown} cannot be one segment of a request path`,
      ),
      'invalid_id',
    );
  }
  // Read once: the error below names the server this request went to.
  const base = apiBaseUrl();
  const timeout = timeoutForNextRequest(z);
  if (timeout < 1) {
    // node-fetch reads a timeout of 0 as none at all.
    throw new z.errors.Error(
      userMessage(NOT_RESPONDING, `${label(request)} to ${base}: no complete answer in the time a step has`),
      UNREACHABLE,
    );
  }
  const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: false } = {
    // Each segment URL-encoded, so an id can never name another endpoint.
    url: `${base}/${request.path.map(encodeURIComponent).join('/')}`,
    method: request.method ?? 'GET',
    // The key never leaves for another origin: the middleware refuses every 3xx instead.
    redirect: 'manual',
    // For the answer to start, and again for its body to finish: a stalled or cut-off answer fails in time.
    timeout,
    // A 429 reaches the middleware, which reads Retry-After as seconds or as a date.
    throwForThrottlingEarly: false,
    ...(request.params ? { params: request.params } : {}),
    ...(request.body ? { body: request.body } : {}),
    ...(request.skipThrowForStatus ? { skipThrowForStatus: true } : {}),
    // The middleware reads the body (see `readBody`): core would log it before the key is scrubbed from it.
    raw: true,
    size: maxBodyBytes(),
  };
  try {
    // The middleware has parsed a raw body into `data` as well.
    const response = (await z.request<ApiEnvelope>(options)) as { status: number; data?: ApiEnvelope };
    const body: unknown = response.data;
    return { status: response.status, data: response.status === 404 || !isPlainObject(body) ? undefined : body.data };
  } catch (error) {
    if (isNetworkError(error) && (error as { type?: unknown }).type === 'max-size') {
      throw new z.errors.Error(
        userMessage(
          `NeverMiss sent an answer too large for the app to read. ${ADVICE.support}`,
          `${label(request)} answered with more than ${inMegabytes(maxBodyBytes())}, more than any answer the app reads`,
        ),
        'malformed_response',
      );
    }
    if (isNetworkError(error)) {
      throw new z.errors.Error(
        // The system's error code, not its message: a message can quote the request, headers and all.
        userMessage(plainForNetworkFailure(error), `${label(request)} to ${base}: ${failureOf(error, timeout)}`),
        UNREACHABLE,
      );
    }
    throw error;
  }
};

/** `GET` a list endpoint: the items of `data`, which must be an array. */
export const fetchList = async <T>(z: ZObject, request: ApiRequest): Promise<T[]> => {
  const { data, status } = await send(z, request);
  if (!Array.isArray(data)) {
    throw new z.errors.Error(
      userMessage(`${UNREADABLE} ${ADVICE.usuallyTemporary}`, `${label(request)} answered without a list in "data"`),
      'malformed_response',
      status,
    );
  }
  z.console.log(`${label(request)}: ${String(data.length)} records`);
  return data as T[];
};

const asRecord = <T>(z: ZObject, request: ApiRequest, data: unknown, status: number): T => {
  if (!isPlainObject(data)) {
    throw new z.errors.Error(
      userMessage(`${UNREADABLE} ${ADVICE.usuallyTemporary}`, `${label(request)} answered without a record in "data"`),
      'malformed_response',
      status,
    );
  }
  return data as T;
};

/** `GET` one record: `data` must be an object. */
export const fetchRecord = async <T>(z: ZObject, request: ApiRequest): Promise<T> => {
  const { data, status } = await send(z, request);
  return asRecord<T>(z, request, data, status);
};

/** Like `fetchRecord`, but a 404 is an answer: `undefined`. */
export const fetchOptionalRecord = async <T>(z: ZObject, request: ApiRequest): Promise<T | undefined> => {
  const { data, status } = await send(z, { ...request, skipThrowForStatus: true });
  return status === 404 ? undefined : asRecord<T>(z, request, data, status);
};

/**
 * The record `GET <path>/{id}` answered, which must be the one asked for: a record without an id, or
 * with another, is an error rather than an output without an id, a request for `/<path>/undefined`
 * or another record's data (a transcript file of somebody else's call).
 */
const recordAskedFor = <T>(z: ZObject, path: string, id: string, record: PlainObject): T => {
  const identified = hasId(record) ? withTextId(record) : undefined;
  const answered = identified?.id;
  if (identified !== undefined && answered === id) return identified as unknown as T;
  throw new z.errors.Error(
    userMessage(
      `${answered === undefined ? 'NeverMiss sent back a record without an ID.' : 'NeverMiss sent back another record than the one this step asked for.'} ${ADVICE.support}`,
      `GET /${path}/${id} answered with ${answered === undefined ? 'a record without an id' : `the record of another id (${answered})`}`,
    ),
    'malformed_response',
  );
};

/** `GET <path>/{id}`: the record of that id. */
export const fetchRecordById = async <T>(z: ZObject, path: string, id: string): Promise<T> =>
  recordAskedFor<T>(z, path, id, await fetchRecord<PlainObject>(z, { path: [path, id] }));

/** Like `fetchRecordById`, but a 404 is an answer: `undefined`. */
export const fetchOptionalRecordById = async <T>(z: ZObject, path: string, id: string): Promise<T | undefined> => {
  const found = await fetchOptionalRecord<PlainObject>(z, { path: [path, id] });
  return found === undefined ? undefined : recordAskedFor<T>(z, path, id, found);
};

/**
 * `DELETE` a record. Any 2xx is success, whatever its body (`204 No Content`, `{ "data": null }`), and
 * a 404 in NeverMiss's error envelope means it is already gone: both leave nothing to delete.
 */
export const deleteRecord = async (z: ZObject, request: Omit<ApiRequest, 'method'>): Promise<void> => {
  await send(z, { ...request, method: 'DELETE', skipThrowForStatus: true });
};
