// The public surface of an app definition: what users' Zaps, Zap templates and connected accounts rely on.
// Keys, types, requiredness, hidden flags, dropdown sources, output fields and sample keys; never labels,
// help text or code. `npm run compat` compares it with the surface of the last released version.

/** An input field as a Zap stored with it relies on. */
export interface InputFieldSurface {
  required: boolean;
  type: string;
  list: boolean;
  /** Key-value pairs in place of one value. */
  dict: boolean;
  /** Line items: the children's keys and whether each is required; null for a field of one value. */
  children: Record<string, { required: boolean }> | null;
  /** The dropdown's source (`list_calls.id.label`), or null for none. */
  dynamic: string | null;
  hasDefault: boolean;
}

/** A trigger, search or action. */
export interface OperationSurface {
  /** Triggers only: `hook` or `polling`. */
  type?: string;
  hidden: boolean;
  inputFields: Record<string, InputFieldSurface>;
  /** Output field keys (line items as `parent[]child`, as Zapier flattens them) and their types. */
  outputFields: Record<string, string>;
  /** The sample's keys, flattened the same way. */
  sampleKeys: string[];
}

export type OperationKind = 'trigger' | 'search' | 'create';

export interface Surface {
  version: string;
  authentication: { type: string; fields: Record<string, { required: boolean; type: string }> };
  operations: Record<OperationKind, Record<string, OperationSurface>>;
  searchOrCreates: string[];
}

type Definition = Record<string, unknown>;

const isObject = (value: unknown): value is Definition =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const objectAt = (value: unknown, where: string): Definition => {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  return value;
};

/**
 * Fields given as a function are computed at run time: their keys cannot be compared here, so the guard
 * refuses to judge rather than pass what it cannot see (docs/compatibility.md).
 */
const staticFields = (fields: unknown, where: string): Definition[] => {
  if (fields === undefined) return [];
  if (!Array.isArray(fields) || fields.some((field) => !isObject(field))) {
    throw new Error(
      `${where} are not a list of field objects: fields computed at run time cannot be compared, so compat cannot say whether this version breaks a Zap`,
    );
  }
  return fields as Definition[];
};

/** A field's type; Zapier reads a field without one as `string`. */
const typeOf = (field: Definition): string => (typeof field.type === 'string' ? field.type : 'string');

const inputFieldSurface = (field: Definition): InputFieldSurface => ({
  // Zapier's schema: an input field is optional unless it says it is required.
  required: field.required === true,
  type: typeOf(field),
  list: field.list === true,
  dict: field.dict === true,
  children: Array.isArray(field.children)
    ? Object.fromEntries(
        (field.children as Definition[]).map((child) => [String(child.key), { required: child.required === true }]),
      )
    : null,
  dynamic: typeof field.dynamic === 'string' ? field.dynamic : null,
  hasDefault: field.default !== undefined,
});

/** `transcript[]speaker` for a line item's child, as Zapier names it in a Zap. */
const outputFieldsOf = (fields: Definition[]): Record<string, string> =>
  Object.fromEntries(
    fields.flatMap((field): [string, string][] => {
      const key = String(field.key);
      if (!Array.isArray(field.children)) return [[key, typeOf(field)]];
      const children = (field.children as Definition[]).map((child): [string, string] => [
        `${key}[]${String(child.key)}`,
        typeOf(child),
      ]);
      return [[key, 'line items'], ...children];
    }),
  );

/** A sample's keys as Zapier flattens them: `parent__child` for an object, `parent[]child` for a list of objects. */
export const flattenedKeys = (value: Definition, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, child]) => {
    const name = `${prefix}${key}`;
    if (isObject(child)) return [name, ...flattenedKeys(child, `${name}__`)];
    if (Array.isArray(child)) {
      const items = (child as unknown[]).filter(isObject);
      return [name, ...new Set(items.flatMap((item) => flattenedKeys(item, `${name}[]`)))];
    }
    return [name];
  });

const operationSurface = (kind: OperationKind, key: string, definition: Definition): OperationSurface => {
  const where = `${kind}/${key}`;
  // Zaps refer to the key the app is registered under; a definition that says another is no surface at all.
  if (definition.key !== key) {
    throw new Error(`${where} declares the key ${String(definition.key)}: Zapier requires the two to be the same`);
  }
  const operation = objectAt(definition.operation, `${where}'s operation`);
  const display = isObject(definition.display) ? definition.display : {};
  const sample = isObject(operation.sample) ? operation.sample : {};
  return {
    ...(kind === 'trigger' ? { type: typeof operation.type === 'string' ? operation.type : 'polling' } : {}),
    hidden: display.hidden === true,
    inputFields: Object.fromEntries(
      staticFields(operation.inputFields, `${where}'s input fields`).map((field) => [
        String(field.key),
        inputFieldSurface(field),
      ]),
    ),
    outputFields: outputFieldsOf(staticFields(operation.outputFields, `${where}'s output fields`)),
    sampleKeys: flattenedKeys(sample).sort(),
  };
};

const KINDS: [OperationKind, string][] = [
  ['trigger', 'triggers'],
  ['search', 'searches'],
  ['create', 'creates'],
];

/** The public surface of an app definition (what `defineApp` returns), under `version`. */
export const surfaceOf = (app: object, version: string): Surface => {
  const definition = app as Definition;
  const authentication = isObject(definition.authentication) ? definition.authentication : {};
  const operations = Object.fromEntries(
    KINDS.map(([kind, property]) => {
      const entries = Object.entries(isObject(definition[property]) ? definition[property] : {});
      return [
        kind,
        Object.fromEntries(
          entries.map(([key, value]) => [key, operationSurface(kind, key, objectAt(value, `${kind}/${key}`))]),
        ),
      ];
    }),
  ) as Surface['operations'];
  return {
    version,
    authentication: {
      type: typeof authentication.type === 'string' ? authentication.type : 'none',
      fields: Object.fromEntries(
        // Zapier's schema: an auth field is required unless it says it is not.
        staticFields(authentication.fields, 'the authentication fields').map((field) => [
          String(field.key),
          { required: field.required !== false, type: typeOf(field) },
        ]),
      ),
    },
    operations,
    searchOrCreates: Object.keys(isObject(definition.searchOrCreates) ? definition.searchOrCreates : {}).sort(),
  };
};
