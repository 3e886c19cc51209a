// `npm run test:invoke`: the Zap session's CLI steps through `zapier-platform invoke`, as the README
// documents it, against a sandbox, each checked as `npm start` and the end-to-end suite check it.
// The CLI reads authData and NEVERMISS_API_URL from `.env` in the app folder (and lets it override the
// environment), so the check runs in a scratch folder that links to this app and holds its own .env:
// a developer's own .env is neither used nor touched.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { SANDBOX_API_KEY, startSandbox } from '../sandbox/server';
import { zapSessionSteps, type Step } from './session';

const ROOT = path.resolve(__dirname, '..', '..');
const LINKED = ['package.json', 'index.js', 'dist', 'node_modules', '.zapierapprc'];

/** The session's steps that `zapier-platform invoke` can run: auth test, find_lead, get_stats. */
const CLI_STEPS = zapSessionSteps().filter((step): step is Step & { cli: string[] } => step.cli !== undefined);

const main = async (): Promise<number> => {
  const sandbox = await startSandbox({ port: 0 });
  const folder = mkdtempSync(path.join(tmpdir(), 'nevermiss-invoke-'));
  let failed = 0;
  try {
    for (const name of LINKED) symlinkSync(path.join(ROOT, name), path.join(folder, name));
    writeFileSync(
      path.join(folder, '.env'),
      `authData_api_key=${SANDBOX_API_KEY}\nNEVERMISS_API_URL=${sandbox.apiUrl}\n`,
    );
    for (const { cli: args, check } of CLI_STEPS) {
      const command = `zapier-platform invoke ${args.join(' ')}`;
      let problem: string | undefined;
      let description = '';
      try {
        // Asynchronous: the sandbox answers from this same process while the CLI runs.
        const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'zapier', '--', 'invoke', ...args], {
          cwd: folder,
          encoding: 'utf8',
          timeout: 120_000,
        });
        // The CLI prints the app's z.console lines first, then the result.
        description = check(JSON.parse(stdout.slice(Math.max(stdout.search(/^[[{]/m), 0))));
      } catch (error) {
        problem = (error as Error).message.split('\n').slice(0, 3).join(' ');
      }
      if (problem) failed += 1;
      console.log(problem ? `✗ ${command} — ${problem}` : `✓ ${command} · ${description}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await sandbox.close();
  }
  console.log(`${String(CLI_STEPS.length - failed)} passed, ${String(failed)} failed`);
  return failed === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
