import { transcriptDocument, transcriptText } from '../../lib/calls';

describe('transcriptText', () => {
  it('writes one turn a line, "Agent: …" / "Caller: …"', () => {
    expect(
      transcriptText([
        { speaker: 'agent', text: 'Hello, how can I help?' },
        { speaker: 'caller', text: 'My AC is broken.' },
      ]),
    ).toBe('Agent: Hello, how can I help?\nCaller: My AC is broken.');
  });

  it('keeps a turn on its line when its text has line breaks, and names other speakers', () => {
    expect(
      transcriptText([
        { speaker: 'Supervisor', text: 'Line one\n  line two' },
        { speaker: 'CALLER', text: '  ok  ' },
        { speaker: '', text: 'who?' },
        { text: null },
      ]),
    ).toBe('Supervisor: Line one line two\nCaller: ok\nUnknown: who?\nUnknown: ');
  });

  it.each([undefined, null, 42, {}])('gives "" for a transcript that is neither a list nor text (%j)', (value) => {
    expect(transcriptText(value)).toBe('');
  });

  it('keeps a transcript sent as text, trimmed', () => {
    expect(transcriptText('  Agent: Hello\nCaller: Hi \n')).toBe('Agent: Hello\nCaller: Hi');
  });

  it('skips turns that are not objects', () => {
    expect(transcriptText([null, 'junk', 7, [], { speaker: 'agent', text: 'Hi' }])).toBe('Agent: Hi');
  });

  it('formats 20,000 turns in one pass', () => {
    const turns = Array.from({ length: 20_000 }, (_, i) => ({
      speaker: i % 2 ? 'caller' : 'agent',
      text: `turn ${String(i)}`,
    }));
    const started = performance.now();
    const text = transcriptText(turns);
    expect(performance.now() - started).toBeLessThan(500);
    expect(text.split('\n')).toHaveLength(20_000);
    expect(text.endsWith('Caller: turn 19999')).toBe(true);
  });
});

describe('transcriptDocument', () => {
  const transcript = [
    { speaker: 'agent', text: 'Hello.' },
    { speaker: 'caller', text: 'Hi there.' },
  ];

  it('is a header line (caller, number, time), a blank line, then exactly transcriptText', () => {
    const call = {
      caller_name: ' Jane Doe ',
      phone_number: '+15550001111',
      timestamp: '2026-04-11T14:30:00Z',
      transcript,
    };
    expect(transcriptDocument(call)).toBe(
      `Call with Jane Doe, +15550001111, 2026-04-11T14:30:00Z\n\n${transcriptText(transcript)}\n`,
    );
  });

  it('leaves out what the call lacks, and names an unknown caller', () => {
    expect(transcriptDocument({ caller_name: null, phone_number: 5550001111, transcript })).toBe(
      'Call with an unknown caller\n\nAgent: Hello.\nCaller: Hi there.\n',
    );
  });

  it('is the header alone when there is no transcript', () => {
    expect(transcriptDocument({ caller_name: 'Cher', timestamp: '2026-04-11T14:30:00Z' })).toBe(
      'Call with Cher, 2026-04-11T14:30:00Z\n',
    );
  });
});
