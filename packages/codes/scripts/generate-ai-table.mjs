#!/usr/bin/env node
// Generates packages/codes/src/ai-table.generated.ts from the GS1 Barcode Syntax Dictionary
// (packages/codes/gs1-dictionary/gs1-syntax-dictionary.txt; its header documents the syntax parsed here).
//
//   node packages/codes/scripts/generate-ai-table.mjs           write the file
//   node packages/codes/scripts/generate-ai-table.mjs --check   exit 1 when the file is stale
//   node packages/codes/scripts/generate-ai-table.mjs --stdout  print instead of writing
//
// The output is data only (one entry per dictionary line, AI ranges kept as ranges); the
// package compiles it into lookup maps at start-up (src/ai-table.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dictionaryPath = join(packageDir, 'gs1-dictionary', 'gs1-syntax-dictionary.txt');
const outputPath = join(packageDir, 'src', 'ai-table.generated.ts');

// "Allocated from: *!?"$%&'()+,-./:;<=>@[\]^_`{|}~" (dictionary header); we use "*" and "?".
const FLAG_CHARS = new Set('*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~');
const COMPONENT = /^(\[)?([NXYZ])(\d+|\.\.\d+)((?:,[a-z0-9]+)*)(\])?((?:,[a-z0-9]+)*)$/;
const AI_RANGE = /^(\d{2,4})(?:-(\d{2,4}))?$/;

function fail(lineNumber, message) {
  throw new Error(`gs1-syntax-dictionary.txt line ${lineNumber}: ${message}`);
}

function parseComponent(token, lineNumber) {
  const match = COMPONENT.exec(token);
  if (!match) return undefined;
  const [, open, cset, length, innerLinters, close, outerLinters] = match;
  if (Boolean(open) !== Boolean(close)) fail(lineNumber, `unbalanced brackets in "${token}"`);
  const variable = length.startsWith('..');
  const max = Number(variable ? length.slice(2) : length);
  const linters = `${innerLinters}${outerLinters}`.split(',').filter(Boolean);
  const component = { cset, min: variable ? 1 : max, max };
  if (open) component.optional = true;
  if (linters.length > 0) component.linters = linters;
  return component;
}

export function parseDictionary(text) {
  const release = /^# Release: (\S+)/m.exec(text)?.[1];
  if (!release) throw new Error('gs1-syntax-dictionary.txt: no "# Release:" line');
  const entries = [];
  text.split('\n').forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const hash = line.indexOf('#');
    const title = hash === -1 ? '' : line.slice(hash + 1).trim();
    const tokens = (hash === -1 ? line : line.slice(0, hash)).split(/\s+/).filter(Boolean);

    const range = AI_RANGE.exec(tokens.shift() ?? '');
    if (!range) fail(lineNumber, 'expected an AI or a range of AIs');
    const entry = { ai: range[1] };
    if (range[2] !== undefined) entry.last = range[2];

    let flags = '';
    if (tokens[0] !== undefined && [...tokens[0]].every((c) => FLAG_CHARS.has(c))) {
      flags = tokens.shift();
    }
    if (flags.includes('*')) entry.predefinedLength = true;
    if (flags.includes('?')) entry.dataAttribute = true;

    const spec = [];
    while (tokens.length > 0) {
      const component = parseComponent(tokens[0], lineNumber);
      if (!component) break;
      spec.push(component);
      tokens.shift();
    }
    if (spec.length === 0) fail(lineNumber, 'no format specification');
    spec.forEach((component, i) => {
      if (component.min !== component.max && i !== spec.length - 1) {
        fail(lineNumber, 'only the last component may have a variable length');
      }
      if (i > 0 && spec[i - 1].optional && !component.optional) {
        fail(lineNumber, 'a mandatory component follows an optional one');
      }
    });
    entry.spec = spec;

    for (const token of tokens) {
      const [key, value] = token.split('=');
      if (key === 'req') (entry.req ??= []).push(value.split(','));
      else if (key === 'ex') (entry.ex ??= []).push(...value.split(','));
      else if (key === 'dlpkey') {
        entry.dlpkey = value === undefined ? [] : value.split('|').map((seq) => seq.split(','));
      } else fail(lineNumber, `unknown attribute "${token}"`);
    }
    entry.title = title;
    entries.push(entry);
  });
  assertPrefixFree(entries);
  return { release, entries };
}

