import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { newLead } from '../operations';
import { lead } from '../fixtures';
import { API_PATH, api, appTester, authBundle, failureOf } from '../helpers';

const leads = [
  lead({ id: 'lead_high', urgency_level: 'high', created_at: '2026-04-11T14:00:00Z' }),
  lead({ id: 'lead_medium', urgency_level: 'Medium', created_at: '2026-04-11T13:00:00Z' }),
  lead({ id: 'lead_low', urgency_level: 'low', created_at: '2026-04-11T12:00:00Z' }),
  lead({ id: 'lead_urgent', urgency_level: ' URGENT ', created_at: '2026-04-11T11:30:00Z' }),
  { ...lead({ id: 'lead_unknown', created_at: '2026-04-11T11:00:00Z' }), urgency_level: null },
];

describe('new_lead', () => {
  it('offers the documented urgency (high) and Any, and takes any other value as a custom entry', () => {
    const [urgency] = newLead.operation.inputFields;
    expect(urgency).toMatchObject({ key: 'urgency', label: 'Urgency', required: false, default: 'any' });
    // No closed list presented as NeverMiss's: "medium" and "low" are not in its documentation.
    expect((urgency?.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['any', 'high']);
    expect(urgency?.helpText).toMatch(/custom value/);
  });

  it.each([
    [undefined, ['lead_high', 'lead_medium', 'lead_low', 'lead_urgent', 'lead_unknown']],
    ['', ['lead_high', 'lead_medium', 'lead_low', 'lead_urgent', 'lead_unknown']],
    ['   ', ['lead_high', 'lead_medium', 'lead_low', 'lead_urgent', 'lead_unknown']],
    ['any', ['lead_high', 'lead_medium', 'lead_low', 'lead_urgent', 'lead_unknown']],
    [' ANY ', ['lead_high', 'lead_medium', 'lead_low', 'lead_urgent', 'lead_unknown']],
    ['high', ['lead_high']],
    ['  High ', ['lead_high']],
    ['medium', ['lead_medium']],
    ['LOW', ['lead_low']],
    ['urgent', ['lead_urgent']],
    ['Urgent  ', ['lead_urgent']],
    ['emergency', []],
  ])('with urgency %j, polls GET /leads and keeps %j', async (urgency, ids) => {
    const scope = api({ offContract: 'urgency values beyond the documented high, in odd case and spacing, and null' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data: leads, count: leads.length });
    const results = await appTester(newLead.operation.performList, authBundle({ inputData: { urgency } }));
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(scope.isDone()).toBe(true);
  });

  it('loads a sample from the list alone: listed leads are whole', async () => {
    const scope = api({ offContract: 'urgency values beyond the documented high, in odd case and spacing, and null' })
      .get(`${API_PATH}/leads`)
      .reply(200, { data: leads, count: leads.length });
    const results = await appTester(
      newLead.operation.performList,
      authBundle({ inputData: {}, meta: { isLoadingSample: true } }),
    );
    expect(results).toHaveLength(5);
    expect(scope.isDone()).toBe(true);
  });

  it('filters deliveries by urgency too', async () => {
    const bundle = (urgency: string) =>
      authBundle({ inputData: { urgency }, cleanedRequest: leads.map((data) => ({ event: 'new_lead', data })) });
    expect((await appTester(newLead.operation.perform, bundle('high'))).map((r) => r.id)).toEqual(['lead_high']);
    expect((await appTester(newLead.operation.perform, bundle(' urgent'))).map((r) => r.id)).toEqual(['lead_urgent']);
    expect((await appTester(newLead.operation.perform, bundle('any'))).map((r) => r.id)).toHaveLength(5);
  });

  it('ignores case and surrounding spaces only: spaces inside an urgency count, as the README says', async () => {
    const veryHigh = lead({ id: 'lead_very_high', urgency_level: 'Very High', created_at: '2026-04-11T14:00:00Z' });
    const keeps = async (urgency: string) =>
      (
        await appTester(
          newLead.operation.perform,
          authBundle({ inputData: { urgency }, cleanedRequest: { event: 'new_lead', data: veryHigh } }),
        )
      ).map((r) => r.id);
    expect(await keeps(' VERY HIGH ')).toEqual(['lead_very_high']);
    expect(await keeps('veryhigh')).toEqual([]);
    expect(await keeps('very  high')).toEqual([]);
    const row = readFileSync(join(__dirname, '../../README.md'), 'utf8')
      .split('\n')
      .find((line) => line.includes('`new_lead`'));
    expect(row).toContain('case and surrounding spaces ignored');
    expect(newLead.operation.inputFields[0]?.helpText).toContain('case and surrounding spaces do not matter');
  });

  it('takes a delivery with text that is not well-formed Unicode (half of an emoji) without a crash', async () => {
    // Whole, it is output as delivered, with no request; id-only, it cannot be asked for: a clear error.
    const whole = { ...lead(), id: 'lead_\ud83d', name: 'Maria \ud83d Garcia' };
    const [output] = await appTester(newLead.operation.perform, authBundle({ cleanedRequest: whole }));
    expect(output).toMatchObject({ id: 'lead_\ud83d', first_name: 'Maria', last_name: 'Garcia' });
    const error = await failureOf(
      appTester(newLead.operation.perform, authBundle({ cleanedRequest: { id: 'lead_\ud83d' } })),
    );
    expect(error).toMatchObject({ code: 'invalid_id' });
    expect(error.message).toMatch(/^That is not a NeverMiss ID, so the app did not ask NeverMiss for it\./);
    expect(error.message).toContain('text that is not well-formed Unicode');
  });
});
