// A real HTTP server on loopback that answers like NeverMiss until told to misbehave the way real
// servers, proxies and networks do: cut a body off, stall, redirect elsewhere, answer in other shapes.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { booking, call, callDetail, lead, stats, webhook } from './fixtures';

export const HOSTILE_FAULTS = [
  'connection reset mid-body',
  'stall before the headers',
  'stall mid-body',
  'redirect to another host',
  'redirect on the same host',
  '204 No Content',
  '200 {"data": null}',
  '404 HTML page',
  '404 {"error": "text"}',
  '500 {"error": "text"}',
  '500 {"message": "text"}',
  '500 {"error": {"message": 5}}',
  '500 empty body',
  '429 + Retry-After: HTTP date',
  'records without id',
  'record of another id',
  'ids repeated in lists',
] as const;

export type HostileFault = (typeof HOSTILE_FAULTS)[number];

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface HostileServer {
  /** `http://127.0.0.1:<port>/api/v1`: what NEVERMISS_API_URL should be. */
  apiUrl: string;
  /** The fault every request meets until the next call; undefined answers like NeverMiss. */
  setFault: (fault: HostileFault | undefined) => void;
  /** A delay before every answer, so requests overlap (the concurrency checks). */
  setLatency: (ms: number) => void;
  /** Requests to this server since the last `reset`. */
  requests: SeenRequest[];
  /** Requests that reached the other host a redirect points to: there must never be any. */
  otherHostRequests: SeenRequest[];
  /** The most requests this server had in flight at once since the last `reset`. */
  peakInFlight: () => number;
  /** Answers 429 to the requests numbered from `first` (1-based) on, until the next reset. */
  throttleFrom: (first: number) => void;
  reset: () => void;
  close: () => Promise<void>;
}

const API_PATH = '/api/v1';
const LIST_ITEMS = { calls: call, leads: lead, bookings: booking } as const;
const DETAILS = { calls: callDetail, leads: lead, bookings: booking } as const;
type Resource = keyof typeof LIST_ITEMS;
const isResource = (name: string | undefined): name is Resource => name !== undefined && name in LIST_ITEMS;

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

/** What NeverMiss answers, before any fault: the fixtures, a record under the id asked for. */
const normalAnswer = (method: string, segments: string[]): { status: number; body: unknown } => {
  const [resource, id] = segments;
  if (method === 'GET' && segments.length === 1 && resource === 'stats') return { status: 200, body: { data: stats } };
  if (method === 'POST' && segments.length === 1 && resource === 'webhooks')
    return { status: 201, body: { data: webhook() } };
  if (method === 'DELETE' && resource === 'webhooks' && id !== undefined) {
    return { status: 200, body: { data: { id, deleted: true } } };
  }
  if (method === 'GET' && isResource(resource)) {
    if (id === undefined) return { status: 200, body: { data: [LIST_ITEMS[resource]()], count: 1 } };
    return { status: 200, body: { data: DETAILS[resource]({ id }) } };
  }
  return { status: 404, body: { error: { status: 404, message: 'Not found.' } } };
};

/** The normal answer changed as the fault says, for the faults that keep an answer's status. */
const reshaped = (fault: HostileFault | undefined, body: unknown): unknown => {
  if (typeof body !== 'object' || body === null || !('data' in body)) return body;
  const { data } = body;
  const strip = (record: unknown) => {
    const { id: _id, ...rest } = record as Record<string, unknown>;
    return rest;
  };
  if (fault === 'records without id') {
    return { ...body, data: Array.isArray(data) ? data.map(strip) : strip(data) };
  }
  if (fault === 'record of another id' && !Array.isArray(data)) {
    return { ...body, data: { ...(data as object), id: 'another_record' } };
  }
  if (fault === 'ids repeated in lists' && Array.isArray(data)) {
    const items = data as unknown[];
    return { ...body, data: [...items, ...items, ...items], count: items.length * 3 };
  }
  return body;
};

const listen = (server: Server, host: string): Promise<number> =>
  new Promise((resolve) => {
    server.listen(0, host, () => {
      resolve((server.address() as AddressInfo).port);
    });
  });

/** What a fault that replaces the answer needs to know. */
interface FaultContext {
  request: IncomingMessage;
  response: ServerResponse;
  /** The request's path below the API base, e.g. `/calls/call_1`. */
  apiPath: string;
  port: number;
  otherPort: number;
}

