// The public-surface guard: each kind of break, made on a changed copy of the app definition, fails
// and is named; additions pass and are listed; a major version bump lets a break through.
import app from '../../../index';
import releasedSurface from '../../../compat/released-surface.json';
import packageJson from '../../../package.json';
import { compareSurfaces, verdictOf, type Comparison } from '../../../tools/compat/compare';
import { flattenedKeys, surfaceOf, type Surface } from '../../../tools/compat/surface';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   each test edits an untyped copy of the definition, as a maintainer's change would */
type Definition = Record<string, any>;

/** A deep copy of plain objects and arrays (functions kept as they are), changed by `change`. */
const copyOf = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copyOf);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, copyOf(child)]));
};
const changedApp = (change: (definition: Definition) => void): Definition => {
  const definition = copyOf(app) as Definition;
  change(definition);
  return definition;
};

const released = surfaceOf(app, '1.0.0');
const judge = (definition: Definition, version = '1.1.0') => {
  const current = surfaceOf(definition, version);
  const comparison = compareSurfaces(released, current);
  return { comparison, verdict: verdictOf(released, current, comparison) };
};
const named = (changes: Comparison['breaking']) => changes.map(({ where, what }) => `${where}: ${what}`);

const fieldOf = (definition: Definition, kind: string, key: string, field: string): Definition =>
  (definition[kind][key].operation.inputFields as Definition[]).find((input) => input.key === field)!;

