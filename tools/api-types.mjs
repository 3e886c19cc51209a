// The API's TypeScript types, generated from the contract by openapi-typescript. One function renders
// the exact bytes that `npm run types` writes and `npm run lint` compares, so the two cannot disagree.
import { fileURLToPath } from 'node:url';

import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

export const contractFile = new URL('../openapi/nevermiss.yaml', import.meta.url);
export const generatedTypesFile = new URL('../lib/http/nevermiss-api.generated.ts', import.meta.url);

const header = '// Generated from openapi/nevermiss.yaml by `npm run types`: do not edit by hand.\n\n';

export async function renderApiTypes() {
  const source = header + astToString(await openapiTS(contractFile));
  // Formatted with the project's Prettier settings, so `prettier --check .` accepts the file as written.
  const filepath = fileURLToPath(generatedTypesFile);
  const options = await prettier.resolveConfig(filepath);
  return prettier.format(source, { ...options, filepath });
}
