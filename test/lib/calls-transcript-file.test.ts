// The transcript file end to end: the pointer a trigger or search outputs, then Zapier's hydration of
// it, with the call fetched through the request layer and the text stashed through Zapier's RPC and
// presigned upload (both nocked: core's tools/create-file-stasher.js and tools/uploader.js).
import fc from 'fast-check';
import nock from 'nock';

import app from '../../index';
import { callSample, hydrateTranscriptFile, transcriptFileName } from '../../lib/calls';
import { findCall, newCall } from '../operations';
import { callDetail, transcriptFilePointer } from '../fixtures';
import { API_KEY, API_PATH, api, apiError, appTester, authBundle, failureOf } from '../helpers';

const RPC = 'https://rpc.zapier.com';
const UPLOAD = 'https://zapier-stash.s3.amazonaws.com';
const DEPLOY_KEY = 'test-deploy-key';

beforeAll(() => {
  // Core's RPC client refuses to run under jest without one.
  process.env.ZAPIER_DEPLOY_KEY = DEPLOY_KEY;
});
afterAll(() => {
  delete process.env.ZAPIER_DEPLOY_KEY;
});

interface RpcCall {
  id: string;
  method: string;
  params: unknown[];
}

/** Zapier's RPC answering `get_presigned_upload_post_data` with an S3 form for `key`. */
const stashRpc = (key: string, calls: RpcCall[]) =>
  nock(RPC, { reqheaders: { 'x-deploy-key': DEPLOY_KEY } })
    .post('/cli', (body: RpcCall) => body.method === 'get_presigned_upload_post_data')
    .reply(200, (_uri, body) => {
      const call = (typeof body === 'string' ? JSON.parse(body) : body) as RpcCall;
      calls.push(call);
      return { id: call.id, result: { url: `${UPLOAD}/`, fields: { key, policy: 'p' } } };
    });

/** The presigned upload: records the multipart form it receives. */
const upload = (forms: string[]) =>
  nock(UPLOAD)
    .post('/', (body: string) => {
      forms.push(body);
      return true;
    })
    .reply(204);

/** The value of a multipart form field by name. */
const formField = (form: string, name: string): string | undefined =>
  new RegExp(
    `name="${name}"(?:; filename="[^"]*")?\\r\\n(?:Content-Type: [^\\r]*\\r\\n)?\\r\\n([\\s\\S]*?)\\r\\n--`,
  ).exec(form)?.[1];

/** What Zapier does with a pointer when a later step uses the file: run the hydrator it names. */
const hydrate = (pointer: unknown) => {
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(String(pointer));
  const payload = JSON.parse(match?.[1] ?? 'null') as { method: string; bundle: Record<string, unknown> };
  expect(payload.method).toBe('hydrators.transcriptFile');
  return appTester(hydrateTranscriptFile, authBundle({ inputData: payload.bundle })) as Promise<unknown>;
};

const expectedText = [
  'Call with John Smith, +15551234567, 2026-04-11T14:30:00Z',
  '',
  // The fixture's transcript is the call sample's.
  callSample.transcript_text,
  '',
].join('\n');

