// One measurement in a fresh process, so peak memory is this run's alone:
//   node tools/bench/measure.cjs <what> <apiUrl>
// <what>: cold-start (run in an unpacked build), new_lead-performList, find_booking-by-phone,
// new_or_updated_booking-poll, baseline-leads, baseline-bookings (bare fetch + JSON.parse of the same
// answer); any of them with `-icu-ready` appended (ICU initialised before the measured run, as in a Zapier
// container that has run before).
// Prints {"ms": …, "peakMB": …}.
const path = require('node:path');

const [what, apiUrl] = process.argv.slice(2);
// z.console.log echoes under the app tester; stdout carries the result alone.
console.log = () => undefined;
const KEY = 'nm_test_sandbox';

const measure = async (run) => {
  global.gc?.();
  const before = process.resourceUsage().maxRSS;
  const started = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakMB = (process.resourceUsage().maxRSS - before) / 1024;
  return { ms, peakMB, result };
};

const main = async () => {
  if (what === 'cold-start') {
    // As Zapier's runtime does: load the wrapper, ask its handler for the definition.
    const { ms, result } = await measure(async () => {
      const { handler } = require(path.resolve('zapierwrapper.js'));
      const answer = await handler({ command: 'definition', calledFromCli: true }, {});
      return Object.keys(answer.results).length;
    });
    return { ms, keys: result };
  }

  process.env.NEVERMISS_API_URL = apiUrl;
  // Loaded by every kind of run, so the memory each measures is its own work alone.
  const zapier = require('zapier-platform-core');
  const app = require(path.resolve(__dirname, '..', '..', 'dist', 'index.js')).default;
  const appTester = zapier.createAppTester(app);
  const bundle = (inputData = {}) => ({ authData: { api_key: KEY }, inputData });
  const bare = (resource) => async () => {
    const response = await fetch(`${apiUrl}/${resource}`, {
      headers: { 'x-api-key': KEY, accept: 'application/json' },
    });
    return JSON.parse(await response.text()).data.length;
  };
  const runs = {
    'new_lead-performList': () =>
      appTester(app.triggers.new_lead.operation.performList, bundle()).then((r) => r.length),
    'find_booking-by-phone': () =>
      appTester(app.searches.find_booking.operation.perform, bundle({ phone_number: '(555) 444-5555' })).then(
        (r) => r.length,
      ),
    'new_or_updated_booking-poll': () =>
      appTester(app.triggers.new_or_updated_booking.operation.perform, bundle()).then((r) => r.length),
    'baseline-leads': bare('leads'),
    'baseline-bookings': bare('bookings'),
  };
  const run = runs[what.replace(/-icu-ready$/, '')];
  if (!run) throw new Error(`unknown measurement ${what}`);
  // The first Intl.DateTimeFormat of a process loads ICU's data (about 12 ms); a container that has run
  // an operation before has it loaded already.
  if (what.endsWith('-icu-ready'))
    new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'short' }).format(0);
  const { ms, peakMB, result } = await measure(run);
  return { ms, peakMB, records: result };
};

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
