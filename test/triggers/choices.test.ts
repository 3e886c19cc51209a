import { dropdownLabel, dropdownTime } from '../../lib/dropdown';
import { listBookings, listCalls, listLeads } from '../operations';
import { booking, call, lead } from '../fixtures';
import { API_PATH, api, appTester, authBundle } from '../helpers';

describe('dropdown triggers', () => {
  it('list_calls: recent calls, newest first, labelled by caller, phone and time (one request)', async () => {
    const scope = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, {
        data: [call({ id: 'call_1', timestamp: '2026-04-10T09:05:00Z' }), call({ id: 'call_2' })],
        count: 2,
      });
    await expect(appTester(listCalls.operation.perform, authBundle())).resolves.toEqual([
      { id: 'call_2', label: 'John Smith · +15551234567 · 2026-04-11 14:30 UTC' },
      { id: 'call_1', label: 'John Smith · +15551234567 · 2026-04-10 09:05 UTC' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('list_leads: labelled by name, phone, service and time', async () => {
    api()
      .get(`${API_PATH}/leads`)
      .reply(200, { data: [lead()], count: 1 });
    await expect(appTester(listLeads.operation.perform, authBundle())).resolves.toEqual([
      { id: 'lead_01HXL3A7PD', label: 'Maria Garcia · +15551234567 · AC Installation · 2026-04-11 14:30 UTC' },
    ]);
  });

  it('list_bookings: labelled by customer, service, date and time; the id when nothing else is known', async () => {
    api({ offContract: 'a record with only an id' })
      .get(`${API_PATH}/bookings`)
      .reply(200, { data: [booking(), { id: 'book_bare' }], count: 2 });
    await expect(appTester(listBookings.operation.perform, authBundle())).resolves.toEqual([
      { id: 'book_01HXM4A9ZK', label: 'David Lee · HVAC Maintenance · 2026-04-15 · 09:00' },
      { id: 'book_bare', label: 'book_bare' },
    ]);
  });

  it('labels skip missing parts and keep unparseable times as given', () => {
    expect(dropdownLabel(' A ', null, '', 'B')).toBe('A · B');
    expect(dropdownTime('soon')).toBe('soon');
    expect(dropdownTime(undefined)).toBe('');
  });
});

describe('dropdown pages: "Load more" reaches every record, 100 a page, each cut from one list request', () => {
  const leads = Array.from({ length: 250 }, (_, i) =>
    lead({
      id: `lead_${String(i).padStart(3, '0')}`,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }),
  );
  const page = (number?: number) => authBundle({ meta: number === undefined ? {} : { page: number } });

  it.each([
    ['the first page when Zapier names none', undefined, ['lead_249', 'lead_150']],
    ['page 0', 0, ['lead_249', 'lead_150']],
    ['page 1', 1, ['lead_149', 'lead_050']],
    ['page 2, the last, with what is left', 2, ['lead_049', 'lead_000']],
  ])('%s: newest first', async (_case, number, [first, last]) => {
    const scope = api().get(`${API_PATH}/leads`).reply(200, { data: leads, count: leads.length });
    const choices = await appTester(listLeads.operation.perform, page(number));
    expect(choices[0]?.id).toBe(first);
    expect(choices.at(-1)?.id).toBe(last);
    expect(choices.length).toBe(number === 2 ? 50 : 100);
    expect(scope.isDone()).toBe(true);
  });

  it('a page past the end is empty, so Zapier says there are no more choices; a page that is no page is the first', async () => {
    api().get(`${API_PATH}/leads`).times(2).reply(200, { data: leads, count: leads.length });
    await expect(appTester(listLeads.operation.perform, page(3))).resolves.toEqual([]);
    expect(await appTester(listLeads.operation.perform, authBundle({ meta: { page: -1 } }))).toHaveLength(100);
  });

  it('asks the calls endpoint, which has a limit, for every call up to the end of the page', async () => {
    const scope = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '200' })
      .reply(200, { data: [call()], count: 1 });
    await expect(appTester(listCalls.operation.perform, page(1))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('every dropdown trigger says it pages', () => {
    for (const trigger of [listCalls, listLeads, listBookings]) {
      expect(trigger.operation).toMatchObject({ type: 'polling', canPaginate: true });
    }
  });
});
