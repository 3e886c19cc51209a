// `npm run types`: writes lib/http/nevermiss-api.generated.ts from openapi/nevermiss.yaml.
import { mkdir, writeFile } from 'node:fs/promises';

import { generatedTypesFile, renderApiTypes } from './api-types.mjs';

await mkdir(new URL('.', generatedTypesFile), { recursive: true });
await writeFile(generatedTypesFile, await renderApiTypes());
console.log('lib/http/nevermiss-api.generated.ts: generated from openapi/nevermiss.yaml');
