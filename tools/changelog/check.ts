// CHANGELOG.md as `zapier-platform promote` reads it: the pinned CLI's own parser
// (zapier-platform-cli's src/utils/changelog.js, loaded from npx's cache), and what would go wrong there.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { loadCliModule } from '../zapier-cli';

/** What the CLI's `getVersionChangelog(version, appDir)` answers: the entry and the change metadata of its lines. */
export interface VersionChangelog {
  changelog: string;
  appMetadata?: { app_change_type: string; action_key: string; action_type: 'read' | 'write' | 'search' }[];
  issueMetadata?: { app_change_type: string; issue_id: number }[];
}
export type ReadChangelog = (version: string, appDir: string) => Promise<VersionChangelog>;

/** The CLI's parser: `promote` reads a version's changelog with this very function. */
export const cliChangelogReader = async (): Promise<ReadChangelog> =>
  (await loadCliModule<{ getVersionChangelog: ReadChangelog }>('src/utils/changelog.js')).getVersionChangelog;

/** A heading naming a version (major.minor.patch): `## 1.1.0`, `### 1.0.0 (2026-04-20)`. */
interface VersionHeading {
  version: string;
  level: number;
  /** Its line's index in the file. */
  line: number;
}

const linesOf = (markdown: string): string[] => markdown.split(/\r\n|\r|\n/);

const versionHeadings = (lines: string[]): VersionHeading[] =>
  lines.flatMap((text, line) => {
    const match = /^(#{1,4}) .*?\b(\d+\.\d+\.\d+)\b/.exec(text);
    return match ? [{ version: String(match[2]), level: String(match[1]).length, line }] : [];
  });

/**
 * A version's own entry, by changelog.js's rule read from its own heading: the lines after it up to the
 * next heading of its level or higher. (The CLI finds the heading loosely, see below; this is the entry a
 * reader means.)
 */
const ownEntry = (lines: string[], heading: VersionHeading): string => {
  const rest = lines.slice(heading.line + 1);
  const end = rest.findIndex((text) => new RegExp(`^#{1,${String(heading.level)}} `).test(text));
  return (end === -1 ? rest : rest.slice(0, end)).join('\n').trim();
};

/** The action types of the CLI's metadata (`trigger/<key>` is read, `create/<key>` write, `search/<key>` search). */
export const KIND_OF_ACTION_TYPE = { read: 'trigger', write: 'create', search: 'search' } as const;

/**
 * The version whose heading the CLI takes for `version`: its first line matching `^#{1,4} .*<version>`
 * (changelog.js), which is loose: `## 11.0.0` comes before `## 1.0.0` for 1.0.0.
 */
const headingTakenFor = (lines: string[], version: string): string | undefined => {
  const pattern = new RegExp(`^#{1,4} .*${version.split('.').join('\\.')}`);
  const line = lines.find((candidate) => pattern.test(candidate));
  return line === undefined ? undefined : versionHeadings([line])[0]?.version;
};

/** What is wrong with the file's version headings as a whole: a version twice, headings of different levels. */
const headingProblems = (headings: VersionHeading[]): string[] => [
  ...headings
    .filter(({ version }, index) => headings.findIndex((other) => other.version === version) !== index)
    .map(({ version }) => `version ${version} has two headings: the CLI reads the first alone.`),
  ...(new Set(headings.map(({ level }) => level)).size > 1
    ? [
        'the version headings are of different levels: the CLI reads a lower one as part of the entry above it; give every version the same level (## 1.1.0).',
      ]
    : []),
];

/**
 * Why `promote` would find no changelog, or a wrong one: no entry for the version being released, or one
 * the CLI reads as empty, under another version's heading, or naming a `trigger/<key>` the app does not
 * have; an empty entry for any other version; a version heading given twice, or headings of different
 * levels. History may name operations a later major version removed: only the entry being released is
 * checked against the app's keys.
 */
export const changelogProblems = async (
  appDir: string,
  version: string,
  operationKeys: Record<'trigger' | 'search' | 'create', string[]>,
  read: ReadChangelog,
): Promise<string[]> => {
  let markdown: string;
  try {
    markdown = readFileSync(path.join(appDir, 'CHANGELOG.md'), 'utf8');
  } catch {
    return ['there is no CHANGELOG.md: `zapier-platform promote` refuses a version without one.'];
  }
  const lines = linesOf(markdown);
  const headings = versionHeadings(lines);
  const problems = headingProblems(headings);
  for (const heading of headings.filter((other) => other.version !== version)) {
    if (ownEntry(lines, heading) === '') problems.push(`the entry for ${heading.version} is empty.`);
  }
  if (!headings.some((heading) => heading.version === version)) {
    return [...problems, `no entry for ${version}, the version in package.json.`];
  }
  const taken = headingTakenFor(lines, version);
  if (taken !== version) {
    problems.push(
      `promote would read the entry under the heading of ${String(taken)} for ${version}: put ${version} first.`,
    );
  }
  const { changelog, appMetadata = [] } = await read(version, appDir);
  if (changelog === '') problems.push(`the entry for ${version} is empty.`);
  for (const { action_key, action_type } of appMetadata) {
    const kind = KIND_OF_ACTION_TYPE[action_type];
    if (!operationKeys[kind].includes(action_key)) {
      problems.push(`the entry for ${version} names ${kind}/${action_key}, which the app does not have.`);
    }
  }
  return problems;
};
