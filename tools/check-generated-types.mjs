// Part of `npm run lint`: fails when lib/http/nevermiss-api.generated.ts is not exactly what
// `npm run types` would write from openapi/nevermiss.yaml now. An optional path checks another copy
// of the file instead (the test uses it to show a stale file fails).
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generatedTypesFile, renderApiTypes } from './api-types.mjs';

const checkedFile = process.argv[2] ?? fileURLToPath(generatedTypesFile);
const name = relative(process.cwd(), checkedFile);

async function readIfPresent(file) {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

if ((await readIfPresent(checkedFile)) !== (await renderApiTypes())) {
  console.error(`${name} is stale: run npm run types`);
  process.exit(1);
}
console.log(`${name}: up to date with openapi/nevermiss.yaml`);
