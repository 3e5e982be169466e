import { PassThrough, Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { runIdentifyCommand } from './identify.command';

async function run(text: string | string[]): Promise<Record<string, unknown>[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = runIdentifyCommand(input, output);
  for (const part of Array.isArray(text) ? text : [text]) input.write(part);
  input.end();
  await done;
  const lines = Buffer.concat(chunks).toString('utf8').split('\n');
  expect(lines.pop()).toBe(''); // every object ends with "\n"
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('verity identify', () => {
  it('writes one JSON object per input line, in order, with absent fields left out', async () => {
    const results = await run('9506000134352\nNike Air\n9506000134353\r\n(01)09506000134352(10)ABC\n');
    expect(results).toEqual([
      { input: '9506000134352', kind: 'gtin', valid: true, gtin: '09506000134352' },
      { input: 'Nike Air', kind: 'text', valid: true },
      {
        input: '9506000134353',
        kind: 'gtin',
        valid: false,
        error: {
          code: 'GTIN_CHECK_DIGIT',
          message: 'The GTIN check digit should be 2, not 3.',
          position: 12,
        },
      },
      {
        input: '(01)09506000134352(10)ABC',
        kind: 'gs1',
        valid: true,
        gtin: '09506000134352',
        elements: [
          { ai: '01', value: '09506000134352' },
          { ai: '10', value: 'ABC' },
        ],
      },
    ]);
    expect(Object.keys(results[3] ?? {})).toEqual(['input', 'kind', 'valid', 'gtin', 'elements']);
  });

  it('keeps GS characters inside a line', async () => {
    const [result] = await run(']C10109506000134352' + '10ABC\u001d21XYZ\n');
    expect(result).toMatchObject({
      input: ']C10109506000134352' + '10ABC\u001d21XYZ',
      kind: 'gs1',
      valid: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'ABC' },
        { ai: '21', value: 'XYZ' },
      ],
    });
  });

  it('answers an empty line with INPUT_EMPTY, and reads a last line without newline', async () => {
    const results = await run('\n\r\n490154203237518');
    expect(results).toEqual([
      {
        input: '',
        kind: 'text',
        valid: false,
        error: { code: 'INPUT_EMPTY', message: 'Nothing was entered.' },
      },
      {
        input: '',
        kind: 'text',
        valid: false,
        error: { code: 'INPUT_EMPTY', message: 'Nothing was entered.' },
      },
      {
        input: '490154203237518',
        kind: 'imei',
        valid: true,
        imei: '490154203237518',
        tac: '49015420',
      },
    ]);
  });

  it('reassembles lines and UTF-8 characters split across chunks', async () => {
    const bytes = Buffer.from('Café crème\n9506000134352\n', 'utf8');
    const split = bytes.indexOf(0xa9); // inside "é"
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = runIdentifyCommand(input, output);
    input.write(bytes.subarray(0, split));
    input.write(bytes.subarray(split, split + 8));
    input.end(bytes.subarray(split + 8));
    await done;
    const results = Buffer.concat(chunks)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(results).toEqual([
      { input: 'Café crème', kind: 'text', valid: true },
      { input: '9506000134352', kind: 'gtin', valid: true, gtin: '09506000134352' },
    ]);
  });

  it('handles 100k lines in order, waiting for a slow destination', async () => {
    const count = 100_000;
    const lines = Array.from({ length: count }, (_, i) =>
      i % 3 === 0 ? `line ${i}` : i % 3 === 1 ? '9506000134352' : `(01)09506000134352(21)${i}`,
    );
    const input = new PassThrough();
    const received: string[] = [];
    let writes = 0;
    const output = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        writes += 1;
        received.push(chunk.toString('utf8'));
        setImmediate(callback); // a destination slower than the producer
      },
    });
    const done = runIdentifyCommand(input, output);
    input.end(`${lines.join('\n')}\n`);
    await done;
    const results = received
      .join('')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { input: string; valid: boolean });
    expect(results).toHaveLength(count);
    expect(results.map((result) => result.input)).toEqual(lines);
    expect(results.every((result) => result.valid)).toBe(true);
    expect(writes).toBeLessThan(count / 100); // batched
  });
});
