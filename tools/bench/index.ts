// `npm run bench`: what the integration costs Zapier and the user, against the floor a bare app sets.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import AdmZip from 'adm-zip';

import { postControl, startSandbox, type Sandbox } from '../sandbox/server';
import { deliverMany, DELIVERED, POOL, type DeliveryTiming } from './delivery';
import { countRequests, type RequestCount } from './requests';
import { stat, type Stat } from './stat';
import { formatTranscripts, type TranscriptTiming } from './transcripts';
import { MAX_UPCOMING } from '../../lib/booking-changes';
import { ZAPIER_CLI_NPX_ARGS } from '../zapier-cli';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const COLD_START_RUNS = 9;
const SCALE_RUNS = 5;
const SIZES = [1_000, 10_000, 100_000];
/**
 * Of a business's bookings, the share still to come when the bench polls: two weeks of appointments in
 * two years of history (a booking list is mostly past). The worst case, every booking upcoming, is
 * measured too (a row of its own).
 */
const UPCOMING_SHARE = 0.02;
const WORST_CASE_SIZE = 10_000;

const TARGETS = {
  zipRatio: 1.3,
  coldStartRatio: 1.15,
  scaleRatio: 2,
  growthPer10x: 11,
  deliveryRatio: 1.5,
  /** New or Updated Booking's poll, digests included, at 10,000 and 100,000 bookings. */
  pollRatio: 1.3,
};

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const showStat = ({ median, min, max }: Stat, unit: string, digits = 1) =>
  `${fixed(median, digits)} ${unit} (${fixed(min, digits)}–${fixed(max, digits)})`;
const kB = (bytes: number) => `${fixed(bytes / 1024, 0)} kB`;

const log = (line: string) => process.stderr.write(`${line}\n`);
// z.console.log echoes under the app tester; the report is written to stdout on its own.
console.log = () => undefined;

