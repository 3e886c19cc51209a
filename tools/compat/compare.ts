// What changed between the released public surface and the current one, by Zapier's own rules of what
// breaks a live Zap (docs/compatibility.md says how each is judged):
// - C001–C003, the integration checks reference (https://docs.zapier.com/platform/publish/integration-checks-reference):
//   hidden or removed triggers, searches and creates; removed input fields; removed sample keys;
// - the promotion guardrails of 2026-05-12 (https://docs.zapier.com/integrations/news/2026/version-promotion-guardrails):
//   removed operations, a changed auth type, a trigger switched between polling and hook, removed searchOrCreates,
//   removed input fields, an optional input made required, auth field changes, input field type changes;
// - Zapier's change scenarios: a new required input field (https://docs.zapier.com/platform/manage/required-input),
//   a removed output field (https://docs.zapier.com/platform/manage/output-key).
import type { InputFieldSurface, OperationKind, OperationSurface, Surface } from './surface';

export interface Change {
  /** `trigger/new_lead`, `auth`: where, in the form Zapier's changelog uses. */
  where: string;
  what: string;
  /** The rule that makes it breaking, or why a change is compatible. */
  rule?: string;
}

export interface Comparison {
  breaking: Change[];
  compatible: Change[];
  added: Change[];
}

const RULE = {
  c001: 'C001; promotion guardrails: removed triggers, actions or searches',
  c001Hidden: 'C001: a hidden operation leaves Zap templates invalid',
  c002: 'C002; promotion guardrails: removed input field keys',
  c003: 'C003: a removed sample key leaves mapped fields empty',
  outputKey: 'Zapier change scenario "output key": a mapped field would be empty',
  triggerType: 'promotion guardrails: trigger type change',
  authType: 'promotion guardrails: authentication type change',
  authField: 'promotion guardrails: authentication field changes',
  searchOrCreate: 'promotion guardrails: removed searchOrCreate keys',
  madeRequired: 'promotion guardrails: optional input field made required; Zapier change scenario "required input"',
  newRequired: 'Zapier change scenario "required input": a Zap without a value stops',
  inputType: 'promotion guardrails: input field type changes',
  list: 'promotion guardrails: input field type changes (e.g. string→list)',
};

/**
 * Input type changes that keep every value a Zap stored, so they are reported rather than failed: the
 * same text in a larger box, a whole number where any number is taken, and a date field, which Zapier
 * fills with typed or mapped dates as before ("accepts both precise and human-readable date-time values")
 * and sends as an ISO 8601 date-time: the operation must read both forms (its tests say so).
 */
const WIDENINGS: Record<string, string> = {
  'string→text': 'the same text, in a larger box',
  'text→string': 'the same text, in a one-line box',
  'integer→number': 'every whole number is a number',
  'string→datetime': 'a date field takes the dates typed or mapped before; the operation must read both forms',
  'text→datetime': 'a date field takes the dates typed or mapped before; the operation must read both forms',
};

const keysOf = <T>(record: Record<string, T>): string[] => Object.keys(record);

/** Line items of an input field: becoming or ceasing to be line items, a removed child, a new required one. */
const compareChildren = (
  where: string,
  field: string,
  before: InputFieldSurface['children'],
  after: InputFieldSurface['children'],
  into: Comparison,
): void => {
  if (before === null || after === null) {
    if (before !== after) {
      const what = `${field} ${before === null ? 'became line items' : 'is no longer line items'}`;
      into.breaking.push({ where, what, rule: RULE.list });
    }
    return;
  }
  for (const [key, child] of Object.entries(before)) {
    const now = after[key];
    if (now === undefined) {
      into.breaking.push({ where, what: `${field} line item ${key} removed or renamed`, rule: RULE.c002 });
    } else if (!child.required && now.required) {
      into.breaking.push({ where, what: `${field} line item ${key} made required`, rule: RULE.madeRequired });
    }
  }
  for (const [key, child] of Object.entries(after)) {
    if (key in before) continue;
    if (child.required) {
      into.breaking.push({ where, what: `${field} new line item ${key} is required`, rule: RULE.newRequired });
    } else into.added.push({ where, what: `${field} line item ${key}` });
  }
};

