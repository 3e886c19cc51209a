// `npm run compat`: the app's public surface against the surface of the last released version
// (compat/released-surface.json); fails on a breaking change unless the major version goes up.
// `npm run compat -- --record`: writes the current surface as the released one (a release step).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { compareSurfaces, verdictOf, type Change } from './compare';
import { surfaceOf, type Surface } from './surface';

const ROOT = path.resolve(__dirname, '..', '..');
const RELEASED_SURFACE = path.join(ROOT, 'compat', 'released-surface.json');

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The app definition from the TypeScript source: a copy of the project is judged by its own code, built or not. */
const currentSurface = async (): Promise<Surface> => {
  const { version } = readJson<{ version: string }>(path.join(ROOT, 'package.json'));
  const { default: app } = (await import(path.join(ROOT, 'index.ts'))) as { default: object };
  return surfaceOf(app, version);
};

const lines = (title: string, mark: string, changes: Change[]): string[] =>
  changes.length === 0
    ? []
    : [
        title,
        ...changes.map(
          ({ where, what, rule }) => `  ${mark} ${where}: ${what}${rule === undefined ? '' : ` (${rule})`}`,
        ),
      ];

const main = async (): Promise<number> => {
  const current = await currentSurface();
  if (process.argv.includes('--record')) {
    writeFileSync(RELEASED_SURFACE, `${JSON.stringify(current, null, 2)}\n`);
    console.log(`Recorded the public surface of ${current.version} in ${path.relative(ROOT, RELEASED_SURFACE)}.`);
    return 0;
  }
  const released = readJson<Surface>(RELEASED_SURFACE);
  const comparison = compareSurfaces(released, current);
  const verdict = verdictOf(released, current, comparison);
  console.log(
    [
      `Public surface of ${current.version} against the released ${released.version} (${path.relative(ROOT, RELEASED_SURFACE)}):`,
      ...lines('Breaking (existing Zaps, templates or connections would break):', '✗', comparison.breaking),
      ...lines('Changed, compatible:', '~', comparison.compatible),
      ...lines('Added:', '+', comparison.added),
      ...(comparison.breaking.length + comparison.compatible.length + comparison.added.length === 0
        ? ['  no change']
        : []),
      ...verdict.reasons.map((reason) => `compat: ${reason}`),
      `compat: ${verdict.passes ? 'passes' : 'FAILS'}.`,
    ].join('\n'),
  );
  return verdict.passes ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run compat could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
