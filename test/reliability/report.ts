// RELIABILITY.md's tables are generated from what the reliability suites observed; this keeps them current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_PATH = path.join(__dirname, '..', '..', 'RELIABILITY.md');

const HEADER = `# Reliability

Every operation either returns correct records or throws a clear Zapier error: never a crash (a
\`TypeError\`, a \`SyntaxError\`), never a silent wrong answer, never the API key in a message, a log line
or an output. Each table below is what the suites in \`test/reliability/\` observed: \`npm test\` fails
when an outcome changes and this file does not; \`npm run reliability:update\` rewrites the tables.
`;

export interface Section {
  /** Stable name of the section's place in the file. */
  id: string;
  title: string;
  intro: string;
  header: string[];
  rows: string[][];
  cases: number;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const begin = (id: string) => `<!-- begin:${id} (generated) -->`;
const end = (id: string) => `<!-- end:${id} -->`;

export const renderSection = ({ id, title, intro, header, rows, cases }: Section): string =>
  [
    begin(id),
    `## ${title}`,
    '',
    `${intro} ${String(cases)} case${cases === 1 ? '' : 's'}.`,
    '',
    ...[header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`),
    end(id),
  ].join('\n');

/** Fails when the section in RELIABILITY.md is not what the suite observed; UPDATE_RELIABILITY=1 rewrites it. */
export const checkSection = (section: Section): void => {
  const text = renderSection(section);
  const file = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : HEADER;
  const start = file.indexOf(begin(section.id));
  const stop = file.indexOf(end(section.id));
  const current = start >= 0 && stop > start ? file.slice(start, stop + end(section.id).length) : undefined;
  if (process.env.UPDATE_RELIABILITY) {
    writeFileSync(REPORT_PATH, current === undefined ? `${file.trimEnd()}\n\n${text}\n` : file.replace(current, text));
    return;
  }
  expect(current).toBe(text);
};