// Raw element strings carry no AI delimiters: reading works only because no AI is a prefix of
// another (GenSpecs §3.2). Fail the build if a dictionary release ever broke that.
function assertPrefixFree(entries) {
  const ais = [];
  for (const entry of entries) {
    const last = entry.last ?? entry.ai;
    for (let n = Number(entry.ai); n <= Number(last); n += 1) {
      ais.push(String(n).padStart(entry.ai.length, '0'));
    }
  }
  const set = new Set(ais);
  for (const ai of ais) {
    for (let k = 2; k < ai.length; k += 1) {
      if (set.has(ai.slice(0, k))) throw new Error(`AI ${ai.slice(0, k)} is a prefix of ${ai}`);
    }
  }
}

const quote = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const list = (items) => `[${items.map(quote).join(', ')}]`;

function printComponent(c) {
  const parts = [`cset: ${quote(c.cset)}`, `min: ${c.min}`, `max: ${c.max}`];
  if (c.optional) parts.push('optional: true');
  if (c.linters) parts.push(`linters: ${list(c.linters)}`);
  return `{ ${parts.join(', ')} }`;
}

function printEntry(e) {
  const parts = [`ai: ${quote(e.ai)}`];
  if (e.last !== undefined) parts.push(`last: ${quote(e.last)}`);
  if (e.predefinedLength) parts.push('predefinedLength: true');
  if (e.dataAttribute) parts.push('dataAttribute: true');
  parts.push(`spec: [${e.spec.map(printComponent).join(', ')}]`);
  if (e.req) parts.push(`req: [${e.req.map(list).join(', ')}]`);
  if (e.ex) parts.push(`ex: ${list(e.ex)}`);
  if (e.dlpkey) parts.push(`dlpkey: [${e.dlpkey.map(list).join(', ')}]`);
  parts.push(`title: ${quote(e.title)}`);
  return `  { ${parts.join(', ')} },`;
}

export function generateAiTableSource(text) {
  const { release, entries } = parseDictionary(text);
  return [
    '// GENERATED FILE, do not edit: run `node packages/codes/scripts/generate-ai-table.mjs`.',
    `// Source: packages/codes/gs1-dictionary/gs1-syntax-dictionary.txt, GS1 Barcode Syntax Dictionary`,
    `// release ${release} (Apache-2.0, see packages/codes/gs1-dictionary/LICENSE and PROVENANCE.md).`,
    '// One entry per dictionary line; `req` lists the alternatives of each req= attribute',
    '// ("01+21" = both), `dlpkey` the allowed qualifier sequences of a Digital Link primary key.',
    '',
    "import type { AiDictionaryEntry } from './ai-entry';",
    '',
    `export const dictionaryRelease = ${quote(release)};`,
    '',
    'export const aiDictionary: readonly AiDictionaryEntry[] = [',
    ...entries.map(printEntry),
    '];',
    '',
  ].join('\n');
}

function main() {
  const source = generateAiTableSource(readFileSync(dictionaryPath, 'utf8'));
  const mode = process.argv[2];
  if (mode === '--stdout') {
    process.stdout.write(source);
  } else if (mode === '--check') {
    let current = '';
    try {
      current = readFileSync(outputPath, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (current !== source) {
      process.stderr.write(`${outputPath} is stale: run ${process.argv[1]}\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(outputPath, source);
    process.stdout.write(`wrote ${outputPath}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
