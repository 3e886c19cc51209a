// Every field of the contract has an example, and the examples make a valid answer: a mock generated
// from openapi/nevermiss.yaml (examples first, as mock servers do) answers within the contract.
import { contract, exampleOf, isSchema, pointerErrors, schemaErrors, type Schema } from './contract';

/** Every property schema reachable in the contract's components, with where it is. */
const propertiesOf = (schema: Schema, at: string[]): { at: string[]; schema: Schema }[] => {
  const nested: { at: string[]; schema: Schema }[] = [];
  const visit = (child: unknown, path: string[]) => {
    if (isSchema(child)) nested.push(...propertiesOf(child, path));
  };
  if (isSchema(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!isSchema(property)) continue;
      nested.push({ at: [...at, 'properties', key], schema: property });
      visit(property, [...at, 'properties', key]);
    }
  }
  visit(schema.items, [...at, 'items']);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list))
      list.forEach((member, i) => {
        visit(member, [...at, keyword, String(i)]);
      });
  }
  return nested;
};

const schemas = Object.entries(contract.components.schemas) as [string, Schema][];

describe('examples in the contract', () => {
  const scalars = schemas
    .flatMap(([name, schema]) => propertiesOf(schema, ['components', 'schemas', name]))
    .filter(({ schema }) => schema.$ref === undefined && !isSchema(schema.properties) && !isSchema(schema.items))
    .filter(({ schema }) => !Array.isArray(schema.allOf) && !Array.isArray(schema.anyOf));

  it('walks every field: there are many to check', () => {
    expect(scalars.length).toBeGreaterThan(40);
  });

  it('gives every field an example, and every example fits its field', () => {
    const problems = scalars.flatMap(({ at, schema }) => {
      const examples = schema.examples;
      if (!Array.isArray(examples) || examples.length === 0) return [`${at.join('.')}: no example`];
      return examples.flatMap((example) => pointerErrors(at, example).map((error) => `${at.join('.')}: ${error}`));
    });
    expect(problems).toEqual([]);
  });

  it.each(schemas.map(([name]) => [name]))('makes a valid %s from examples alone', (name) => {
    const missing: string[] = [];
    const made = exampleOf(contract.components.schemas[name] as Schema, ['components', 'schemas', name], missing);
    expect(missing).toEqual([]);
    expect(schemaErrors(name, made)).toEqual([]);
  });

  it('gives the parameters and headers examples too', () => {
    const components = contract.components as unknown as Record<string, Record<string, { schema: Schema }>>;
    const listed = [
      ...Object.values(components.parameters ?? {}),
      ...Object.values(components.headers ?? {}),
      ...Object.values(contract.paths).flatMap((item) =>
        Object.values(item).flatMap(
          (operation) => (operation as { parameters?: { schema?: Schema }[] }).parameters ?? [],
        ),
      ),
    ].filter((parameter): parameter is { schema: Schema } => isSchema(parameter.schema));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.filter(({ schema }) => !Array.isArray(schema.examples))).toEqual([]);
  });

  it('finds a field without an example: the check can fail', () => {
    const missing: string[] = [];
    exampleOf({ type: 'object', properties: { note: { type: 'string' } } }, ['probe'], missing);
    expect(missing).toEqual(['probe.properties.note']);
  });
});
