// `npm run zip` (after `validate`): `zapier-platform build` of the app, from a staging folder.
//
// The CLI copies the whole app folder, node_modules included, to a temp folder before it installs
// the production dependencies there, and it opens every file at once. With this project's dev
// tooling (~13,000 files in node_modules) the copy from the project root of a fresh clone fails with
// EMFILE ("too many open files"), as docs/build-and-zip.md says.
// So the build runs on a staging folder: the files git tracks (for source.zip), the compiled dist/,
// package.json without its scripts, and the production dependencies alone, as `npm ci --omit=dev`
// installs them. The CLI then does everything as usual: copies that folder, installs production
// dependencies, builds the zip (what index.js reaches, plus .zapierapprc's includeInBuild) and
// load-tests it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ZAPIER_CLI_NPX_ARGS } from './zapier-cli';

const ROOT = path.resolve(__dirname, '..');
const run = promisify(execFile);
const BIG_OUTPUT = { maxBuffer: 64 * 1024 * 1024 };

const main = async () => {
  const staging = mkdtempSync(path.join(tmpdir(), 'nevermiss-zip-'));
  try {
    const { stdout: tracked } = await run('git', ['ls-files', '-z'], { cwd: ROOT, ...BIG_OUTPUT });
    for (const name of [...tracked.split('\0').filter(Boolean), 'dist']) {
      if (existsSync(path.join(ROOT, name)))
        cpSync(path.join(ROOT, name), path.join(staging, name), { recursive: true });
    }
    // Without scripts, the CLI does not run `_zapier-build` (tsc) where there is no TypeScript.
    const { scripts: _scripts, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts?: unknown;
    };
    writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: staging, ...BIG_OUTPUT });

    const { stdout, stderr } = await run('npx', [...ZAPIER_CLI_NPX_ARGS, 'build', '--skip-validation'], {
      cwd: staging,
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
      ...BIG_OUTPUT,
    });
    process.stdout.write(stdout);
    process.stderr.write(stderr);

    mkdirSync(path.join(ROOT, 'build'), { recursive: true });
    for (const zip of ['build.zip', 'source.zip']) {
      cpSync(path.join(staging, 'build', zip), path.join(ROOT, 'build', zip));
    }
    console.log('Copied build/build.zip and build/source.zip into the project.');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
  process.stderr.write(`${stdout ?? ''}${stderr ?? ''}npm run zip failed: ${message}\n`);
  process.exit(1);
});
