import { recordsFromDelivery } from '../../lib/webhooks';

const lead = { id: 'lead_1', name: 'Maria Garcia' };

describe('recordsFromDelivery', () => {
  it.each([
    ['the record', lead],
    ['the API envelope', { data: lead }],
    ['an event envelope', { event: 'new_lead', data: lead }],
    ['an event envelope by type', { type: 'new_lead', data: lead }],
    ['an event envelope around the API envelope', { event: 'new_lead', data: { data: lead } }],
    ['a flat event record', { event: 'new_lead', ...lead }],
    ['an array', [lead]],
    ['an envelope around an array', { event: 'new_lead', data: [lead] }],
  ])('finds the record in %s', (_shape, body) => {
    expect(recordsFromDelivery(body, 'new_lead')).toEqual([expect.objectContaining({ id: 'lead_1' })]);
  });

  it('keeps only the records of an array that mixes records, envelopes, other events and junk; ids as text', () => {
    const body = [
      lead,
      null,
      'junk',
      42,
      { name: 'no id' },
      { id: '' },
      { id: '   ' },
      { id: Number.NaN },
      { event: 'new_call', data: { id: 'call_1' } },
      { event: 'new_lead', data: { id: 'lead_2' } },
      { id: 7 },
    ];
    expect(recordsFromDelivery(body, 'new_lead').map((record) => record.id)).toEqual(['lead_1', 'lead_2', '7']);
  });

  it('does not take a record\'s own "type" field for an event name', () => {
    expect(recordsFromDelivery({ id: 'lead_1', type: 'residential' }, 'new_lead')).toEqual([
      { id: 'lead_1', type: 'residential' },
    ]);
  });

  it('stops at a depth no documented shape reaches', () => {
    let body: unknown = lead;
    for (let i = 0; i < 10_000; i += 1) body = { data: body };
    expect(recordsFromDelivery(body, 'new_lead')).toEqual([]);
    expect(recordsFromDelivery({ data: { data: { data: { data: lead } } } }, 'new_lead')).toHaveLength(1);
  });
});

describe('ids in deliveries', () => {
  it('are trimmed text', () => {
    expect(recordsFromDelivery([{ id: '  lead_1 ' }, { id: 12 }], 'new_lead').map((record) => record.id)).toEqual([
      'lead_1',
      '12',
    ]);
  });
});

describe('event envelopes with an id of their own', () => {
  it.each([
    ['an event envelope', { id: 'evt_01', event: 'new_lead', created_at: '2026-04-11T14:35:00Z', data: lead }],
    ['a typed envelope', { id: 'evt_01', type: 'new_lead', data: lead }],
    ['an array of them', [{ id: 'evt_01', event: 'new_lead', data: lead }]],
  ])('yields the record inside %s, not the envelope', (_shape, body) => {
    expect(recordsFromDelivery(body, 'new_lead')).toEqual([lead]);
  });

  it('yields nothing for an envelope with an id of another event', () => {
    expect(recordsFromDelivery({ id: 'evt_01', event: 'new_call', data: lead }, 'new_lead')).toEqual([]);
  });
});
