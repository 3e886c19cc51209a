// Part of `npm run lint`: every GitHub Actions workflow, read by GitHub's own parser
// (@actions/workflow-parser: schema, expressions, job references), and run on the Node the project pins.
// An ES module run by tsx: the parser is ESM only and imports its schema as JSON without import
// attributes, which plain Node refuses.
//   tsx tools/check-workflows.mts [folder]   (default .github/workflows)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';

// This file's folder is tools/ (an ES module has no __dirname; the project compiles to CommonJS).
const ROOT = path.resolve(path.dirname(String(process.argv[1])), '..');

/** What GitHub's parser finds wrong with a workflow, as it would show it. */
const parserErrors = async (file: string, content: string): Promise<string[]> => {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || result.value === undefined) return errors;
  const template = await convertWorkflowTemplate(result.context, result.value);
  return (template.errors ?? []).map((error) => error.Message);
};

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** A `setup-node` step on another Node than package.json's `node` devDependency (the one npm scripts run on). */
const nodeVersionErrors = (file: string, content: string): string[] => {
  const { devDependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const jobs = (parse(content) as { jobs?: Record<string, { steps?: Step[] }> } | null)?.jobs ?? {};
  return Object.entries(jobs).flatMap(([job, { steps = [] }]) =>
    steps
      .filter((step) => step.uses?.startsWith('actions/setup-node@'))
      .filter((step) => String(step.with?.['node-version']) !== devDependencies.node)
      .map(
        (step) =>
          `${file}: job ${job} sets up Node ${String(step.with?.['node-version'])}, not the pinned ${String(devDependencies.node)}`,
      ),
  );
};

const main = async (): Promise<number> => {
  const folder = path.resolve(process.argv[2] ?? path.join(ROOT, '.github', 'workflows'));
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  const problems: string[] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    const content = readFileSync(file, 'utf8');
    const shown = path.relative(ROOT, file);
    const errors = await parserErrors(shown, content);
    // Only a workflow GitHub can read is read for its Node version.
    problems.push(...(errors.length > 0 ? errors : nodeVersionErrors(shown, content)));
  }
  if (files.length === 0) problems.push(`no workflow in ${folder}`);
  if (problems.length > 0) {
    console.error(['GitHub Actions workflows:', ...problems.map((problem) => `  ✗ ${problem}`)].join('\n'));
    return 1;
  }
  console.log(`GitHub Actions workflows: ${files.join(', ')} parse as GitHub reads them.`);
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`the workflow check could not run: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