const compareInputField = (
  where: string,
  key: string,
  before: InputFieldSurface,
  after: InputFieldSurface,
  into: Comparison,
): void => {
  const field = `input field ${key}`;
  if (!before.required && after.required) {
    into.breaking.push({ where, what: `${field} made required`, rule: RULE.madeRequired });
  }
  if (before.required && !after.required) into.compatible.push({ where, what: `${field} no longer required` });
  if (before.list !== after.list) {
    into.breaking.push({
      where,
      what: `${field} list ${String(before.list)} → ${String(after.list)}`,
      rule: RULE.list,
    });
  }
  if (before.dict !== after.dict) {
    into.breaking.push({
      where,
      what: `${field} dict ${String(before.dict)} → ${String(after.dict)}`,
      rule: RULE.list,
    });
  }
  compareChildren(where, field, before.children, after.children, into);
  if (before.type !== after.type) {
    const change = `${before.type}→${after.type}`;
    const widening = WIDENINGS[change];
    const what = `${field} type ${before.type} → ${after.type}`;
    if (widening === undefined) into.breaking.push({ where, what, rule: RULE.inputType });
    else into.compatible.push({ where, what, rule: widening });
  }
  if (before.dynamic !== after.dynamic) {
    into.compatible.push({
      where,
      what: `${field} dropdown ${before.dynamic ?? 'none'} → ${after.dynamic ?? 'none'}`,
      rule: 'a stored value is kept; only the choices offered change',
    });
  }
};

const compareOperation = (where: string, before: OperationSurface, after: OperationSurface, into: Comparison): void => {
  if (before.type !== after.type) {
    into.breaking.push({
      where,
      what: `switched from ${String(before.type)} to ${String(after.type)}`,
      rule: RULE.triggerType,
    });
  }
  if (!before.hidden && after.hidden) into.breaking.push({ where, what: 'newly hidden', rule: RULE.c001Hidden });
  if (before.hidden && !after.hidden) into.added.push({ where, what: 'no longer hidden' });

  for (const key of keysOf(before.inputFields)) {
    const [was, is] = [before.inputFields[key], after.inputFields[key]];
    if (was === undefined) continue;
    if (is === undefined) into.breaking.push({ where, what: `input field ${key} removed or renamed`, rule: RULE.c002 });
    else compareInputField(where, key, was, is, into);
  }
  for (const [key, field] of Object.entries(after.inputFields)) {
    if (key in before.inputFields) continue;
    if (field.required)
      into.breaking.push({ where, what: `new input field ${key} is required`, rule: RULE.newRequired });
    else into.added.push({ where, what: `input field ${key}` });
  }

  for (const [key, type] of Object.entries(before.outputFields)) {
    const now = after.outputFields[key];
    if (now === undefined) into.breaking.push({ where, what: `output field ${key} removed`, rule: RULE.outputKey });
    else if (now !== type) into.compatible.push({ where, what: `output field ${key} type ${type} → ${now}` });
  }
  for (const key of keysOf(after.outputFields)) {
    if (!(key in before.outputFields)) into.added.push({ where, what: `output field ${key}` });
  }

  const sampleNow = new Set(after.sampleKeys);
  const sampleBefore = new Set(before.sampleKeys);
  for (const key of before.sampleKeys) {
    if (!sampleNow.has(key)) into.breaking.push({ where, what: `sample key ${key} removed`, rule: RULE.c003 });
  }
  for (const key of after.sampleKeys) if (!sampleBefore.has(key)) into.added.push({ where, what: `sample key ${key}` });
};

