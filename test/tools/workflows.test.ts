// The workflow check (tools/check-workflows.mts, part of lint): the project's workflows pass GitHub's
// own parser; a copy with a syntax error, an expression error, a reference to no job or another Node fails.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { parse } from 'yaml';

import packageJson from '../../package.json';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const run = promisify(execFile);

const check = async (folder?: string): Promise<{ code: number; output: string }> => {
  try {
    const args = ['tools/check-workflows.mts', ...(folder === undefined ? [] : [folder])];
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
};

const release = readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'nevermiss-workflows-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A copy of release.yml changed by `change`, alone in a folder for the check. */
const brokenCopy = (change: (text: string) => string): string => {
  const text = change(release);
  expect(text).not.toBe(release);
  writeFileSync(path.join(folder, 'release.yml'), text);
  return folder;
};

it('passes the project’s workflows', async () => {
  await expect(check()).resolves.toEqual({
    code: 0,
    output: 'GitHub Actions workflows: ci.yml, release.yml parse as GitHub reads them.\n',
  });
}, 30_000);

it.each<[string, (text: string) => string, RegExp]>([
  [
    'a misspelt key',
    (text) => text.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'),
    /Unexpected value 'runs-onn'/,
  ],
  [
    'an unclosed expression',
    (text) => text.replace('${{ secrets.ZAPIER_DEPLOY_KEY }}', '${{ secrets.ZAPIER_DEPLOY_KEY'),
    /The expression is not closed/,
  ],
  [
    'a broken expression',
    (text) => text.replace("needs.gate.outputs.release == 'true'", "needs.gate.outputs.release == ('true'"),
    /Unexpected end of expression|Expected/,
  ],
  ['a job that needs no existing job', (text) => text.replace('needs: gate', 'needs: gates'), /gates/],
  ['YAML that is not YAML', (text) => text.replace('jobs:\n', 'jobs:\n  - [\n'), /release\.yml/],
  [
    'another Node version',
    (text) => text.replace(/node-version: .*/, 'node-version: 20'),
    /sets up Node 20, not the pinned /,
  ],
])(
  'fails on a copy with %s',
  async (_case, change, expected) => {
    const result = await check(brokenCopy(change));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(expected);
  },
  30_000,
);

it('CI runs the README’s set-up and test commands on the pinned Node; a release runs them, the guard, the zip, upload and promote', () => {
  type Workflow = {
    jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
  };
  const ci = parse(readFileSync(path.join(WORKFLOWS, 'ci.yml'), 'utf8')) as Workflow;
  const steps = Object.values(ci.jobs).flatMap((job) => job.steps);
  expect(steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
  expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(
    packageJson.devDependencies.node,
  );

  const runs = Object.values((parse(release) as Workflow).jobs.release!.steps)
    .map((step) => step.run)
    .filter(Boolean);
  expect(runs.slice(0, 5)).toEqual([
    'bash .ci/run',
    'npm run compat',
    'npm run zip',
    expect.stringContaining('ZAPIER_DEPLOY_KEY'),
    'npm run zapier -- upload',
  ]);
  expect(runs[5]).toBe('npm run zapier -- promote "$VERSION" --yes');
  // The deploy key is only ever handed to a step's environment, never written into a command.
  expect(release.match(/secrets\.ZAPIER_DEPLOY_KEY/g)).toHaveLength(3);
  expect(release).not.toMatch(/echo[^\n]*\$\{?ZAPIER_DEPLOY_KEY/);
});
