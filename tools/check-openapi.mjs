// Validates openapi/nevermiss.yaml as an OpenAPI 3.1 document (part of `npm run lint`).
import { readFile } from 'node:fs/promises';

import { Validator } from '@seriousme/openapi-schema-validator';

const file = new URL('../openapi/nevermiss.yaml', import.meta.url);
const result = await new Validator().validate(await readFile(file, 'utf8'));
if (!result.valid) {
  console.error('openapi/nevermiss.yaml is not a valid OpenAPI document:');
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log('openapi/nevermiss.yaml: valid OpenAPI 3.1');
