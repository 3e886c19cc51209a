// A webhook delivery of 300 id-only records: requests made, the most in flight, and the time against
// the ideal of 300 ÷ 10 round trips, on a loopback server that answers each request after a fixed delay.
import { createAppTester } from 'zapier-platform-core';

import { appOperations } from '../app-operations';
import { loadBuiltApp } from '../built-app';
import { startHostileServer } from '../../test/hostile-server';
import { stat, type Stat } from './stat';

export const DELIVERED = 300;
/** The most completions in flight the app allows (lib/hook-trigger.ts). */
export const POOL = 10;
/** The server's delay before each answer: round trips this long make concurrency show. */
const LATENCY_MS = 50;
const RUNS = 5;

export interface DeliveryTiming {
  requests: number;
  peakInFlight: number;
  ms: Stat;
  /** One round trip: an id-only delivery of one record. */
  roundTripMs: Stat;
}

export const deliverMany = async (): Promise<DeliveryTiming> => {
  const server = await startHostileServer();
  const previousUrl = process.env.NEVERMISS_API_URL;
  process.env.NEVERMISS_API_URL = server.apiUrl;
  try {
    const definition = loadBuiltApp();
    const app = appOperations(definition);
    const appTester = createAppTester(definition);
    const deliver = (count: number) =>
      appTester(app.triggers.new_lead.operation.perform, {
        authData: { api_key: 'nm_live_bench_0000' },
        cleanedRequest: {
          event: 'new_lead',
          data: Array.from({ length: count }, (_, i) => ({ id: `lead_${String(i)}` })),
        },
      });
    const times: number[] = [];
    const roundTrips: number[] = [];
    let requests = 0;
    let peakInFlight = 0;
    for (let i = 0; i < RUNS; i += 1) {
      server.reset();
      server.setLatency(LATENCY_MS);
      let started = performance.now();
      await deliver(1);
      roundTrips.push(performance.now() - started);

      server.reset();
      server.setLatency(LATENCY_MS);
      started = performance.now();
      const output = await deliver(DELIVERED);
      times.push(performance.now() - started);
      if (output.length !== DELIVERED)
        throw new Error(`${String(output.length)} of ${String(DELIVERED)} records output`);
      requests = Math.max(requests, server.requests.length);
      peakInFlight = Math.max(peakInFlight, server.peakInFlight());
    }
    return { requests, peakInFlight, ms: stat(times), roundTripMs: stat(roundTrips) };
  } finally {
    if (previousUrl === undefined) delete process.env.NEVERMISS_API_URL;
    else process.env.NEVERMISS_API_URL = previousUrl;
    await server.close();
  }
};
