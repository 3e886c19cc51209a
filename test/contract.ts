// The API contract (openapi/nevermiss.yaml) as a validator for fixtures, samples and sandbox answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
interface Contract {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content?: Record<string, unknown> }> };
  webhooks: Record<string, unknown>;
  [key: string]: unknown;
}

export const CONTRACT_PATH = path.join(__dirname, '..', 'openapi', 'nevermiss.yaml');
const CONTRACT_ID = 'https://nevermisshq.com/openapi/nevermiss.yaml';

export const contractText = readFileSync(CONTRACT_PATH, 'utf8');
export const contract = parse(contractText) as Contract;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...contract, $id: CONTRACT_ID });

const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
const pointer = (...segments: string[]) => `#/${segments.map(escape).join('/')}`;

const errorsAt = (ref: string, value: unknown): string[] => {
  const validate = ajv.getSchema(`${CONTRACT_ID}${ref}`) ?? ajv.compile({ $ref: `${CONTRACT_ID}${ref}` });
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${String(error.message)}`);
};

/** Violations of the schema at `segments` of the contract (e.g. a property's); [] when `value` conforms. */
export const pointerErrors = (segments: string[], value: unknown): string[] => errorsAt(pointer(...segments), value);

/** Violations of `#/components/schemas/<name>`; [] when `value` conforms. */
export const schemaErrors = (name: string, value: unknown): string[] =>
  errorsAt(pointer('components', 'schemas', name), value);

/** The contract's path template for a concrete path: `/calls/call_1` → `/calls/{id}`. */
export const pathTemplate = (concrete: string): string | undefined => {
  const parts = concrete.split('/');
  return Object.keys(contract.paths).find((template) => {
    const pattern = template.split('/');
    return pattern.length === parts.length && pattern.every((part, i) => part.startsWith('{') || part === parts[i]);
  });
};

/**
 * Violations of the documented response for `method path` with `status` (path below the base URL,
 * query string ignored); an undocumented operation or status is itself a violation.
 */
export const responseErrors = (method: string, concretePath: string, status: number, body: unknown): string[] => {
  const template = pathTemplate(concretePath.replace(/\?.*$/, ''));
  const operation = template ? contract.paths[template]?.[method.toLowerCase()] : undefined;
  if (!template || !operation) return [`${method} ${concretePath} is not in the contract`];
  const response = operation.responses[String(status)];
  if (!response) return [`${method} ${template} has no documented ${String(status)} response`];
  const location = response.$ref
    ? ['components', 'responses', response.$ref.replace('#/components/responses/', '')]
    : ['paths', template, method.toLowerCase(), 'responses', String(status)];
  return errorsAt(pointer(...location, 'content', 'application/json', 'schema'), body);
};
