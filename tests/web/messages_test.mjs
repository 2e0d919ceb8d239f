// Web.server_messages_are_thai: every message the server can answer a request with (the
// send_error calls of src/serve/server.cpp, its error handler, and the errors of
// src/serve/request_folder.cpp) has a Thai sentence in src/web/labels.js, which the page shows
// before the English original. Fails when a new message is added without its Thai.
//   node tests/web/messages_test.mjs SOURCE_DIR
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
const { thaiMessage } = await import(path.join(root, 'src/web/labels.js'));
const read = (f) => fs.readFileSync(path.join(root, f), 'utf8');

// The argument list of each call of `name(` in the C++ text (strings and nested brackets skipped).
function calls(text, name) {
  const out = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    let j = i + name.length, depth = 1, args = [''];
    for (; j < text.length && depth > 0; j++) {
      const c = text[j];
      if (c === '"') {
        let k = j + 1;
        while (text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
        args[args.length - 1] += text.slice(j, k + 1);
        j = k;
        continue;
      }
      if (c === '(' || c === '{') depth++;
      if (c === ')' || c === '}') depth--;
      if (depth === 0) break;
      if (c === ',' && depth === 1) args.push('');
      else args[args.length - 1] += c;
    }
    out.push(args.map((a) => a.trim()));
  }
  return out;
}

// A message as the expression builds it: literals kept, every other operand taken as "5".
function example(expr) {
  return expr.split(/\+(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((part) => {
    const literals = [...part.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
    return literals.length ? literals.join('') : '5';
  }).join('');
}

const messages = [];
for (const args of calls(read('src/serve/server.cpp'), 'send_error(')) {
  if (args.length !== 3 || args[0] !== 'res') continue;  // the definition
  if (args[2] === 'e.what()') continue;                // request_folder.cpp's errors, below
  messages.push(example(args[2]));
}
for (const args of calls(read('src/serve/request_folder.cpp'), 'Error(')) messages.push(example(args[1]));
// The error handler's answers for what cpp-httplib refuses itself.
const handler = read('src/serve/server.cpp').match(/std::string message = res\.status == 404[\s\S]*?;\n/)[0];
for (const m of handler.matchAll(/\? ("[^"]*"(?: \+\s*[^:;]+)?)|: ("error " \+ [^;]+)/g)) messages.push(example(m[1] || m[2]));

assert.ok(messages.length >= 20, `found ${messages.length} messages`);
let failed = 0;
for (const m of messages) {
  const shown = thaiMessage(m);
  const ok = /^[\u0E00-\u0E7F]/.test(shown) && shown.endsWith(`(${m})`);
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${m} -> ${shown.split(' (')[0]}`);
}
// Two that must not be confused: a part that could not be stored is not a bad part name.
assert.match(thaiMessage("part 'images/a.png' could not be stored"), /^เซิร์ฟเวอร์เก็บภาพ/);
assert.match(thaiMessage("part 'images/a b.png': a character other than A-Z a-z 0-9 . _ - and /"), /^ชื่อไฟล์ภาพ/);
// A message with no Thai sentence is shown as it is.
assert.equal(thaiMessage('something new'), 'something new');
process.exit(failed ? 1 : 0);