const compareAuthentication = (
  before: Surface['authentication'],
  after: Surface['authentication'],
  into: Comparison,
) => {
  const where = 'auth';
  if (before.type !== after.type) {
    into.breaking.push({ where, what: `type ${before.type} → ${after.type}`, rule: RULE.authType });
  }
  for (const [key, field] of Object.entries(before.fields)) {
    const now = after.fields[key];
    if (now === undefined) {
      into.breaking.push({ where, what: `field ${key} removed or renamed`, rule: RULE.authField });
      continue;
    }
    if (now.type !== field.type) {
      into.breaking.push({ where, what: `field ${key} type ${field.type} → ${now.type}`, rule: RULE.authField });
    }
    if (!field.required && now.required) {
      into.breaking.push({ where, what: `field ${key} made required`, rule: RULE.authField });
    }
    if (field.required && !now.required) into.compatible.push({ where, what: `field ${key} no longer required` });
  }
  for (const [key, field] of Object.entries(after.fields)) {
    if (key in before.fields) continue;
    if (field.required) into.breaking.push({ where, what: `new required field ${key}`, rule: RULE.authField });
    else into.added.push({ where, what: `field ${key}` });
  }
};

const KINDS: OperationKind[] = ['trigger', 'search', 'create'];

/** Every difference between the released surface and the current one, sorted into breaking, compatible and added. */
export const compareSurfaces = (released: Surface, current: Surface): Comparison => {
  const into: Comparison = { breaking: [], compatible: [], added: [] };
  compareAuthentication(released.authentication, current.authentication, into);
  for (const kind of KINDS) {
    const [before, after] = [released.operations[kind], current.operations[kind]];
    for (const [key, operation] of Object.entries(before)) {
      const where = `${kind}/${key}`;
      const now = after[key];
      if (now === undefined) into.breaking.push({ where, what: 'removed or renamed', rule: RULE.c001 });
      else compareOperation(where, operation, now, into);
    }
    for (const key of keysOf(after)) if (!(key in before)) into.added.push({ where: `${kind}/${key}`, what: 'new' });
  }
  for (const key of released.searchOrCreates) {
    if (!current.searchOrCreates.includes(key)) {
      into.breaking.push({ where: `searchOrCreate/${key}`, what: 'removed', rule: RULE.searchOrCreate });
    }
  }
  for (const key of current.searchOrCreates) {
    if (!released.searchOrCreates.includes(key)) into.added.push({ where: `searchOrCreate/${key}`, what: 'new' });
  }
  return into;
};

/** `[1, 2, 0]` of `1.2.0`; Zapier versions are `major.minor.patch`. */
export const versionParts = (version: string): [number, number, number] => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a version of the form major.minor.patch`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

export interface Verdict {
  passes: boolean;
  /** Why it fails, or why breaking changes are allowed. */
  reasons: string[];
}

/**
 * Whether the current version may be released: breaking changes only with a higher major version (the
 * guardrails pause promotion otherwise); any change at all only with a new version number.
 */
export const verdictOf = (released: Surface, current: Surface, comparison: Comparison): Verdict => {
  const [was, is] = [versionParts(released.version), versionParts(current.version)];
  const order = is[0] - was[0] || is[1] - was[1] || is[2] - was[2];
  const changed = comparison.breaking.length + comparison.compatible.length + comparison.added.length > 0;
  if (order < 0) {
    return { passes: false, reasons: [`${current.version} is older than the released ${released.version}.`] };
  }
  if (order === 0 && changed) {
    return {
      passes: false,
      reasons: [`the public surface changed but the version is still the released ${released.version}: bump it.`],
    };
  }
  if (comparison.breaking.length === 0) return { passes: true, reasons: [] };
  if (is[0] > was[0]) {
    return {
      passes: true,
      reasons: [`breaking changes are allowed: the major version goes from ${String(was[0])} to ${String(is[0])}.`],
    };
  }
  return {
    passes: false,
    reasons: [
      `${String(comparison.breaking.length)} breaking change(s) without a major version bump: keep what was released working beside the new key or field, or release ${String(was[0] + 1)}.0.0.`,
    ],
  };
};