describe('breaking changes fail and are named', () => {
  it.each<[string, (definition: Definition) => void, string]>([
    ['a removed trigger', (d) => delete d.triggers.new_call, 'trigger/new_call: removed or renamed'],
    [
      'a renamed search',
      (d) => {
        d.searches.find_lead_v2 = { ...d.searches.find_lead, key: 'find_lead_v2' };
        delete d.searches.find_lead;
      },
      'search/find_lead: removed or renamed',
    ],
    ['a removed action', (d) => delete d.creates.get_stats, 'create/get_stats: removed or renamed'],
    [
      'a removed input field',
      (d) => {
        d.triggers.new_lead.operation.inputFields = [];
      },
      'trigger/new_lead: input field urgency removed or renamed',
    ],
    [
      'a renamed input field',
      (d) => {
        fieldOf(d, 'searches', 'find_lead', 'email').key = 'email_address';
      },
      'search/find_lead: input field email removed or renamed',
    ],
    [
      'an optional input made required',
      (d) => {
        fieldOf(d, 'searches', 'find_booking', 'phone_number').required = true;
      },
      'search/find_booking: input field phone_number made required',
    ],
    [
      'an optional input with a default made required',
      (d) => {
        fieldOf(d, 'triggers', 'new_lead', 'urgency').required = true;
      },
      'trigger/new_lead: input field urgency made required',
    ],
    [
      'a new required input field',
      (d) => {
        d.searches.find_call.operation.inputFields.push({ key: 'since', label: 'Since', required: true });
      },
      'search/find_call: new input field since is required',
    ],
    [
      'an input field made a list',
      (d) => {
        fieldOf(d, 'searches', 'find_lead', 'email').list = true;
      },
      'search/find_lead: input field email list false → true',
    ],
    [
      'an input field of another type',
      (d) => {
        fieldOf(d, 'triggers', 'new_lead', 'urgency').type = 'integer';
      },
      'trigger/new_lead: input field urgency type string → integer',
    ],
    ['a changed auth type', (d) => (d.authentication.type = 'oauth2'), 'auth: type custom → oauth2'],
    [
      'a removed auth field',
      (d) => {
        d.authentication.fields = [];
      },
      'auth: field api_key removed or renamed',
    ],
    [
      'a new required auth field',
      (d) => {
        d.authentication.fields.push({ key: 'account_id', label: 'Account', required: true });
      },
      'auth: new required field account_id',
    ],
    [
      'a new auth field that does not say it is optional (Zapier’s schema: auth fields are required by default)',
      (d) => {
        d.authentication.fields.push({ key: 'subdomain', label: 'Subdomain', type: 'string' });
      },
      'auth: new required field subdomain',
    ],
    [
      'an input field made key-value pairs',
      (d) => {
        fieldOf(d, 'searches', 'find_booking', 'customer_name').dict = true;
      },
      'search/find_booking: input field customer_name dict false → true',
    ],
    [
      'an input field made line items',
      (d) => {
        fieldOf(d, 'triggers', 'new_lead', 'urgency').children = [{ key: 'level', label: 'Level' }];
      },
      'trigger/new_lead: input field urgency became line items',
    ],
    [
      'an auth field of another type',
      (d) => {
        d.authentication.fields[0].type = 'string';
      },
      'auth: field api_key type password → string',
    ],
    [
      'a hook trigger made polling',
      (d) => (d.triggers.new_booking.operation.type = 'polling'),
      'trigger/new_booking: switched from hook to polling',
    ],
    [
      'a polling trigger made a hook',
      (d) => (d.triggers.list_calls.operation.type = 'hook'),
      'trigger/list_calls: switched from polling to hook',
    ],
    [
      'a newly hidden trigger',
      (d) => (d.triggers.missed_call.display.hidden = true),
      'trigger/missed_call: newly hidden',
    ],
    [
      'a removed output field',
      (d) => {
        d.searches.find_call.operation.outputFields = d.searches.find_call.operation.outputFields.filter(
          (field: Definition) => field.key !== 'summary',
        );
      },
      'search/find_call: output field summary removed',
    ],
    [
      'a removed line-item child',
      (d) => {
        const transcript = d.triggers.new_call.operation.outputFields.find(
          (field: Definition) => field.key === 'transcript',
        );
        transcript.children = transcript.children.slice(0, 1);
      },
      'trigger/new_call: output field transcript[]text removed',
    ],
    [
      'a removed sample key',
      (d) => delete d.creates.get_stats.operation.sample.busiest_hour,
      'create/get_stats: sample key busiest_hour removed',
    ],
  ])('%s', (_name, change, expected) => {
    const { comparison, verdict } = judge(changedApp(change));
    expect(named(comparison.breaking)).toContain(expected);
    expect(verdict.passes).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/breaking change\(s\) without a major version bump.*release 2\.0\.0/);
  });

  it('line items of an input field: a child removed or made required breaks; a new optional one is added', () => {
    const withItems = (children: { key: string; required?: boolean }[]) =>
      surfaceOf(
        changedApp((d) => {
          d.searches.find_call.operation.inputFields.push({ key: 'lines', label: 'Lines', children });
        }),
        '1.1.0',
      );
    const before = withItems([{ key: 'a' }, { key: 'b' }]);
    const after = withItems([{ key: 'a', required: true }, { key: 'c' }, { key: 'd', required: true }]);
    const comparison = compareSurfaces(before, after);
    expect(named(comparison.breaking)).toEqual([
      'search/find_call: input field lines line item a made required',
      'search/find_call: input field lines line item b removed or renamed',
      'search/find_call: input field lines new line item d is required',
    ]);
    expect(named(comparison.added)).toEqual(['search/find_call: input field lines line item c']);
    expect(named(compareSurfaces(before, surfaceOf(app, '1.1.0')).breaking)).toEqual([
      'search/find_call: input field lines removed or renamed',
    ]);
    const plain = surfaceOf(
      changedApp((d) => {
        d.searches.find_call.operation.inputFields.push({ key: 'lines', label: 'Lines' });
      }),
      '1.1.0',
    );
    expect(named(compareSurfaces(before, plain).breaking)).toEqual([
      'search/find_call: input field lines is no longer line items',
    ]);
  });

  it('a removed searchOrCreate', () => {
    const withPair = { ...released, searchOrCreates: ['find_or_create_lead'] };
    const comparison = compareSurfaces(withPair, surfaceOf(app, '1.1.0'));
    expect(named(comparison.breaking)).toEqual(['searchOrCreate/find_or_create_lead: removed']);
  });

  it('passes with a major version bump, still listing the breaks', () => {
    const { comparison, verdict } = judge(
      changedApp((d) => delete d.triggers.new_call),
      '2.0.0',
    );
    expect(named(comparison.breaking)).toEqual(['trigger/new_call: removed or renamed']);
    expect(verdict).toEqual({
      passes: true,
      reasons: ['breaking changes are allowed: the major version goes from 1 to 2.'],
    });
  });
});

