// docs/reftier.schema.json (JSON Schema 2020-12) through Ajv on every file of tests/data/valid/
// (and the shipped sample) and tests/data/hostile/: the schema must agree with the document
// reader (its outcomes: the hostile README table) wherever JSON Schema can express the rule.
// EXCEPTIONS lists each file where it cannot, with the reason; the test also fails when one
// of them agrees after all, so the list stays true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'docs/reftier.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

// File -> why JSON Schema accepts what the reader refuses (every one is refused by the reader).
const EXCEPTIONS = {
  'duplicate_reference_ids.json': 'unique ids within a list are beyond JSON Schema (uniqueItems compares whole items)',
  'duplicate_account_ids.json': 'unique ids within a list are beyond JSON Schema',
  'rule_set_duplicate_ids.json': 'unique ids within a list are beyond JSON Schema',
  'requirement_duplicate.json': 'unique ids within a list are beyond JSON Schema',
  'tier_name_repeated.json': 'unique tier names are beyond JSON Schema',
  'tier_required_goes_down.json': 'one tier compared with the tier before it is beyond JSON Schema',
  'impossible_date.json': 'a pattern admits 2026-02-30; only a calendar knows it is not a date',
  'deep_nesting.json': 'nesting depth (64) is beyond JSON Schema; JSON.parse reads 100 levels',
  'lone_surrogate_escape.json': 'JSON.parse accepts a lone \\ud800 escape; the reader refuses it',
};

function parse(bytes) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // skips a byte order mark
  } catch {
    return { parsed: false, why: 'not UTF-8' };
  }
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch (error) {
    return { parsed: false, why: String(error) };
  }
}

// The schema's verdict: files that are not JSON at all are refused before it.
function schemaAccepts(path) {
  const read = parse(readFileSync(path));
  if (!read.parsed) return { accepts: false, why: read.why };
  const accepts = validate(read.value);
  return { accepts, why: accepts ? '' : ajv.errorsText(validate.errors) };
}

const HOSTILE = resolve(ROOT, 'tests/data/hostile');
const hostileCases = readFileSync(resolve(HOSTILE, 'README.md'), 'utf8').split('\n')
  .map((line) => line.match(/^\| `([^`]+)` \| (refused|accepted) \|/))
  .filter(Boolean).map(([, file, outcome]) => ({ file, accepted: outcome === 'accepted' }));

test('the schema is valid JSON Schema 2020-12', () => {
  assert.equal(typeof validate, 'function');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('every valid file and the shipped sample satisfy the schema', () => {
  const files = readdirSync(resolve(ROOT, 'tests/data/valid')).map((f) => resolve(ROOT, 'tests/data/valid', f));
  files.push(resolve(ROOT, 'assets/samples/sample.json'), resolve(ROOT, 'tests/cli/data/scorecard.json'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const verdict = schemaAccepts(file);
    assert.ok(verdict.accepts, `${file}: ${verdict.why}`);
  }
});

test('the schema agrees with the reader on every hostile file, exceptions named', () => {
  assert.ok(hostileCases.length >= 100, `only ${hostileCases.length} hostile cases`);
  const disagreements = [];
  for (const c of hostileCases) {
    const verdict = schemaAccepts(resolve(HOSTILE, c.file));
    const exception = EXCEPTIONS[c.file];
    if (exception) {
      assert.equal(c.accepted, false, `${c.file}: exceptions are files the reader refuses`);
      assert.equal(verdict.accepts, true, `${c.file} is listed as an exception but the schema refuses it too: remove it from EXCEPTIONS`);
      continue;
    }
    if (verdict.accepts !== c.accepted)
      disagreements.push(`${c.file}: reader ${c.accepted ? 'accepts' : 'refuses'}, schema ${verdict.accepts ? 'accepts' : `refuses (${verdict.why})`}`);
  }
  assert.deepEqual(disagreements, []);
});

test('every exception is a file of the hostile folder', () => {
  const names = new Set(hostileCases.map((c) => c.file));
  for (const file of Object.keys(EXCEPTIONS)) assert.ok(names.has(file), `${file} not in the hostile README`);
});