/** How each fault that replaces the answer answers; the others reshape the normal answer (`reshaped`). */
const FAULT_ANSWERS: Partial<Record<HostileFault, (context: FaultContext) => void>> = {
  'connection reset mid-body': ({ request, response }) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
    response.write('{"data": {"id": "cut_');
    setTimeout(() => request.socket.destroy(), 20);
  },
  'stall before the headers': () => undefined,
  'stall mid-body': ({ response }) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{"data": ');
  },
  'redirect to another host': ({ request, response, otherPort }) => {
    response.writeHead(302, { Location: `http://127.0.0.2:${String(otherPort)}${String(request.url)}` });
    response.end();
  },
  'redirect on the same host': ({ response, apiPath, port }) => {
    response.writeHead(301, { Location: `http://127.0.0.1:${String(port)}/api/v2${apiPath}` });
    response.end();
  },
  '204 No Content': ({ response }) => {
    response.writeHead(204);
    response.end();
  },
  '200 {"data": null}': ({ response }) => {
    json(response, 200, { data: null });
  },
  '404 HTML page': ({ response }) => {
    response.writeHead(404, { 'Content-Type': 'text/html' });
    response.end('<html><body><h1>404 Not Found</h1>nginx</body></html>');
  },
  '404 {"error": "text"}': ({ response }) => {
    json(response, 404, { error: 'No route matches this path.' });
  },
  '500 {"error": "text"}': ({ response }) => {
    json(response, 500, { error: 'Database unavailable.' });
  },
  '500 {"message": "text"}': ({ response }) => {
    json(response, 500, { message: 'Database unavailable.' });
  },
  '500 {"error": {"message": 5}}': ({ response }) => {
    json(response, 500, { error: { message: 5 } });
  },
  '500 empty body': ({ response }) => {
    response.writeHead(500, { 'Content-Type': 'application/json' });
    response.end();
  },
  '429 + Retry-After: HTTP date': ({ response }) => {
    const retryAt = new Date(Date.now() + 30_000).toUTCString();
    json(response, 429, { error: { status: 429, message: 'Too many requests.' } }, { 'Retry-After': retryAt });
  },
};

const seen = (request: IncomingMessage): SeenRequest => ({
  method: String(request.method),
  path: String(request.url),
  headers: request.headers,
});

const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });

/** Another origin: 127.0.0.2 is loopback too, but another host to a URL. It records what reaches it. */
const startOtherHost = async (received: SeenRequest[]): Promise<{ server: Server; port: number }> => {
  const server = createServer((request, response) => {
    received.push(seen(request));
    json(response, 200, { data: { id: 'from_another_host' } });
  });
  return { server, port: await listen(server, '127.0.0.2') };
};

export const startHostileServer = async (): Promise<HostileServer> => {
  let fault: HostileFault | undefined;
  let latency = 0;
  let throttleFrom = Number.POSITIVE_INFINITY;
  let inFlight = 0;
  let peak = 0;
  let port = 0;
  const requests: SeenRequest[] = [];
  const otherHostRequests: SeenRequest[] = [];
  const other = await startOtherHost(otherHostRequests);

  const answer = (request: IncomingMessage, response: ServerResponse, number: number) => {
    if (number >= throttleFrom) {
      json(response, 429, { error: { status: 429, message: 'Too many requests.' } }, { 'Retry-After': '30' });
      return;
    }
    const apiPath = new URL(String(request.url), 'http://127.0.0.1').pathname.slice(API_PATH.length);
    const replace = fault === undefined ? undefined : FAULT_ANSWERS[fault];
    if (replace !== undefined) {
      replace({ request, response, apiPath, port, otherPort: other.port });
      return;
    }
    const normal = normalAnswer(String(request.method), apiPath.split('/').filter(Boolean).map(decodeURIComponent));
    json(response, normal.status, reshaped(fault, normal.body));
  };

  const server = createServer((request, response) => {
    const number = requests.push(seen(request));
    // Counted from arrival until the answer starts: the client cannot send the next request sooner.
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const respond = () => {
      inFlight -= 1;
      answer(request, response, number);
    };
    request.resume();
    request.on('end', () => {
      if (latency > 0) setTimeout(respond, latency);
      else respond();
    });
  });
  port = await listen(server, '127.0.0.1');

  return {
    apiUrl: `http://127.0.0.1:${String(port)}${API_PATH}`,
    setFault: (next) => {
      fault = next;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    requests,
    otherHostRequests,
    peakInFlight: () => peak,
    throttleFrom: (first) => {
      throttleFrom = first;
    },
    reset: () => {
      fault = undefined;
      latency = 0;
      throttleFrom = Number.POSITIVE_INFINITY;
      requests.length = 0;
      otherHostRequests.length = 0;
      peak = inFlight;
    },
    close: async () => {
      await Promise.all([closeServer(server), closeServer(other.server)]);
    },
  };
};