describe('what does not break', () => {
  it('passes additions and lists them', () => {
    const { comparison, verdict } = judge(
      changedApp((d) => {
        d.triggers.new_thing = { ...d.triggers.new_lead, key: 'new_thing' };
        d.searches.find_call.operation.inputFields.push({ key: 'since', label: 'Since' });
        d.searches.find_call.operation.outputFields.push({ key: 'extra', label: 'Extra' });
        d.searches.find_call.operation.sample.extra = 'x';
        d.authentication.fields.push({ key: 'region', label: 'Region', required: false });
      }),
    );
    expect(comparison.breaking).toEqual([]);
    expect(named(comparison.added)).toEqual([
      'auth: field region',
      'trigger/new_thing: new',
      'search/find_call: input field since',
      'search/find_call: output field extra',
      'search/find_call: sample key extra',
    ]);
    expect(verdict.passes).toBe(true);
  });

  it('reports widened input types, output types, dropdowns and relaxed requirements without failing', () => {
    const { comparison, verdict } = judge(
      changedApp((d) => {
        fieldOf(d, 'searches', 'find_lead', 'email').type = 'text';
        fieldOf(d, 'searches', 'find_booking', 'customer_name').type = 'datetime';
        fieldOf(d, 'searches', 'find_lead', 'id').dynamic = 'list_leads.id.name';
        d.searches.find_call.operation.outputFields.find((field: Definition) => field.key === 'id').type = 'integer';
        d.authentication.fields[0].required = false;
      }),
    );
    expect(comparison.breaking).toEqual([]);
    expect(named(comparison.compatible)).toEqual([
      'auth: field api_key no longer required',
      'search/find_call: output field id type string → integer',
      'search/find_lead: input field id dropdown list_leads.id.label → list_leads.id.name',
      'search/find_lead: input field email type string → text',
      'search/find_booking: input field customer_name type string → datetime',
    ]);
    expect(verdict.passes).toBe(true);
  });

  it('labels, help text and code are no part of the surface', () => {
    const { comparison } = judge(
      changedApp((d) => {
        d.triggers.new_lead.display.label = 'Lead Captured';
        fieldOf(d, 'searches', 'find_lead', 'email').helpText = 'Another text.';
        d.searches.find_lead.operation.perform = () => [];
      }),
    );
    expect(comparison).toEqual({ breaking: [], compatible: [], added: [] });
  });
});

describe('versions', () => {
  it('an unchanged surface at the released version passes', () => {
    const current = surfaceOf(app, '1.0.0');
    expect(verdictOf(released, current, compareSurfaces(released, current))).toEqual({ passes: true, reasons: [] });
  });

  it('a change without a new version fails', () => {
    const current = surfaceOf(
      changedApp((d) => d.searches.find_call.operation.outputFields.push({ key: 'extra' })),
      '1.0.0',
    );
    expect(verdictOf(released, current, compareSurfaces(released, current)).reasons).toEqual([
      'the public surface changed but the version is still the released 1.0.0: bump it.',
    ]);
  });

  it('a version older than the released one fails; a version must be major.minor.patch', () => {
    const current = surfaceOf(app, '0.9.0');
    expect(verdictOf(released, current, compareSurfaces(released, current)).passes).toBe(false);
    expect(() => verdictOf(released, surfaceOf(app, '1.1'), { breaking: [], compatible: [], added: [] })).toThrow(
      '"1.1" is not a version of the form major.minor.patch',
    );
  });
});

describe('the surface', () => {
  it('flattens sample keys as Zapier names them in a Zap', () => {
    expect(flattenedKeys({ id: 1, owner: { name: 'A' }, lines: [{ a: 1 }, { b: 2 }], tags: ['x'] })).toEqual([
      'id',
      'owner',
      'owner__name',
      'lines',
      'lines[]a',
      'lines[]b',
      'tags',
    ]);
  });

  it('refuses fields it cannot read rather than guessing', () => {
    const computed = changedApp((d) => {
      d.triggers.new_lead.operation.inputFields = [() => []];
    });
    expect(() => surfaceOf(computed, '1.1.0')).toThrow(
      "trigger/new_lead's input fields are not a list of field objects: fields computed at run time cannot be compared, so compat cannot say whether this version breaks a Zap",
    );
  });

  it('refuses an operation registered under another key than it declares (Zapier refuses it too)', () => {
    const renamed = changedApp((d) => {
      d.triggers.new_call.key = 'new_call_v2';
    });
    expect(() => surfaceOf(renamed, '1.1.0')).toThrow(
      'trigger/new_call declares the key new_call_v2: Zapier requires the two to be the same',
    );
  });

  it('this version passes against the recorded 1.0.0: it only adds, widens and relabels', () => {
    const recorded = releasedSurface as Surface;
    const current = surfaceOf(app, packageJson.version);
    const comparison = compareSurfaces(recorded, current);
    expect(comparison.breaking).toEqual([]);
    expect(named(comparison.compatible)).toEqual([
      'search/find_booking: input field scheduled_date type string → datetime',
    ]);
    expect(named(comparison.added)).toContain('trigger/new_or_updated_booking: new');
    expect(verdictOf(recorded, current, comparison)).toEqual({ passes: true, reasons: [] });
  });

  it('the recorded surface is that of 1.0.0, as released', () => {
    const recorded = releasedSurface as Surface;
    expect(recorded.version).toBe('1.0.0');
    expect(Object.keys(recorded.operations.trigger)).toEqual([
      'new_call',
      'missed_call',
      'new_lead',
      'new_booking',
      'booking_cancelled',
      'list_calls',
      'list_leads',
      'list_bookings',
    ]);
  });
});