describe('transcript_file', () => {
  it('is a pointer made without a request: a trigger with a whole delivered call asks nothing', async () => {
    const results = await appTester(
      newCall.operation.perform,
      authBundle({ inputData: {}, cleanedRequest: { event: 'new_call', data: callDetail() } }),
    );
    expect(results[0]?.transcript_file).toBe(transcriptFilePointer('call_01HXK2V8Q4'));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('is registered on the app and declared as a file output field', () => {
    expect(app.hydrators?.transcriptFile).toBe(hydrateTranscriptFile);
    expect(newCall.operation.outputFields).toContainEqual({
      key: 'transcript_file',
      label: 'Transcript (Text File)',
      type: 'file',
    });
  });

  it('hydrates end to end: one GET /calls/{id}, one RPC, one upload of the header and transcript_text', async () => {
    // The pointer comes from a search, as a Zap would map it.
    const found = api().get(`${API_PATH}/calls/call_01HXK2V8Q4`).reply(200, { data: callDetail() });
    const [output] = await appTester(findCall.operation.perform, authBundle({ inputData: { id: 'call_01HXK2V8Q4' } }));
    expect(found.isDone()).toBe(true);

    const fetched = api().get(`${API_PATH}/calls/call_01HXK2V8Q4`).reply(200, { data: callDetail() });
    const rpcCalls: RpcCall[] = [];
    const forms: string[] = [];
    const rpc = stashRpc('stash/1/call-call_01HXK2V8Q4-transcript.txt', rpcCalls);
    const s3 = upload(forms);

    await expect(hydrate(output?.transcript_file)).resolves.toBe(
      `${UPLOAD}/stash/1/call-call_01HXK2V8Q4-transcript.txt`,
    );
    expect(fetched.isDone() && rpc.isDone() && s3.isDone()).toBe(true);
    expect(rpcCalls.map(({ method, params }) => ({ method, params }))).toEqual([
      { method: 'get_presigned_upload_post_data', params: [] },
    ]);

    const [form = ''] = forms;
    expect(formField(form, 'key')).toBe('stash/1/call-call_01HXK2V8Q4-transcript.txt');
    expect(formField(form, 'Content-Disposition')).toBe('attachment; filename="call-call_01HXK2V8Q4-transcript.txt"');
    expect(formField(form, 'Content-Type')).toBe('text/plain; charset=utf-8');
    expect(formField(form, 'file')).toBe(expectedText.replace(/\n$/, '') + '\n');
    // One source of truth: the file's body is the output's transcript_text.
    expect(formField(form, 'file')).toBe(
      `Call with John Smith, +15551234567, 2026-04-11T14:30:00Z\n\n${String(output?.transcript_text)}\n`,
    );
  });

  it('stashes a header alone for a call without a transcript, naming an unknown caller', async () => {
    api()
      .get(`${API_PATH}/calls/call_missed`)
      .reply(200, { data: callDetail({ id: 'call_missed', caller_name: '', transcript: [] }) });
    const forms: string[] = [];
    stashRpc('stash/2/call-call_missed-transcript.txt', []);
    upload(forms);

    await hydrate(transcriptFilePointer('call_missed'));
    expect(formField(forms[0] ?? '', 'file')).toBe('Call with an unknown caller, +15551234567, 2026-04-11T14:30:00Z\n');
  });

  it('says clearly that a call gone since the trigger cannot give a file, and stashes nothing', async () => {
    const scope = api().get(`${API_PATH}/calls/call_gone`).reply(404, apiError(404, 'Call call_gone not found.'));
    const failure = await failureOf(hydrate(transcriptFilePointer('call_gone')));
    expect(failure.message).toBe(
      'Call call_gone no longer exists in NeverMiss, so its transcript file cannot be made. Map the transcript of another call, or check this one in your NeverMiss dashboard.',
    );
    expect(failure.code).toBe('not_found');
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    [
      'another call',
      { ...callDetail(), id: 'call_other', caller_name: 'Somebody Else' },
      'the record of another id (call_other)',
    ],
    ['a call without an id', { ...callDetail(), id: undefined }, 'a record without an id'],
  ])('never stashes %s as the file of the call asked for', async (_case, answered, what) => {
    const scope = api({ offContract: 'a record other than the one asked for' })
      .get(`${API_PATH}/calls/call_1`)
      .reply(200, { data: answered });
    const failure = await failureOf(hydrate(transcriptFilePointer('call_1')));
    expect(failure.code).toBe('malformed_response');
    expect(failure.message).toMatch(
      /^NeverMiss sent back (a record without an ID|another record than the one this step asked for)\. /,
    );
    expect(failure.message).toContain(`Details: GET /calls/call_1 answered with ${what}.`);
    expect(scope.isDone()).toBe(true);
    // No RPC, no upload: nock would have refused them (disableNetConnect), and none is pending.
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('passes the request layer’s errors on: a revoked key is an expired-auth error', async () => {
    api().get(`${API_PATH}/calls/call_1`).reply(401, apiError(401, 'Invalid API key.'));
    const failure = await failureOf(hydrate(transcriptFilePointer('call_1')));
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).not.toContain(API_KEY);
  });

  it('encodes an id with a slash into one path segment and a safe file name', async () => {
    const id = 'call_a/../stats "x"';
    const scope = api()
      .get(`${API_PATH}/calls/call_a%2F..%2Fstats%20%22x%22`)
      .reply(200, { data: callDetail({ id }) });
    const forms: string[] = [];
    stashRpc('stash/3/file.txt', []);
    upload(forms);

    await hydrate(transcriptFilePointer(id));
    expect(scope.isDone()).toBe(true);
    expect(formField(forms[0] ?? '', 'Content-Disposition')).toBe(
      'attachment; filename="call-call_a____stats__x_-transcript.txt"',
    );
  });

  const NOT_AN_ID =
    'That is not a NeverMiss ID, so the app did not ask NeverMiss for it. Map the ID from an earlier NeverMiss step, or pick a record from the list.';
  it.each([
    ['', '""'],
    ['.', '"."'],
    ['..', '".."'],
    ['call_\ud83d', 'text that is not well-formed Unicode'],
  ])('refuses the id %j before any request', async (id, shown) => {
    const failure = await failureOf(hydrate(transcriptFilePointer(id)));
    expect(failure).toMatchObject({
      code: 'invalid_id',
      message: `${NOT_AN_ID} Details: GET /calls/${id.replace('\ud83d', '\ufffd')}: ${shown} cannot be one segment of a request path.`,
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses a pointer without a text id before any request', async () => {
    const failure = await failureOf(appTester(hydrateTranscriptFile, authBundle({ inputData: { callId: 42 } })));
    expect(failure.message).toBe(`${NOT_AN_ID} Details: GET /calls/: "" cannot be one segment of a request path.`);
  });

  it.each([
    ['..', null],
    ['x'.repeat(1001), null],
    ['x'.repeat(1000), transcriptFilePointer('x'.repeat(1000))],
  ])('gives no file for an id no request can serve or too long to point to (%#)', async (id, expected) => {
    const results = await appTester(
      newCall.operation.perform,
      authBundle({ inputData: {}, cleanedRequest: callDetail({ id }) }),
    );
    expect(results[0]?.transcript_file).toBe(expected);
  });

  it('names a file safely for any id: letters, digits, _ and - only, at most 100 of them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (id) => {
        expect(transcriptFileName(id)).toMatch(/^call-[A-Za-z0-9_-]{0,100}-transcript\.txt$/);
      }),
    );
  });

  it('never breaks a trigger run, whatever the id: a pointer naming the output’s id, or null', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 1200 }), async (id) => {
        const [result] = await appTester(
          newCall.operation.perform,
          authBundle({ inputData: {}, cleanedRequest: callDetail({ id }) }),
        );
        // A delivery without a usable id yields no record at all.
        if (result === undefined) return;
        const file = result.transcript_file;
        if (file === null) return;
        const payload = JSON.parse(/^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(file)?.[1] ?? 'null') as {
          bundle: { callId: string };
        };
        expect(payload.bundle.callId).toBe(result.id);
      }),
      { numRuns: 60 },
    );
  });
});
