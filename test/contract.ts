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

export type Schema = Record<string, unknown>;

export const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const resolve = (ref: string): { schema: Schema; at: string[] } => {
  const at = ref.replace(/^#\//, '').split('/');
  const schema = at.reduce<unknown>((node, key) => (isSchema(node) ? node[key] : undefined), contract);
  if (!isSchema(schema)) throw new Error(`${ref} resolves to nothing`);
  return { schema, at };
};

/** A value made from examples alone, as a mock server would answer; `missing` collects fields without one. */
export const exampleOf = (schema: Schema, at: string[], missing: string[]): unknown => {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref);
    return exampleOf(target.schema, target.at, missing);
  }
  if (Array.isArray(schema.allOf) || isSchema(schema.properties)) {
    const parts = (Array.isArray(schema.allOf) ? schema.allOf : []).map((member, i) =>
      exampleOf(member as Schema, [...at, 'allOf', String(i)], missing),
    );
    const own = Object.entries(isSchema(schema.properties) ? schema.properties : {}).map(([key, property]) => [
      key,
      exampleOf(property as Schema, [...at, 'properties', key], missing),
    ]);
    return Object.assign({}, ...parts.filter(isSchema), Object.fromEntries(own)) as unknown;
  }
  if (Array.isArray(schema.anyOf)) return exampleOf(schema.anyOf[0] as Schema, [...at, 'anyOf', '0'], missing);
  if (isSchema(schema.items)) return [exampleOf(schema.items, [...at, 'items'], missing)];
  missing.push(at.join('.'));
  return undefined;
};

/** A record of the named schema made from the contract's examples alone; throws when a field has none. */
export const contractExample = <T>(name: string): T => {
  const missing: string[] = [];
  const made = exampleOf(contract.components.schemas[name] as Schema, ['components', 'schemas', name], missing);
  if (missing.length > 0) throw new Error(`No example for ${missing.join(', ')}`);
  return made as T;
};
