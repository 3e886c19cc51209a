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
