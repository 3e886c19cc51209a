import { callSample } from '../../lib/calls';
import { missedCall, newCall } from '../operations';
import { call, callDetail } from '../fixtures';
import { API_PATH, api, apiError, appTester, authBundle } from '../helpers';

const listed = (n: number, overrides = {}) =>
  Array.from({ length: n }, (_, i) =>
    call({ id: `call_${String(i)}`, timestamp: new Date(Date.UTC(2026, 3, 1 + i)).toISOString(), ...overrides }),
  );

describe('new_call', () => {
  it('fetches the transcript with one GET /calls/{id} when the delivery lacks it', async () => {
    const scope = api().get(`${API_PATH}/calls/call_01HXK2V8Q4`).reply(200, { data: callDetail() });
    const [result] = await appTester(
      newCall.operation.perform,
      authBundle({ cleanedRequest: { event: 'new_call', data: call() } }),
    );
    expect(result).toMatchObject({
      id: 'call_01HXK2V8Q4',
      transcript: callDetail().transcript,
      // The fixture's transcript is the call sample's.
      transcript_text: callSample.transcript_text,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('polls GET /calls?limit=100; listed calls come with an empty transcript', async () => {
    const scope = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data: listed(2), count: 2 });
    const results = await appTester(newCall.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['call_1', 'call_0']);
    expect(results[0]).toMatchObject({ transcript: [], transcript_text: '' });
    expect(scope.isDone()).toBe(true);
  });

  it('while loading a sample, completes the three newest calls with their transcripts (3 extra requests)', async () => {
    const list = api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data: listed(5), count: 5 });
    const details = ['call_4', 'call_3', 'call_2'].map((id) =>
      api()
        .get(`${API_PATH}/calls/${id}`)
        .reply(200, { data: callDetail({ ...listed(5).find((c) => c.id === id) }) }),
    );

    const results = await appTester(
      newCall.operation.performList,
      authBundle({ inputData: {}, meta: { isLoadingSample: true } }),
    );
    expect(results.map((r) => r.id)).toEqual(['call_4', 'call_3', 'call_2', 'call_1', 'call_0']);
    expect(results.map((r) => r.transcript.length)).toEqual([4, 4, 4, 0, 0]);
    expect(list.isDone()).toBe(true);
    expect(details.every((scope) => scope.isDone())).toBe(true);
  });

  it.each([
    ['gone since it was listed (404)', 404, apiError(404, 'Call call_3 not found.')],
    ['failing on the server (500)', 500, apiError(500, 'Internal server error.')],
  ])(
    'while loading a sample, gives a call it cannot complete (%s) as listed, and the others in full',
    async (_case, status, body) => {
      api()
        .get(`${API_PATH}/calls`)
        .query({ limit: '100' })
        .reply(200, { data: listed(5), count: 5 });
      for (const id of ['call_4', 'call_2']) {
        api()
          .get(`${API_PATH}/calls/${id}`)
          .reply(200, { data: callDetail({ ...listed(5).find((c) => c.id === id) }) });
      }
      api().get(`${API_PATH}/calls/call_3`).reply(status, body);

      const results = await appTester(
        newCall.operation.performList,
        authBundle({ inputData: {}, meta: { isLoadingSample: true } }),
      );
      expect(results.map((r) => r.id)).toEqual(['call_4', 'call_3', 'call_2', 'call_1', 'call_0']);
      expect(results.map((r) => r.transcript.length)).toEqual([4, 0, 4, 0, 0]);
      expect(results[1]).toMatchObject({ ...listed(5)[3], transcript: [], transcript_text: '' });
    },
  );

  it('while loading a sample, gives the listed call as listed even when it is the only one and cannot be completed', async () => {
    api()
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data: listed(1), count: 1 });
    api().get(`${API_PATH}/calls/call_0`).reply(404, apiError(404, 'Call call_0 not found.'));
    const results = await appTester(
      newCall.operation.performList,
      authBundle({ inputData: {}, meta: { isLoadingSample: true } }),
    );
    expect(results).toEqual([expect.objectContaining({ ...listed(1)[0], transcript: [], transcript_text: '' })]);
  });
});

describe('missed_call', () => {
  it('polls only missed calls, whatever the case of the status', async () => {
    const data = [
      call({ id: 'call_a', status: 'completed' }),
      call({ id: 'call_b', status: 'missed' }),
      call({ id: 'call_c', status: 'MISSED ' }),
    ];
    api({ offContract: 'a status in odd case' })
      .get(`${API_PATH}/calls`)
      .query({ limit: '100' })
      .reply(200, { data, count: 3 });
    const results = await appTester(missedCall.operation.performList, authBundle({ inputData: {} }));
    expect(results.map((r) => r.id)).toEqual(['call_b', 'call_c']);
  });

  it('takes a delivery of the missed_call event as it is: the event says the call was missed', async () => {
    const delivered = callDetail({ status: 'no-answer' });
    const results = await appTester(
      missedCall.operation.perform,
      authBundle({ cleanedRequest: { event: 'missed_call', data: delivered } }),
    );
    expect(results.map((r) => r.status)).toEqual(['no-answer']);
  });

  it('ignores a new_call delivery', async () => {
    const results = await appTester(
      missedCall.operation.perform,
      authBundle({ cleanedRequest: { event: 'new_call', data: callDetail() } }),
    );
    expect(results).toEqual([]);
  });
});
