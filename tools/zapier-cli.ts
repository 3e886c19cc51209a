// The Zapier CLI this project runs: package.json's `zapier` script pins it (`npx --package=…`), and the
// tools run the same one, or load its own modules (its changelog parser) from npx's cache.
import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..');
const run = promisify(execFile);

const zapierScript = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { zapier: string } }
).scripts.zapier;

/** `zapier-platform-cli@19.1.0`, as the `zapier` script names it. */
export const ZAPIER_CLI_PACKAGE =
  /--package=(zapier-platform-cli@\S+)/.exec(zapierScript)?.[1] ?? 'zapier-platform-cli';

/** `npx` arguments that provide the pinned CLI, installing it without asking. */
const WITH_ZAPIER_CLI = ['--yes', `--package=${ZAPIER_CLI_PACKAGE}`];

/** `npx` arguments that run the pinned CLI's `zapier-platform` binary; the CLI's own arguments follow. */
export const ZAPIER_CLI_NPX_ARGS = [...WITH_ZAPIER_CLI, '--', 'zapier-platform'];

/** The folder npx installed the pinned CLI in (installing it first, from the npm registry, when it is not cached). */
const cliFolder = async (): Promise<string> => {
  const { stdout } = await run('npx', [...WITH_ZAPIER_CLI, '-c', 'command -v zapier-platform'], {
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
  });
  // …/node_modules/.bin/zapier-platform links to …/node_modules/zapier-platform-cli/src/bin/run.
  return path.resolve(path.dirname(realpathSync(stdout.trim())), '..', '..');
};

/** One of the pinned CLI's own modules, e.g. `src/utils/changelog.js`. */
export const loadCliModule = async <T>(relativePath: string): Promise<T> =>
  createRequire(__filename)(path.join(await cliFolder(), relativePath)) as T;
