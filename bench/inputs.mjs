// Writes the benchmarks' generated inputs to files, for the native profile runs of
// scripts/bench.sh --profile: titles.tsv (title_bench) and document.json (doc_bench).
// Usage: node bench/inputs.mjs DIR COUNT
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDocumentText, generateTitleRecords, titleRecordsToTsv } from './generate.mjs';

const [dir, count] = process.argv.slice(2);
if (!dir || !(Number(count) > 0)) {
  console.error('usage: node bench/inputs.mjs DIR COUNT');
  process.exit(2);
}
writeFileSync(join(dir, 'titles.tsv'), titleRecordsToTsv(generateTitleRecords(Number(count))));
writeFileSync(join(dir, 'document.json'), generateDocumentText(Number(count)));
