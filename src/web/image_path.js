// The path a file picked on this computer is sent under (multipart, beside the document) and
// written into the document: images/NAME, where NAME keeps only what the server takes in a part
// name (A-Z a-z 0-9 . _ -; src/serve/request_folder.cpp). A name with nothing of that left (a Thai
// file name, "ลายมือชื่อ ผอ.png") becomes "image"; a path another picked file already has gets
// -2, -3 ... before its extension, so two pictures never share one path (the second would
// otherwise replace the first in every field that names it).

export function imagePath(fileName, taken) {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const ext = m ? `.${m[1].toLowerCase()}` : '';
  let stem = (m ? fileName.slice(0, m.index) : fileName).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+|[._]+$/g, '');
  stem = stem.slice(0, 100);  // a part name is at most 255 bytes
  if (!/[A-Za-z0-9]/.test(stem)) stem = 'image';
  for (let n = 1; ; n++) {
    const path = `images/${stem}${n > 1 ? `-${n}` : ''}${ext}`;
    if (!taken.has(path)) return path;
  }
}

// Whether the document still names `value` somewhere other than at `path` (a list of keys and
// indexes): a field that picks a new file frees its old path only when nothing else names it,
// for a path typed into another field by hand must keep its file (the page sends a picked file
// only while the document names it: app.js requestBody).
export function namedElsewhere(doc, value, path) {
  const here = JSON.stringify(path);
  const walk = (node, at) => {
    if (typeof node === 'string') return node.includes(value) && JSON.stringify(at) !== here;
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (walk(v, [...at, Array.isArray(node) ? Number(k) : k])) return true;
      }
    }
    return false;
  };
  return walk(doc, []);
}
