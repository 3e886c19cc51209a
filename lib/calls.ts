// Calls: the API's shape, what the app outputs for one (transcript as text and as a file, the
// caller's name split), its output fields, samples and dropdown label.
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';

import { prettyTimestamp } from './formats/local-time';
import { splitName } from './formats/names';
import { comparableText } from './formats/text';
import { isPlainObject } from './guards';
import { fetchOptionalRecordById, isSafePathSegment, type ApiSchemas } from './http/api';
import { outputFieldOf, type RecordType } from './record-type';
import { dropdownLabel, dropdownTime } from './dropdown';

/** A call as `GET /calls` lists it (no transcript). */
export type Call = ApiSchemas['Call'];
/** A call as `GET /calls/{id}` returns it and a delivery carries it. */
export type CallDetail = ApiSchemas['CallDetail'];
type TranscriptTurn = ApiSchemas['TranscriptTurn'];

export type CallOutput = CallDetail & {
  /** `timestamp` as people read it in the Zap's time zone: "Sat, Apr 11, 2026, 9:30 AM CDT". */
  timestamp_pretty: string | null;
  /** The transcript as plain text, one turn a line: "Agent: …" / "Caller: …". */
  transcript_text: string;
  /** The transcript as a text file, made only when a later step uses it; null for an id no request can serve. */
  transcript_file: string | null;
  /** `caller_name` split; empty when it does not read as one person's name. */
  caller_first_name: string;
  caller_last_name: string;
};

const SPEAKER_LABELS: Record<string, string> = { agent: 'Agent', caller: 'Caller' };

const speakerLabel = (speaker: unknown): string => {
  if (typeof speaker !== 'string' || speaker.trim() === '') return 'Unknown';
  const name = speaker.trim();
  return SPEAKER_LABELS[name.toLowerCase()] ?? name.charAt(0).toUpperCase() + name.slice(1);
};

/**
 * The transcript as plain text, one turn a line ("Agent: …" / "Caller: …"), for Zap steps that
 * take text (email, SMS, CRM notes). One pass and one join: linear in the number of turns.
 * Turns that are not objects are skipped; a transcript sent as text keeps its text; anything else gives "".
 */
export const transcriptText = (transcript: unknown): string => {
  if (typeof transcript === 'string') return transcript.trim();
  if (!Array.isArray(transcript)) return '';
  const lines: string[] = [];
  for (const turn of transcript as unknown[]) {
    if (!isPlainObject(turn)) continue;
    const text = typeof turn.text === 'string' ? turn.text.replace(/\s*\n\s*/g, ' ').trim() : '';
    lines.push(`${speakerLabel(turn.speaker)}: ${text}`);
  }
  return lines.join('\n');
};

const trimmedText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The transcript file's text: a header line naming the call (caller, number, time), then the very
 * text of `transcript_text`, so a file and a mapped field never disagree.
 */
