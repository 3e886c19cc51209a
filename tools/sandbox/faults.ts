// The faults `POST /_sandbox/faults` queues: the next API requests fail, slow down or come back spoilt.
import type { ServerResponse } from 'node:http';

import { HttpError, isRecord, MESSAGES, sendError } from './http';

const FAULT_BODIES = ['html', 'malformed', 'no-envelope', 'wrong-type', 'nulls'] as const;
type FaultBody = (typeof FAULT_BODIES)[number];

/**
 * What `POST /_sandbox/faults` asks for: the next `times` API requests fail (or slow down) this way.
 * Bodies: `html` (a proxy's error page), `malformed` (truncated JSON); and, on the real answer,
 * `no-envelope` (its `data` unwrapped), `wrong-type` (a record where a list belongs and the reverse),
 * `nulls` (every field but `id` null).
 */
export interface Fault {
  status?: number;
  times: number;
  retry_after?: number;
  delay_ms?: number;
  body?: FaultBody;
}

/** A fault from a `POST /_sandbox/faults` body. */
export const parseFault = (body: unknown): Fault => {
  if (!isRecord(body)) throw new HttpError(400, 'Send { "status"?, "times", "retry_after"?, "delay_ms"?, "body"? }.');
  const fault: Fault = {
    times: typeof body.times === 'number' && body.times > 0 ? Math.floor(body.times) : 1,
    ...(typeof body.status === 'number' ? { status: body.status } : {}),
    ...(typeof body.retry_after === 'number' ? { retry_after: body.retry_after } : {}),
    ...(typeof body.delay_ms === 'number' ? { delay_ms: body.delay_ms } : {}),
    ...(FAULT_BODIES.includes(body.body as FaultBody) ? { body: body.body as FaultBody } : {}),
  };
  if (fault.status === undefined && fault.delay_ms === undefined && fault.body === undefined) {
    throw new HttpError(400, 'A fault needs a status, a delay_ms or a body.');
  }
  return fault;
};

const nulled = (record: unknown) =>
  isRecord(record)
    ? Object.fromEntries(Object.keys(record).map((key) => [key, key === 'id' ? record.id : null]))
    : record;

/** The real answer, spoilt as a `no-envelope`, `wrong-type` or `nulls` fault asks. */
export const spoil = (body: unknown, how: FaultBody | undefined): unknown => {
  const data = isRecord(body) ? body.data : undefined;
  if (how === 'no-envelope') return data;
  if (how === 'wrong-type') return { data: Array.isArray(data) ? ((data as unknown[])[0] ?? {}) : [data] };
  if (how === 'nulls')
    return {
      ...(isRecord(body) ? body : {}),
      data: Array.isArray(data) ? (data as unknown[]).map(nulled) : nulled(data),
    };
  return body;
};

/** Whether the fault answers the request itself, instead of spoiling the real answer. */
const answersItself = (fault: Fault) =>
  fault.body === 'html' || fault.body === 'malformed' || (fault.body === undefined && fault.status !== undefined);

const answerWith = (res: ServerResponse, fault: Fault) => {
  const status = fault.status ?? 200;
  const headers: Record<string, string> =
    fault.retry_after === undefined ? {} : { 'Retry-After': String(fault.retry_after) };
  if (fault.body === 'html') {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(
      `<html><head><title>${String(status)}</title></head><body><h1>${String(status)} ${MESSAGES[status] ?? 'Error'}</h1></body></html>`,
    );
  } else if (fault.body === 'malformed') {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end('{"data": [{"id": "call_01HXSBX0001", "caller_na');
  } else {
    sendError(res, status, MESSAGES[status] ?? `Error ${String(status)}.`, headers);
  }
};

/**
 * Takes one turn of the first queued fault: waits its delay, then answers the request itself (true),
 * or leaves it to `spoil` the real answer (false).
 */
export const applyFault = async (faults: Fault[], res: ServerResponse): Promise<boolean> => {
  const fault = faults[0];
  if (!fault) return false;
  fault.times -= 1;
  if (fault.times <= 0) faults.shift();
  if (fault.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
  if (!answersItself(fault)) return false;
  answerWith(res, fault);
  return true;
};
