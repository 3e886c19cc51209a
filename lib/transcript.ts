import { isPlainObject } from './guards';

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

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

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
    text(call.caller_name) || 'an unknown caller',
    text(call.phone_number),
    text(call.timestamp),
  ]
    .filter((part) => part !== '')
    .join(', ')}`;
  const body = transcriptText(call.transcript);
  return body === '' ? `${header}\n` : `${header}\n\n${body}\n`;
};
