// Part of `npm run lint`: CHANGELOG.md has a non-empty entry for package.json's version, read as
// `zapier-platform promote` reads it, and its change lines name operations the app has.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { changelogProblems, cliChangelogReader, KIND_OF_ACTION_TYPE } from './check';

const ROOT = path.resolve(__dirname, '..', '..');

const main = async (): Promise<number> => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { default: app } = (await import(path.join(ROOT, 'index.ts'))) as {
    default: { triggers?: object; searches?: object; creates?: object };
  };
  const keys = {
    trigger: Object.keys(app.triggers ?? {}),
    search: Object.keys(app.searches ?? {}),
    create: Object.keys(app.creates ?? {}),
  };
  const read = await cliChangelogReader();
  const problems = await changelogProblems(ROOT, version, keys, read);
  if (problems.length > 0) {
    console.error(['CHANGELOG.md:', ...problems.map((problem) => `  ✗ ${problem}`)].join('\n'));
    return 1;
  }
  const { appMetadata = [] } = await read(version, ROOT);
  const named = appMetadata.map(
    ({ app_change_type, action_key, action_type }) =>
      `${KIND_OF_ACTION_TYPE[action_type]}/${action_key} (${app_change_type})`,
  );
  console.log(
    `CHANGELOG.md: the entry for ${version} reads as promote reads it${named.length ? `; it names ${named.join(', ')}` : ''}.`,
  );
  return 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`the changelog check could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
