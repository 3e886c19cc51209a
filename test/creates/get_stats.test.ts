import app from '../../index';
import { getStats } from '../operations';
import { stats } from '../fixtures';
import { API_PATH, api, apiError, appTester, authBundle } from '../helpers';

describe('get_stats', () => {
  it('is registered under its key with labelled, typed output fields for every figure', () => {
    expect(app.creates.get_stats).toBe(getStats);
    expect(getStats.display.label).toBe('Get Call Statistics');
    expect(getStats.operation.outputFields.map((field) => field.key).sort()).toEqual(Object.keys(stats).sort());
    for (const field of getStats.operation.outputFields) {
      expect(field.label).toMatch(/\w/);
      expect(['integer', 'number', 'string']).toContain(field.type);
    }
    expect(Object.keys(getStats.operation.sample).sort()).toEqual(Object.keys(stats).sort());
  });

  it('returns GET /stats with one request', async () => {
    const scope = api().get(`${API_PATH}/stats`).reply(200, { data: stats });
    await expect(appTester(getStats.operation.perform, authBundle({ inputData: {} }))).resolves.toEqual(stats);
    expect(scope.isDone()).toBe(true);
  });

  it('maps API errors like every other operation', async () => {
    api().get(`${API_PATH}/stats`).reply(500, apiError(500, 'Internal server error.'));
    await expect(appTester(getStats.operation.perform, authBundle({ inputData: {} }))).rejects.toThrow(
      /NeverMiss API error 500 on GET \/stats: Internal server error\./,
    );
  });
});
