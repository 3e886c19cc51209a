import { bookingChangeSample } from '../lib/booking-changes';
import { bookings, bookingSample, cancelledBookingSample } from '../lib/bookings';
import { calls, callSample, missedCallSample } from '../lib/calls';
import { leads, leadSample } from '../lib/leads';
import { statsSample } from '../lib/stats';
import { contract, pathTemplate, responseErrors, schemaErrors } from './contract';
import { booking, call, callDetail, lead, stats, webhook } from './fixtures';
import { fetchRecord } from '../lib/http/api';
import { API_PATH, api, apiError, appTester, authBundle, takeContractViolations } from './helpers';

/** A sample without the fields the integration derives: what the API itself sends. */
const apiPart = (sample: Record<string, unknown>, apiFields: readonly { key: string }[]) =>
  Object.fromEntries(Object.entries(sample).filter(([key]) => apiFields.some((field) => field.key === key)));

describe('the API contract (openapi/nevermiss.yaml)', () => {
  // `npm run lint` validates the document itself (tools/check-openapi.mjs).
  it('is OpenAPI 3.1', () => {
    expect(contract.openapi).toBe('3.1.0');
  });

  it('describes the nine documented operations, the x-api-key scheme and the five webhook deliveries', () => {
    const operations = Object.entries(contract.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /calls',
        'GET /calls/{id}',
        'GET /leads',
        'GET /leads/{id}',
        'GET /bookings',
        'GET /bookings/{id}',
        'GET /stats',
        'POST /webhooks',
        'DELETE /webhooks/{id}',
      ].sort(),
    );
    expect(contract.components).toMatchObject({
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    });
    expect(Object.keys(contract.webhooks).sort()).toEqual(
      ['booking_cancelled', 'missed_call', 'new_booking', 'new_call', 'new_lead'].sort(),
    );
  });

  it.each([
    ['Call', call()],
    ['CallDetail', callDetail()],
    ['Lead', lead()],
    ['Booking', booking()],
    ['Stats', stats],
    ['Webhook', webhook()],
    ['Error', apiError(404, 'Call call_abc123 not found.')],
  ])('the %s fixture conforms', (name, fixture) => {
    expect(schemaErrors(name, fixture)).toEqual([]);
  });

  const { busiest_hour_local: _derived, ...statsApiPart } = statsSample;
  it.each([
    ['CallDetail', apiPart(callSample, calls.apiFields)],
    ['CallDetail', apiPart(missedCallSample, calls.apiFields)],
    ['Lead', apiPart(leadSample, leads.apiFields)],
    ['Booking', apiPart(bookingSample, bookings.apiFields)],
    ['Booking', apiPart(cancelledBookingSample, bookings.apiFields)],
    ['Booking', apiPart({ ...bookingChangeSample, id: bookingChangeSample.booking_id }, bookings.apiFields)],
    ['Stats', statsApiPart],
  ])('the %s sample conforms (without its derived fields)', (name, sample) => {
    expect(schemaErrors(name, sample)).toEqual([]);
  });

  it('catches a fixture that drifts from the API', () => {
    const { duration_seconds: duration, ...drifted } = call();
    expect(schemaErrors('Call', { ...drifted, duration })).toEqual(
      expect.arrayContaining([
        "(root) must have required property 'duration_seconds'",
        '(root) must NOT have unevaluated properties',
      ]),
    );
    expect(schemaErrors('Lead', lead({ email: 'not an email', urgency_level: 42 as unknown as string }))).toHaveLength(
      2,
    );
    expect(schemaErrors('Booking', booking({ scheduled_time: '9am' }))).toHaveLength(1);
  });

  it('matches concrete paths to their templates', () => {
    expect(pathTemplate('/calls/call_1')).toBe('/calls/{id}');
    expect(pathTemplate('/calls')).toBe('/calls');
    expect(pathTemplate('/nope')).toBeUndefined();
  });

  it('validates responses by operation and status', () => {
    expect(responseErrors('GET', '/calls?limit=5', 200, { data: [call()], count: 1 })).toEqual([]);
    expect(responseErrors('GET', '/calls/call_1', 404, apiError(404, 'Call call_1 not found.'))).toEqual([]);
    expect(responseErrors('GET', '/calls/call_1', 200, { data: call() })).toEqual([
      "/data must have required property 'transcript'",
    ]);
    expect(responseErrors('GET', '/stats', 404, apiError(404, 'x'))).toEqual([
      'GET /stats has no documented 404 response',
    ]);
    expect(responseErrors('PUT', '/stats', 200, {})).toEqual(['PUT /stats is not in the contract']);
  });

  it('checks every answer of an api() scope: a drifted nock fixture is caught', async () => {
    api()
      .get(`${API_PATH}/leads/lead_1`)
      .reply(200, { data: { ...lead(), urgency: 'high' } });
    await appTester((z) => fetchRecord(z, { path: ['leads', 'lead_1'] }), authBundle());
    expect(takeContractViolations()).toEqual(['GET /leads/lead_1 → 200: /data must NOT have additional properties']);
  });
});
