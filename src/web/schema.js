// The document JSON Schema as the server serves it (GET /schema and GET /schema/NAME.schema.json),
// with its $refs resolved across files. A resolved node is {s, file, ref}: the schema object, the
// file whose #/$defs it came from, and the name of the last $ref followed ("common#date"), which
// the form uses to pick a widget.

export class SchemaSet {
  constructor(fetchJson) {
    this.fetchJson = fetchJson;
    this.files = new Map();
  }

  async load() {
    const root = await this.fetchJson('/schema');
    this.files.set('document.schema.json', root);
    // Load every file a $ref names, transitively.
    const pending = ['document.schema.json'];
    while (pending.length) {
      const file = pending.pop();
      for (const target of refsIn(this.files.get(file))) {
        const name = target.split('#')[0];
        if (name && !this.files.has(name)) {
          this.files.set(name, null);
          this.files.set(name, await this.fetchJson(`/schema/${name}`));
          pending.push(name);
        }
      }
    }
    return this;
  }

  // Follows $refs (and allOf/anyOf wrappers of one $ref) from s in file.
  resolve(s, file = 'document.schema.json', ref = null) {
    for (let guard = 0; guard < 32 && s && typeof s === 'object' && s.$ref; guard++) {
      const [name, pointer] = s.$ref.split('#');
      const target = name || file;
      const doc = this.files.get(target);
      if (!doc) throw new Error(`schema: ${target} not loaded`);
      const parts = (pointer || '').split('/').filter(Boolean);
      let node = doc;
      for (const p of parts) node = node?.[p];
      const local = { ...s };
      delete local.$ref;
      ref = `${target.replace('.schema.json', '')}#${parts[parts.length - 1] || ''}`;
      file = target;
      // Sibling keywords (description) override the target's.
      s = Object.keys(local).length ? { ...node, ...local } : node;
    }
    return { s: s || {}, file, ref };
  }

  def(file, name) {
    return this.resolve({ $ref: `${file}#/$defs/${name}` });
  }
}

function* refsIn(node) {
  if (Array.isArray(node)) {
    for (const x of node) yield* refsIn(x);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') yield v;
      else yield* refsIn(v);
    }
  }
}
