import newLead from '../../triggers/new_lead';
import { lead } from '../fixtures';
import { API_PATH, api, appTester, authBundle } from '../helpers';

const leads = [
  lead({ id: 'lead_high', urgency_level: 'high', created_at: '2026-04-11T14:00:00Z' }),
  lead({ id: 'lead_medium', urgency_level: 'Medium', created_at: '2026-04-11T13:00:00Z' }),
  lead({ id: 'lead_low', urgency_level: 'low', created_at: '2026-04-11T12:00:00Z' }),
  { ...lead({ id: 'lead_unknown', created_at: '2026-04-11T11:00:00Z' }), urgency_level: null },
];

describe('new_lead', () => {
  it('offers an optional Urgency input: any, high, medium or low', () => {
    const [urgency] = newLead.operation.inputFields;
    expect(urgency).toMatchObject({ key: 'urgency', label: 'Urgency', required: false, default: 'any' });
    expect((urgency?.choices as { value: string }[]).map((choice) => choice.value)).toEqual([
      'any',
      'high',
      'medium',
      'low',
    ]);
    expect(urgency?.helpText).toBeTruthy();
  });

  it.each([
    [undefined, ['lead_high', 'lead_medium', 'lead_low', 'lead_unknown']],
    ['any', ['lead_high', 'lead_medium', 'lead_low', 'lead_unknown']],
    ['high', ['lead_high']],
    ['medium', ['lead_medium']],
    ['low', ['lead_low']],
  ])('with urgency %s, polls GET /leads and keeps %j', async (urgency, ids) => {
    const scope = api({ offContract: 'urgency in odd case, and null' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data: leads, count: leads.length });
    const results = await appTester(newLead.operation.performList, authBundle({ inputData: { urgency } }));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
  });

  it('loads a sample from the list alone: listed leads are whole', async () => {
    const scope = api({ offContract: 'urgency in odd case, and null' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data: leads, count: leads.length });
    const results = await appTester(
      newLead.operation.performList,
      authBundle({ inputData: {}, meta: { isLoadingSample: true } }),
    );
    expect(results).toHaveLength(4);
    expect(scope.isDone()).toBe(true);
  });

  it('filters deliveries by urgency too', async () => {
    const bundle = (urgency: string) =>
      authBundle({ inputData: { urgency }, cleanedRequest: leads.map((data) => ({ event: 'new_lead', data })) });
    expect((await appTester(newLead.operation.perform, bundle('high'))).map((r) => r.id)).toEqual(['lead_high']);
    expect((await appTester(newLead.operation.perform, bundle('any'))).map((r) => r.id)).toHaveLength(4);
  });
});