/** Both zips the same way: `zapier-platform build` of a folder holding the production dependencies (as `npm run zip` does). */
const buildZips = async (): Promise<{ project: string; minimal: string }> => {
  log('building build/build.zip (npm run zip)…');
  await run('npm', ['run', '--silent', 'zip'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const folder = mkdtempSync(path.join(tmpdir(), 'nevermiss-minimal-app-'));
  cpSync(path.join(__dirname, 'minimal-app'), folder, { recursive: true });
  log('building the minimal app the same way…');
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: folder, maxBuffer: 64 * 1024 * 1024 });
  await run('npx', [...ZAPIER_CLI_NPX_ARGS, 'build', '--skip-validation'], {
    cwd: folder,
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { project: path.join(ROOT, 'build', 'build.zip'), minimal: path.join(folder, 'build', 'build.zip') };
};

const measure = async (args: string[], cwd = ROOT): Promise<{ ms: number; peakMB: number; records?: number }> => {
  const { stdout } = await run(process.execPath, ['--expose-gc', path.join(__dirname, 'measure.cjs'), ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'test' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { ms: number; peakMB: number; records?: number };
};

/** Median of alternating runs: each zip unpacked once, its wrapper loaded in a fresh process each run. */
const coldStarts = async (zips: { project: string; minimal: string }) => {
  const unpack = (zip: string) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'nevermiss-unpacked-'));
    new AdmZip(zip).extractAllTo(folder, true);
    return folder;
  };
  const folders = { project: unpack(zips.project), minimal: unpack(zips.minimal) };
  const times = { project: [] as number[], minimal: [] as number[] };
  for (let i = 0; i < COLD_START_RUNS; i += 1) {
    for (const which of i % 2 ? (['project', 'minimal'] as const) : (['minimal', 'project'] as const)) {
      times[which].push((await measure(['cold-start'], folders[which])).ms);
    }
  }
  return { project: stat(times.project), minimal: stat(times.minimal) };
};

interface ScaleRow {
  operation: string;
  size: number;
  op: { ms: Stat; mb: Stat };
  baseline: { ms: Stat; mb: Stat };
}

/** The scaled operations: measure.cjs's name, its baseline's, and the row's label. */
const MEASURED = [
  ['new_lead-performList', 'baseline-leads', 'new_lead performList'],
  ['find_booking-by-phone', 'baseline-bookings', 'find_booking by phone'],
  ['new_or_updated_booking-poll', 'baseline-bookings', 'new_or_updated_booking poll'],
] as const;
const POLL = 'new_or_updated_booking poll';
const WORST_CASE = 'new_or_updated_booking poll, every booking upcoming';
const ICU_READY = 'new_or_updated_booking poll, ICU already loaded (a container that has run before)';

/** SCALE_RUNS alternating runs of an operation and its baseline, each in a fresh process. */
const measurePair = async (sandbox: Sandbox, operation: string, baseline: string) => {
  const op = { ms: [] as number[], mb: [] as number[] };
  const base = { ms: [] as number[], mb: [] as number[] };
  for (let i = 0; i < SCALE_RUNS; i += 1) {
    for (const what of i % 2 ? [baseline, operation] : [operation, baseline]) {
      const result = await measure([what, sandbox.apiUrl]);
      const into = what === operation ? op : base;
      into.ms.push(result.ms);
      into.mb.push(result.peakMB);
    }
  }
  return { op: { ms: stat(op.ms), mb: stat(op.mb) }, baseline: { ms: stat(base.ms), mb: stat(base.mb) } };
};

const scaling = async (sandbox: Sandbox): Promise<ScaleRow[]> => {
  const rows: ScaleRow[] = [];
  for (const size of SIZES) {
    const upcoming = Math.round(size * UPCOMING_SHARE);
    await postControl(sandbox.url, '/_sandbox/seed', { leads: size, bookings: size, upcoming });
    for (const [operation, baseline, label] of MEASURED) {
      log(`scaling: ${operation} over ${String(size)} records…`);
      rows.push({ operation: label, size, ...(await measurePair(sandbox, operation, baseline)) });
    }
  }
  await postControl(sandbox.url, '/_sandbox/seed', {
    bookings: WORST_CASE_SIZE,
    upcoming: Math.round(WORST_CASE_SIZE * UPCOMING_SHARE),
  });
  log(`scaling: ${ICU_READY} over ${String(WORST_CASE_SIZE)} records…`);
  rows.push({
    operation: ICU_READY,
    size: WORST_CASE_SIZE,
    ...(await measurePair(sandbox, 'new_or_updated_booking-poll-icu-ready', 'baseline-bookings')),
  });
  await postControl(sandbox.url, '/_sandbox/seed', { bookings: WORST_CASE_SIZE, upcoming: WORST_CASE_SIZE });
  log(`scaling: ${WORST_CASE} over ${String(WORST_CASE_SIZE)} records…`);
  rows.push({
    operation: WORST_CASE,
    size: WORST_CASE_SIZE,
    ...(await measurePair(sandbox, 'new_or_updated_booking-poll', 'baseline-bookings')),
  });
  return rows;
};

interface Measurements {
  started: Date;
  sizes: { project: number; minimal: number };
  cold: { project: Stat; minimal: Stat };
  requests: RequestCount[];
  scale: ScaleRow[];
  transcripts: TranscriptTiming[];
  delivery: DeliveryTiming;
  minimalZip: string;
}

const measureAll = async (): Promise<Measurements> => {
  const started = new Date();
  const zips = await buildZips();
  const sizes = { project: statSync(zips.project).size, minimal: statSync(zips.minimal).size };
  log('cold starts…');
  const cold = await coldStarts(zips);
  const sandbox = await startSandbox({ port: 0 });
  try {
    log('requests per operation…');
    const requests = await countRequests(sandbox);
    const scale = await scaling(sandbox);
    log('transcripts…');
    const transcripts = await formatTranscripts();
    log(`a delivery of ${String(DELIVERED)} id-only records…`);
    const delivery = await deliverMany();
    return { started, sizes, cold, requests, scale, transcripts, delivery, minimalZip: zips.minimal };
  } finally {
    await sandbox.close();
  }
};

const SCALED = ['new_lead performList', 'find_booking by phone', POLL];

/** How much each step of 10× more records multiplies the median time. */
const growth = (scale: ScaleRow[], operation: string) => {
  const series = scale.filter((row) => row.operation === operation).map((row) => row.op.ms.median);
  return series.slice(1).map((value, i) => value / (series[i] ?? Number.NaN));
};

const ratiosOf = ({ sizes, cold, delivery }: Measurements) => {
  const idealMs = (DELIVERED / POOL) * delivery.roundTripMs.median;
  return {
    zip: sizes.project / sizes.minimal,
    coldStart: cold.project.median / cold.minimal.median,
    idealMs,
    delivery: delivery.ms.median / idealMs,
  };
};

const missedTargets = (m: Measurements): string[] => {
  const ratios = ratiosOf(m);
  const misses: string[] = [];
  if (ratios.zip > TARGETS.zipRatio) misses.push(`zip ${fixed(ratios.zip, 2)}× > ${String(TARGETS.zipRatio)}×`);
  if (ratios.coldStart > TARGETS.coldStartRatio) {
    misses.push(`cold start ${fixed(ratios.coldStart, 2)}× > ${String(TARGETS.coldStartRatio)}×`);
  }
  for (const count of m.requests) {
    if (count.made !== count.minimum)
      misses.push(`${count.operation}: ${String(count.made)} requests, minimum ${String(count.minimum)}`);
  }
  for (const row of m.scale.filter(({ size }) => size === 100_000)) {
    const time = row.op.ms.median / row.baseline.ms.median;
    const memory = row.op.mb.median / row.baseline.mb.median;
    if (time > TARGETS.scaleRatio) misses.push(`${row.operation} at 100,000: ${fixed(time, 2)}× the baseline's time`);
    if (memory > TARGETS.scaleRatio)
      misses.push(`${row.operation} at 100,000: ${fixed(memory, 2)}× the baseline's memory`);
  }
  for (const row of m.scale.filter(({ operation, size }) => operation === POLL && size >= 10_000)) {
    const time = row.op.ms.median / row.baseline.ms.median;
    if (time > TARGETS.pollRatio) {
      misses.push(`${POLL} at ${row.size.toLocaleString('en-US')}: ${fixed(time, 2)}× the baseline's time`);
    }
  }
  for (const operation of SCALED) {
    for (const factor of growth(m.scale, operation)) {
      if (factor > TARGETS.growthPer10x) misses.push(`${operation}: time grows ${fixed(factor)}× per 10× records`);
    }
  }
  const { delivery } = m;
  if (delivery.requests !== DELIVERED) {
    misses.push(`delivery of ${String(DELIVERED)}: ${String(delivery.requests)} requests`);
  }
  if (delivery.peakInFlight > POOL) {
    misses.push(
      `delivery of ${String(DELIVERED)}: ${String(delivery.peakInFlight)} requests in flight > ${String(POOL)}`,
    );
  }
  if (ratios.delivery > TARGETS.deliveryRatio) {
    misses.push(`delivery of ${String(DELIVERED)}: ${fixed(ratios.delivery, 2)}× the ideal time`);
  }
  return misses;
};

const table = (header: string[], rows: string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
];

const zipAndColdStartSections = (m: Measurements): string[] => {
  const ratios = ratiosOf(m);
  return [
    '## 1. Zip size',
    '',
    ...table(
      ['zip', 'size', 'ratio', 'target'],
      [
        ['minimal app (core 19.1.0, empty definition)', kB(m.sizes.minimal), '1.00×', ''],
        [
          'NeverMiss `build/build.zip`',
          kB(m.sizes.project),
          `${fixed(ratios.zip, 2)}×`,
          `≤ ${String(TARGETS.zipRatio)}×`,
        ],
      ],
    ),
    '## 2. Cold start',
    '',
    `Load \`zapierwrapper.js\` of the unpacked zip and ask its handler for the definition, in a fresh Node process; median (min–max) of ${String(COLD_START_RUNS)} alternating runs each.`,
    '',
    ...table(
      ['zip', 'cold start', 'ratio', 'target'],
      [
        ['minimal app', showStat(m.cold.minimal, 'ms'), '1.00×', ''],
        [
          'NeverMiss',
          showStat(m.cold.project, 'ms'),
          `${fixed(ratios.coldStart, 2)}×`,
          `≤ ${String(TARGETS.coldStartRatio)}×`,
        ],
      ],
    ),
    '## 3. Requests per operation',
    '',
    "Counted on the sandbox's request log.",
    '',
    ...table(
      ['operation', 'requests', 'minimum', 'why that minimum'],
      m.requests.map(({ operation, made, minimum, why }) => [operation, String(made), String(minimum), why]),
    ),
  ];
};

const scalingSection = ({ scale }: Measurements): string[] => [
  '## 4. Scaling',
  '',
  `Each run in a fresh Node process against the sandbox (which serves a cached answer, so its own serialising is not measured); median (min–max) of ${String(SCALE_RUNS)} alternating runs. Memory is the growth of peak RSS during the run. The baseline is a bare \`fetch\` + \`JSON.parse\` of the same answer.`,
  '',
  `\`${POLL}\` is one \`GET /bookings\` and, for every upcoming booking, its output and digest (the ${String(MAX_UPCOMING)} soonest at most). ${fixed(UPCOMING_SHARE * 100, 0)} % of the bookings are upcoming (two weeks of appointments in two years of history): ${String(10_000 * UPCOMING_SHARE)} of 10,000 and ${(100_000 * UPCOMING_SHARE).toLocaleString('en-US')} of 100,000, of which it gives ${String(MAX_UPCOMING)}. Target ≤ ${String(TARGETS.pollRatio)}× the baseline's time at 10,000 and 100,000. Two rows more, without a target: the same poll with ICU's data already loaded (the first \`Intl.DateTimeFormat\` of a process loads it, about 12 ms, once: every operation that outputs a date-time pays it in a fresh process, the baseline never), and the worst case, ${WORST_CASE_SIZE.toLocaleString('en-US')} bookings all upcoming (${String(MAX_UPCOMING)} given).`,
  '',
  ...table(
    ['operation', 'records', 'time', 'baseline time', 'time ratio', 'peak memory', 'baseline memory', 'memory ratio'],
    scale.map((row) => [
      row.operation,
      row.size.toLocaleString('en-US'),
      showStat(row.op.ms, 'ms', 0),
      showStat(row.baseline.ms, 'ms', 0),
      `${fixed(row.op.ms.median / row.baseline.ms.median, 2)}×`,
      showStat(row.op.mb, 'MB', 1),
      showStat(row.baseline.mb, 'MB', 1),
      `${fixed(row.op.mb.median / row.baseline.mb.median, 2)}×`,
    ]),
  ),
  ...table(
    ['operation', 'time growth 1,000 → 10,000', 'time growth 10,000 → 100,000', 'target'],
    SCALED.map((operation) => [
      operation,
      ...growth(scale, operation).map((factor) => `${fixed(factor)}×`),
      `≤ ${String(TARGETS.growthPer10x)}× per 10×`,
    ]),
  ),
];

const transcriptAndDeliverySections = (m: Measurements): string[] => {
  const { delivery } = m;
  const ratios = ratiosOf(m);
  return [
    '## 5. Transcript formatting',
    '',
    '`new_call` `perform` on a delivered call (no request), median (min–max) of 7 runs.',
    '',
    ...table(
      ['turns', 'time', 'per turn'],
      m.transcripts.map(({ turns, ms }) => [
        turns.toLocaleString('en-US'),
        showStat(ms, 'ms', 2),
        `${fixed((ms.median * 1000) / turns, 2)} µs`,
      ]),
    ),
    `## 6. A delivery of ${String(DELIVERED)} id-only records`,
    '',
    `\`new_lead\` \`perform\` on one delivery of ${String(DELIVERED)} id-only records, each completed with \`GET /leads/{id}\`, against a loopback server that answers every request after 50 ms and counts the requests it has in flight. The ideal is ${String(DELIVERED)} ÷ ${String(POOL)} = ${String(DELIVERED / POOL)} round trips, a round trip being the median time of a one-record delivery; median (min–max) of 5 runs.`,
    '',
    ...table(
      ['operation', 'requests', 'most in flight', 'time', 'round trip', 'ideal', 'ratio', 'target'],
      [
        [
          `new_lead perform, ${String(DELIVERED)} id-only records`,
          `${String(delivery.requests)} (target ${String(DELIVERED)})`,
          `${String(delivery.peakInFlight)} (target ≤ ${String(POOL)})`,
          showStat(delivery.ms, 'ms', 0),
          showStat(delivery.roundTripMs, 'ms', 0),
          `${fixed(ratios.idealMs, 0)} ms`,
          `${fixed(ratios.delivery, 2)}×`,
          `≤ ${String(TARGETS.deliveryRatio)}×`,
        ],
      ],
    ),
  ];
};

const report = (m: Measurements, misses: string[]): string => {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (tools/bench/index.ts): do not edit by hand. -->',
    '',
    `What the integration costs on top of \`zapier-platform-core\` and the API, against the floor a minimal app sets, measured side by side in one run. Machine: ${cpu}, ${String(cpus().length)} cores, ${fixed(totalmem() / 2 ** 30)} GiB (${fixed(freemem() / 2 ** 30)} GiB free); Node ${process.version}; ${m.started.toISOString()}. Absolute times vary from machine to machine and from run to run: read the ratios.`,
    '',
    `**Result: ${misses.length === 0 ? 'every target met' : `${String(misses.length)} target(s) missed: ${misses.join('; ')}`}.**`,
    '',
    'Reproduce: `npm install && npm run bench` (it builds both zips, starts and stops the sandbox itself, and rewrites this file; about 4 minutes).',
    '',
    ...zipAndColdStartSections(m),
    ...scalingSection(m),
    ...transcriptAndDeliverySections(m),
  ].join('\n');
};

const main = async (): Promise<number> => {
  const measurements = await measureAll();
  const misses = missedTargets(measurements);
  const text = report(measurements, misses);
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), text);
  process.stdout.write(`${text}\n`);
  rmSync(path.dirname(path.dirname(measurements.minimalZip)), { recursive: true, force: true });
  return misses.length === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`npm run bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
