import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { aiDefinitions, dictionaryRelease, findAiAt, getAiDefinition } from './ai-table';

const generator = fileURLToPath(new URL('../scripts/generate-ai-table.mjs', import.meta.url));
const generated = fileURLToPath(new URL('./ai-table.generated.ts', import.meta.url));
const dictionary = fileURLToPath(new URL('../gs1-dictionary/gs1-syntax-dictionary.txt', import.meta.url));

describe('AI table', () => {
  it('is what the generator makes of the committed dictionary (regenerate after updating it)', () => {
    const fresh = execFileSync(process.execPath, [generator, '--stdout'], { encoding: 'utf8' });
    expect(fresh).toBe(readFileSync(generated, 'utf8'));
  });

  it('comes from the release named in the dictionary header', () => {
    expect(readFileSync(dictionary, 'utf8')).toContain(`# Release: ${dictionaryRelease}`);
  });

  it('expands ranges into one definition per AI', () => {
    expect(getAiDefinition('3103')).toMatchObject({
      ai: '3103',
      title: 'NET WEIGHT (kg)',
      predefinedLength: true,
    });
    expect(getAiDefinition('3106')).toBeUndefined();
    expect(getAiDefinition('99')).toMatchObject({ title: 'INTERNAL', maxLength: 90 });
    expect(aiDefinitions.length).toBeGreaterThan(500);
  });

  it('compiles formats, associations and Digital Link roles', () => {
    expect(getAiDefinition('01')).toMatchObject({
      minLength: 14,
      maxLength: 14,
      dataAttribute: true,
      qualifierSequences: [['22', '10', '21'], ['235']],
      excludes: [{ text: '255' }, { text: '37' }],
    });
    expect(
      getAiDefinition('8030')?.requires[0]?.map((alternative) => alternative.map((p) => p.text).join('+')),
    ).toContain('01+21');
    expect(getAiDefinition('3100')?.excludes).toEqual([{ text: '310n', prefix: '310', length: 4 }]);
    expect(getAiDefinition('423')).toMatchObject({ minLength: 3, maxLength: 15 });
    expect(getAiDefinition('21')?.dataAttribute).toBe(false);
  });

  it('finds the AI at a position of a raw string (AIs are prefix-free)', () => {
    expect(findAiAt('xx3103000123', 2)?.ai).toBe('3103');
    expect(findAiAt('0109506000134352', 0)?.ai).toBe('01');
    expect(findAiAt('2399', 0)).toBeUndefined();
  });
});
