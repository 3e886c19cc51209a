import type { Bundle, ZObject } from 'zapier-platform-core';

import { fetchOptionalRecordById, isSafePathSegment } from './api';
import type { CallDetail } from './models';
import { transcriptDocument } from './transcript';

/**
 * Core refuses a pointer over 12,000 bytes and a whole trigger run would fail with it; no id the API
 * gives comes near this, so a longer one gets no file rather than breaking the run.
 */
const MAX_ID_LENGTH = 1000;

/** `call-<id>-transcript.txt`, with anything but letters, digits, `_` and `-` in the id made `_`. */
export const transcriptFileName = (callId: string): string =>
  `call-${callId.slice(0, 100).replace(/[^A-Za-z0-9_-]/g, '_')}-transcript.txt`;

/**
 * The hydrator (registered on the app as `hydrators.transcriptFile`): runs only when a later Zap
 * step uses the file. One `GET /calls/{id}`, then the transcript is stashed as a text file; the
 * answer is the file's URL.
 */
export const hydrateTranscriptFile = async (z: ZObject, bundle: Bundle<{ callId?: unknown }>): Promise<string> => {
  const { callId } = bundle.inputData;
  const id = typeof callId === 'string' ? callId : '';
  // Checked to be the call asked for: a file must never hold another call's transcript.
  const call = await fetchOptionalRecordById<CallDetail>(z, 'calls', id);
  if (call === undefined) {
    throw new z.errors.Error(
      `Call ${id} no longer exists in NeverMiss, so its transcript file cannot be made.`,
      'not_found',
      404,
    );
  }
  const content = transcriptDocument(call);
  // Typed as a string, but z.stashFile answers with a promise of the file's URL.
  const stashed = z.stashFile(
    content,
    Buffer.byteLength(content),
    transcriptFileName(id),
    'text/plain; charset=utf-8',
  ) as unknown as Promise<string>;
  return stashed;
};

/**
 * `transcript_file`: a pointer Zapier resolves through the hydrator above, so a trigger or search
 * makes no request for it. Null for an id no `GET /calls/{id}` can serve.
 */
export const transcriptFile = (z: ZObject, callId: string): string | null =>
  isSafePathSegment(callId) && callId.length <= MAX_ID_LENGTH
    ? z.dehydrateFile(hydrateTranscriptFile, { callId })
    : null;
