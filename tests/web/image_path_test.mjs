// Web.picked_images_keep_their_own_paths: the path a picked image is sent under and written into
// the document (src/web/image_path.js). Thai file names are common; before this, every one of
// them became images/_.png, so a stamp picked after a signature replaced the signature.
//   node tests/web/image_path_test.mjs SOURCE_DIR
import assert from 'node:assert/strict';
import path from 'node:path';

const { imagePath, namedElsewhere } = await import(path.join(process.argv[2], 'src/web/image_path.js'));

const taken = new Map();
const pick = (name) => {
  const p = imagePath(name, taken);
  taken.set(p, name);
  return p;
};
assert.equal(pick('signature.png'), 'images/signature.png');
assert.equal(pick('ลายมือชื่อ ผอ.png'), 'images/image.png');
assert.equal(pick('ตราประทับ.png'), 'images/image-2.png', 'a second Thai name does not take the first one\'s path');
assert.equal(pick('ตรา.PNG'), 'images/image-3.png');
assert.equal(pick('signature.png'), 'images/signature-2.png', 'the same name picked again is another file');
assert.equal(pick('ครุฑ emblem (1).jpg'), 'images/emblem_1.jpg');
assert.equal(pick('scan 2568-01.JPEG'), 'images/scan_2568-01.jpeg');
assert.equal(pick('.hidden.png'), 'images/hidden.png');
assert.equal(pick('noext'), 'images/noext');
assert.equal(pick('ภาพ.'), 'images/image');
assert.equal(pick('ภาพ'), 'images/image-2');
assert.equal(pick('../../etc/passwd'), 'images/etc_passwd');
assert.equal(pick(`${'a'.repeat(300)}.png`), `images/${'a'.repeat(100)}.png`);
// Every path is one the server takes as a part name (request_folder.cpp's check_name).
for (const p of taken.keys()) {
  assert.match(p, /^images\/[A-Za-z0-9._-]+$/);
  assert.ok(!p.split('/').some((s) => s === '' || s === '.' || s === '..'), p);
}
assert.equal(new Set(taken.keys()).size, taken.size);
console.log(`ok   ${taken.size} picked files, ${taken.size} paths`);

// A field that picks again frees its old path only when no other place in the document names it.
const doc = { memo: { emblem: 'images/a.png', signer: { image: 'images/a.png' }, body: ['see images/b.png', { list: ['x'] }] } };
assert.equal(namedElsewhere(doc, 'images/a.png', ['memo', 'signer', 'image']), true, 'the emblem names it too');
assert.equal(namedElsewhere(doc, 'images/a.png', ['memo', 'emblem']), true);
delete doc.memo.emblem;
assert.equal(namedElsewhere(doc, 'images/a.png', ['memo', 'signer', 'image']), false, 'only the field itself names it');
assert.equal(namedElsewhere(doc, 'images/b.png', ['memo', 'body', 0]), false, 'an index in the path is the same place');
assert.equal(namedElsewhere(doc, 'images/b.png', ['memo', 'signer', 'image']), true, 'a text naming it counts (the page sends what the YAML names)');
console.log('ok   a path named elsewhere is kept');