export const transcriptDocument = (call: {
  caller_name?: unknown;
  phone_number?: unknown;
  timestamp?: unknown;
  transcript?: unknown;
}): string => {
  const header = `Call with ${[
    trimmedText(call.caller_name) || 'an unknown caller',
    trimmedText(call.phone_number),
    trimmedText(call.timestamp),
  ]
    .filter((part) => part !== '')
    .join(', ')}`;
  const body = transcriptText(call.transcript);
  return body === '' ? `${header}\n` : `${header}\n\n${body}\n`;
};

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
  const call = await fetchOptionalRecordById<CallDetail>(z, calls.path, id);
  if (call === undefined) {
    throw new z.errors.Error(
      `Call ${id} no longer exists in NeverMiss, so its transcript file cannot be made. Map the transcript of another call, or check this one in your NeverMiss dashboard.`,
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

/** A call nobody answered: NeverMiss's `missed` status, in any case and spacing. */
export const isMissed = (status: unknown): boolean => comparableText(status) === 'missed';

const field = outputFieldOf<CallOutput>();

/** The fields `GET /calls/{id}` returns. */
const callApiFields = [
  field('id', 'Call ID'),
  field('caller_name', 'Caller Name'),
  field('phone_number', 'Caller Phone Number'),
  field('timestamp', 'Call Time', 'datetime'),
  field('duration_seconds', 'Duration (Seconds)', 'integer'),
  field('status', 'Call Status'),
  field('call_type', 'Call Type'),
  field('summary', 'Call Summary'),
  // Line items: `children` alone, since the schema makes `children` exclusive of `list` and `type`.
  {
    key: 'transcript',
    label: 'Transcript',
    children: [
      { key: 'speaker', label: 'Transcript Speaker', type: 'string' },
      { key: 'text', label: 'Transcript Text', type: 'string' },
    ],
  },
] as const satisfies readonly (PlainOutputField & { key: keyof CallDetail })[];

/** A call from `GET /calls` lacks its transcript; one from `GET /calls/{id}` or a delivery has it. */
export type CallRecord = Call & { transcript?: TranscriptTurn[] };

/** Calls as the triggers, Find Call and the Call ID dropdown read and output them. */
export const calls: RecordType<CallRecord, CallOutput> = {
  noun: 'Call',
  path: 'calls',
  timestampField: 'timestamp',
  limitParam: 'limit',
  fullRecordsInSample: 3,
  apiFields: callApiFields,
  toOutput: (call, { z, timeZone }) => {
    const transcript = Array.isArray(call.transcript) ? call.transcript : [];
    const name = splitName(call.caller_name);
    return {
      ...call,
      timestamp_pretty: prettyTimestamp(call.timestamp, timeZone),
      transcript,
      // From call.transcript, not the list above: a transcript delivered as text keeps its text.
      transcript_text: transcriptText(call.transcript),
      transcript_file: transcriptFile(z, call.id),
      caller_first_name: name.first,
      caller_last_name: name.last,
    };
  },
  outputFields: [
    ...callApiFields,
    field('timestamp_pretty', 'Call Time (Readable)'),
    field('transcript_text', 'Transcript (Plain Text)'),
    field('transcript_file', 'Transcript (Text File)', 'file'),
    field('caller_first_name', 'Caller First Name'),
    field('caller_last_name', 'Caller Last Name'),
  ],
  labelInDropdown: (call) => dropdownLabel(call.caller_name, call.phone_number, dropdownTime(call.timestamp)),
};

const sampleTurns: TranscriptTurn[] = [
  { speaker: 'agent', text: 'Thanks for calling Lone Star Heating & Air, this is Ava. How can I help?' },
  { speaker: 'caller', text: "Hi, my AC has been blowing warm air since Tuesday and it's 95 out." },
  { speaker: 'agent', text: 'Sorry to hear that. I can get a technician out tomorrow at 9 AM. Does that work?' },
  { speaker: 'caller', text: 'Yes, that works. Thank you!' },
];

/** A realistic output for Zapier's editor, exactly as the app outputs a call (a Zap in America/Chicago). */
export const callSample: CallOutput = {
  id: 'call_01HXK2V8Q4M7',
  caller_name: 'John Smith',
  phone_number: '+15551234567',
  timestamp: '2026-04-11T14:30:00Z',
  timestamp_pretty: 'Sat, Apr 11, 2026, 9:30 AM CDT',
  duration_seconds: 184,
  status: 'completed',
  call_type: 'inbound',
  summary:
    'Customer called about AC repair: the unit has been blowing warm air since Tuesday. Booked a diagnostic visit.',
  transcript: sampleTurns,
  transcript_text: [
    'Agent: Thanks for calling Lone Star Heating & Air, this is Ava. How can I help?',
    "Caller: Hi, my AC has been blowing warm air since Tuesday and it's 95 out.",
    'Agent: Sorry to hear that. I can get a technician out tomorrow at 9 AM. Does that work?',
    'Caller: Yes, that works. Thank you!',
  ].join('\n'),
  transcript_file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/call-call_01HXK2V8Q4M7-transcript.txt',
  caller_first_name: 'John',
  caller_last_name: 'Smith',
};

export const missedCallSample: CallOutput = {
  id: 'call_01HXK4B2R9T1',
  caller_name: 'Linda Park',
  phone_number: '+15559876543',
  timestamp: '2026-04-11T18:05:00Z',
  timestamp_pretty: 'Sat, Apr 11, 2026, 1:05 PM CDT',
  duration_seconds: 0,
  status: 'missed',
  call_type: 'inbound',
  summary: 'Missed call: the caller hung up before the receptionist answered.',
  transcript: [],
  transcript_text: '',
  transcript_file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/call-call_01HXK4B2R9T1-transcript.txt',
  caller_first_name: 'Linda',
  caller_last_name: 'Park',
};
