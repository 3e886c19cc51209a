// `new_call` perform on delivered calls with long transcripts: the formatting is the only work.
import { createAppTester } from 'zapier-platform-core';

import { callFor } from '../sandbox/seed';
import { appOperations } from '../app-operations';
import { loadBuiltApp } from '../built-app';
import { stat, type Stat } from './stat';

export interface TranscriptTiming {
  turns: number;
  ms: Stat;
}

const RUNS = 7;

export const formatTranscripts = async (): Promise<TranscriptTiming[]> => {
  const definition = loadBuiltApp();
  const app = appOperations(definition);
  const appTester = createAppTester(definition);
  const timings: TranscriptTiming[] = [];
  for (const turns of [100, 2_000, 20_000]) {
    const call = {
      ...callFor(0, Date.parse('2026-04-11T14:30:00Z'), 'completed'),
      transcript: Array.from({ length: turns }, (_, i) => ({
        speaker: i % 2 ? ('caller' as const) : ('agent' as const),
        text: `Turn ${String(i)}: the unit is making a rattling noise when it starts up in the morning.`,
      })),
    };
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await appTester(app.triggers.new_call.operation.perform, {
        authData: { api_key: 'nm_test_sandbox' },
        cleanedRequest: { event: 'new_call', data: call },
      });
      times.push(performance.now() - started);
    }
    timings.push({ turns, ms: stat(times) });
  }
  return timings;
};
