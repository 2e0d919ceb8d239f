// The web page's starting documents for the order, announcement, letter, certificate and stamped
// letter (src/web/samples.js) are the repository's examples of those kinds (data/KIND/*.yaml)
// without their placeholder emblem: this keeps the two equal when either changes.
//   node tests/web/samples_test.mjs SOURCE_DIR
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
const { SAMPLE_KINDS, sampleFor } = await import(path.join(root, 'src/web/samples.js'));
const { parse } = await import(path.join(root, 'src/web/vendor/yaml/index.js'));

let failed = 0;
assert.deepEqual([...SAMPLE_KINDS].sort(), ['announcement', 'certificate', 'letter', 'order', 'stamped']);
for (const kind of SAMPLE_KINDS) {
  const dir = path.join(root, 'data', kind);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const example = parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
  delete example[kind].emblem;
  try {
    assert.equal(files.length, 1, `data/${kind}/ has one example`);
    assert.deepEqual(sampleFor(kind, '2025-01-01'), example);
    assert.notEqual(sampleFor(kind), sampleFor(kind), 'each call gives its own copy (the form edits it)');
    console.log(`ok   ${kind}: the sample is data/${kind}/${files[0]} without its emblem`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${kind}: ${e.message}`);
  }
}
assert.equal(sampleFor('report'), null);
assert.equal(sampleFor('memo', '2025-01-01').memo.date, '2025-01-01');
process.exit(failed ? 1 : 0);
