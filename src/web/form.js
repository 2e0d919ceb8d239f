// The form generated from the document JSON Schema (schema.js) for one kind: every property of the
// kind's content object becomes a field, chosen by what the schema says it is (a date, a line of
// text, a list of lines, blocks, a table, a signer, a repeatable group). Values live in one plain
// object, the document; every edit writes into it at the field's key path and calls onChange.
// Each field carries data-path="memo.body.2.heading" so diagnostics land at it (showDiagnostics).

import { stringify as yamlStringify, parse as yamlParse } from './vendor/yaml/index.js';
import { labelFor, hintFor, thaiOf, thaiMessage, ENUM_LABELS, BLOCK_TYPES } from './labels.js';
import { parseDate, thaiDate } from './thai_date.js';
import { imagePath, namedElsewhere } from './image_path.js';

// Properties a secretary rarely needs: shown folded under "ตัวเลือกเพิ่มเติม".
const RARE = new Set(['speed', 'secrecy', 'emblem', 'stamp', 'photo', 'logo', 'image']);
// Document-level properties shown under "ตั้งค่าเอกสาร" (content keys and kind are not).
const DOCUMENT_SETTINGS = ['template', 'digits', 'author', 'title', 'subject', 'keywords', 'language',
  'dictionary', 'style', 'ita'];

let uid = 0;
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
};

export function pathKey(path) {
  return path.join('.');
}

// "memo.body[2].heading" (the server's key path) -> "memo.body.2.heading".
export function normalizePath(p) {
  return String(p || '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function getAt(obj, path) {
  let o = obj;
  for (const k of path) {
    if (o === null || o === undefined) return undefined;
    o = o[k];
  }
  return o;
}

function setAt(obj, path, value) {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (o[k] === null || o[k] === undefined || typeof o[k] !== 'object') {
      o[k] = typeof path[i + 1] === 'number' ? [] : {};
    }
    o = o[k];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(last, 1);
    else delete o[last];
  } else {
    o[last] = value;
  }
}

function isScalar(v) {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function scalarText(v) {
  return v === null || v === undefined ? '' : String(v);
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class DocumentForm {
  constructor(schemas, { onChange, images }) {
    this.schemas = schemas;
    this.onChange = onChange;
    this.images = images;  // Map: image path in the document -> File chosen here (sent with /render)
    this.doc = null;
    this.kind = null;
  }

  // --- what a schema node is -------------------------------------------------------------

  classify(node) {
    const { s, ref } = node;
    switch (ref) {
      case 'common#date': return { type: 'date' };
      case 'common#image': return { type: 'image' };
      case 'common#text': case 'common#nonempty_text': case 'common#path':
        return { type: 'text' };
      case 'common#integer': case 'common#number': case 'common#length':
        return { type: 'text', short: true };
      case 'common#text_list': return { type: 'lines' };
      case 'common#bool': return { type: 'bool' };
      case 'blocks#blocks': return { type: 'blocks' };
      case 'template#settings': case 'ita#ita': return { type: 'yaml' };
      default: break;
    }
    if (s.enum) return { type: 'enum', values: s.enum };
    if (s.allOf) {
      const inner = s.allOf.map((x) => this.schemas.resolve(x, node.file)).find((x) => x.ref || x.s.type);
      if (inner) return this.classify(inner);
    }
    if (s.anyOf) {
      const variants = s.anyOf.map((x) => this.schemas.resolve(x, node.file));
      const withEnum = variants.find((v) => v.s.enum);
      if (withEnum) return { type: 'enum', values: withEnum.s.enum, nullable: true };
      const obj = variants.find((v) => v.s.type === 'object' && v.s.properties);
      if (obj) return { type: 'object', node: obj, fromScalar: Object.keys(obj.s.properties)[0] };
      if (variants.some((v) => v.s.type === 'string' || v.ref === 'common#nonempty_text')) return { type: 'text' };
    }
    const types = [].concat(s.type || []);
    if (types.includes('object') && s.properties) return { type: 'object', node };
    if (types.includes('array') && s.items) {
      const item = this.schemas.resolve(s.items, node.file);
      const inner = this.classify(item);
      if (inner.type === 'text') return { type: 'lines' };
      return { type: 'array', item, inner };
    }
    if (types.length && types.every((t) => ['string', 'number', 'boolean', 'null'].includes(t))) return { type: 'text' };
    return { type: 'yaml' };
  }

  skeleton(node) {
    const c = this.classify(node);
    switch (c.type) {
      case 'date': return todayIso();
      case 'blocks': return [''];
      case 'object': {
        const o = {};
        const s = c.node.s;
        const required = new Set(s.required || []);
        if (s.properties.body && (s.anyOf || []).some((a) => (a.required || []).includes('body'))) required.add('body');
        for (const key of Object.keys(s.properties)) {
          if (required.has(key)) o[key] = this.skeleton(this.schemas.resolve(s.properties[key], c.node.file));
        }
        return o;
      }
      case 'array': return node.s.minItems ? [this.skeleton(c.item)] : [];
      case 'bool': return false;
      default: return '';
    }
  }

  kindSkeleton(kind, template) {
    const docDef = this.schemas.def('document.schema.json', 'document');
    const doc = { kind, template };
    const key = kind === 'document' ? 'blocks' : kind;
    doc[key] = this.skeleton(this.schemas.resolve(docDef.s.properties[key], docDef.file));
    return doc;
  }

  // --- building the form -----------------------------------------------------------------

  render(container, doc, templates) {
    this.doc = doc;
    this.kind = doc.kind;
    this.templates = templates;
    const docDef = this.schemas.def('document.schema.json', 'document');
    const key = doc.kind === 'document' ? 'blocks' : doc.kind;
    const content = this.schemas.resolve(docDef.s.properties[key], docDef.file);
    const parts = [];
    if (!doc[key] && key !== 'blocks') doc[key] = {};
    parts.push(this.field(content, [key], [doc.kind], { top: true }));
    const settings = el('details', { class: 'settings' }, el('summary', { text: 'ตั้งค่าเอกสาร (แม่แบบ ตัวเลข ข้อมูลไฟล์ PDF)' }));
    for (const k of DOCUMENT_SETTINGS) {
      const prop = docDef.s.properties[k];
      if (!prop) continue;
      if (k === 'template') settings.append(this.templateField());
      else settings.append(this.field(this.schemas.resolve(prop, docDef.file), [k], ['document']));
    }
    parts.push(settings);
    container.replaceChildren(...parts);
  }

  templateField() {
    const id = `f${++uid}`;
    const names = (this.templates || []).filter((t) => t.kind === this.kind).map((t) => t.name);
    if (this.doc.template && !names.includes(this.doc.template)) names.push(this.doc.template);
    const select = el('select', { id, 'data-path': 'template' },
      ...names.map((n) => el('option', { value: n, text: n })));
    select.value = this.doc.template || names[0] || '';
    select.addEventListener('change', () => this.write(['template'], select.value));
    return this.wrap('แม่แบบ', id, select, ['template'], { hint: 'ไฟล์รูปแบบของเอกสาร (templates/)' });
  }

  label(key, context, node) {
    if (typeof key === 'number') return null;
    return labelFor(key, context) || thaiOf(node?.s?.description) || key;
  }

  write(path, value) {
    setAt(this.doc, path, value);
    // An optional group left empty (contact: {} once its last field is cleared) is left out,
    // as if never filled in; items of a list keep their place.
    if (value === undefined) {
      for (let k = path.length - 1; k >= 2; k--) {
        const o = getAt(this.doc, path.slice(0, k));
        const parent = getAt(this.doc, path.slice(0, k - 1));
        if (!o || typeof o !== 'object' || Array.isArray(o) || Object.keys(o).length || Array.isArray(parent)) break;
        setAt(this.doc, path.slice(0, k), undefined);
      }
    }
    this.onChange();
  }

  // A labelled control with its error slot.
  wrap(labelText, id, control, path, { required = false, hint = null, extra = null } = {}) {
    const errId = `${id}-err`;
    const hintId = hint ? `${id}-hint` : null;
    control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
    if (required) control.setAttribute('aria-required', 'true');
    return el('div', { class: 'field', 'data-field': pathKey(path) },
      el('label', { for: id }, labelText, required ? el('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
      hint ? el('div', { class: 'hint', id: hintId, text: hint }) : null,
      control, extra,
      el('div', { class: 'field-error', id: errId, 'aria-live': 'polite' }));
  }

  field(node, path, context, opts = {}) {
    const key = path[path.length - 1];
    const c = this.classify(node);
    const labelText = opts.label || this.label(key, context, node);
    const required = !!opts.required;
    const hint = typeof key === 'string' ? hintFor(key, context) : null;
    const id = `f${++uid}`;
    const value = getAt(this.doc, path);
    switch (c.type) {
      case 'text': return this.textField(labelText, id, path, value, { required, hint, short: c.short, multiline: opts.multiline });
      case 'image': return this.imageField(labelText, id, path, value, { required, hint });
      case 'lines': return this.linesField(labelText, id, path, value, { required, hint });
      case 'date': return this.dateField(labelText, id, path, value, { required });
      case 'bool': return this.boolField(labelText, id, path, value);
      case 'enum': return this.enumField(labelText, id, path, value, c.values, { required });
      case 'blocks': return this.blocksField(labelText, path, { required, hint });
      case 'object': return this.objectField(labelText, c, path, [...context, key].filter((k) => typeof k === 'string'), opts);
      case 'array': return this.arrayField(labelText, c, path, [...context, key].filter((k) => typeof k === 'string'), { required, hint });
      default: return this.yamlField(labelText, id, path, value, { required });
    }
  }

  textField(labelText, id, path, value, { required, hint, short, multiline }) {
    const long = multiline || (typeof value === 'string' && value.length > 70);
    const control = long
      ? el('textarea', { id, rows: 2, 'data-path': pathKey(path) })
      : el('input', { id, type: 'text', 'data-path': pathKey(path), class: short ? 'short' : null,
        inputmode: short ? 'decimal' : null });
    control.value = scalarText(value);
    control.addEventListener('input', () => {
      const v = control.value;
      this.write(path, v === '' && !required ? undefined : v);
    });
    return this.wrap(labelText, id, control, path, { required, hint });
  }

  // An image: its path in the document, and a file chosen from this computer, sent with the
  // document (multipart) under that path.
  imageField(labelText, id, path, value, { required, hint }) {
    const f = this.textField(labelText, id, path, value, { required, hint });
    const text = f.querySelector('input');
    const pick = el('input', { type: 'file', accept: 'image/png,image/jpeg', 'aria-label': `เลือกไฟล์${labelText}` });
    let mine = null;  // the path this field's last picked file was given
    pick.addEventListener('change', () => {
      const file = pick.files[0];
      if (!file) return;
      if (mine && !namedElsewhere(this.doc, mine, path)) this.images.delete(mine);
      const name = imagePath(file.name, this.images);
      mine = name;
      this.images.set(name, file);
      text.value = name;
      this.write(path, name);
    });
    text.after(el('div', { class: 'file-row' }, pick));
    return f;
  }

  linesField(labelText, id, path, value, { required, hint }) {
    const lines = Array.isArray(value) ? value.map(scalarText) : (value === undefined || value === null ? [] : [scalarText(value)]);
    const control = el('textarea', { id, rows: Math.max(1, Math.min(lines.length, 6)), 'data-path': pathKey(path), class: 'lines' });
    control.value = lines.join('\n');
    control.addEventListener('input', () => {
      const ls = control.value.split('\n').map((l) => l.trim()).filter((l, i, a) => l !== '' || a.length === 1);
      const v = ls.length === 0 || (ls.length === 1 && ls[0] === '') ? (required ? '' : undefined) : ls.length === 1 ? ls[0] : ls;
      control.rows = Math.max(1, Math.min(control.value.split('\n').length, 6));
      this.write(path, v);
    });
    return this.wrap(labelText, id, control, path, { required, hint: hint || 'บรรทัดละหนึ่งรายการ' });
  }

  dateField(labelText, id, path, value, { required }) {
    const control = el('input', { id, type: 'date', 'data-path': pathKey(path) });
    const shown = el('output', { class: 'thai-date', for: id, id: `${id}-thai`, 'aria-live': 'polite' });
    const raw = el('div', { class: 'hint' });
    const digits = this.doc.digits === 'arabic' ? 'arabic' : 'thai';
    const show = () => {
      const isoValue = parseDate(getAt(this.doc, path));
      shown.textContent = isoValue ? thaiDate(isoValue, digits) : '';
      const current = getAt(this.doc, path);
      raw.textContent = !isoValue && current ? `ค่าที่พิมพ์ไว้: ${current}` : '';
    };
    control.value = parseDate(value) || '';
    show();
    control.addEventListener('input', () => {
      this.write(path, control.value || (required ? '' : undefined));
      show();
    });
    const f = this.wrap(labelText, id, control, path, {
      required, extra: el('div', { class: 'date-row' }, shown, raw),
    });
    control.setAttribute('aria-describedby', `${id}-thai ${control.getAttribute('aria-describedby')}`);
    return f;
  }

  boolField(labelText, id, path, value) {
    const control = el('input', { id, type: 'checkbox', 'data-path': pathKey(path) });
    control.checked = value === true || /^(true|yes|on)$/i.test(String(value));
    control.addEventListener('change', () => this.write(path, control.checked ? true : undefined));
    const f = this.wrap(labelText, id, control, path);
    f.classList.add('check');
    return f;
  }

  enumField(labelText, id, path, value, values, { required }) {
    const control = el('select', { id, 'data-path': pathKey(path) },
      required ? null : el('option', { value: '', text: '(ไม่ระบุ)' }),
      ...values.map((v) => el('option', { value: v, text: ENUM_LABELS[v] || v })));
    if (value !== undefined && value !== null && !values.includes(value)) {
      control.append(el('option', { value: String(value), text: String(value) }));
    }
    control.value = value === undefined || value === null ? '' : String(value);
    control.addEventListener('change', () => this.write(path, control.value === '' ? undefined : control.value));
    return this.wrap(labelText, id, control, path, { required });
  }

  yamlField(labelText, id, path, value, { required }) {
    const control = el('textarea', { id, rows: 4, class: 'code', spellcheck: 'false', 'data-path': pathKey(path) });
    control.value = value === undefined ? '' : yamlStringify(value, { lineWidth: 0 }).trimEnd();
    const f = this.wrap(labelText, id, control, path, { required, hint: 'เขียนเป็น YAML' });
    control.addEventListener('input', () => {
      const slot = f.querySelector('.field-error');
      try {
        const v = control.value.trim() === '' ? undefined : yamlParse(control.value);
        slot.textContent = '';
        control.removeAttribute('aria-invalid');
        this.write(path, v);
      } catch (e) {
        slot.textContent = `YAML ไม่ถูกต้อง: ${e.message.split('\n')[0]}`;
        control.setAttribute('aria-invalid', 'true');
      }
    });
    return f;
  }

  objectField(labelText, c, path, context, opts) {
    const s = c.node.s;
    let value = getAt(this.doc, path);
    if (isScalar(value) && value !== null && c.fromScalar) {
      value = { [c.fromScalar]: value };
      setAt(this.doc, path, value);
    }
    const required = new Set(s.required || []);
    const fs = el('fieldset', { class: opts.top ? 'group content' : 'group', 'data-path': pathKey(path) },
      opts.top ? null : el('legend', { text: labelText }));
    const rare = el('details', { class: 'rare' }, el('summary', { text: 'ตัวเลือกเพิ่มเติม' }));
    for (const [key, prop] of Object.entries(s.properties)) {
      const child = this.schemas.resolve(prop, c.node.file);
      const f = this.field(child, [...path, key], context, { required: required.has(key) });
      (RARE.has(key) ? rare : fs).append(f);
    }
    if (rare.children.length > 1) fs.append(rare);
    fs.append(el('div', { class: 'field-error', 'aria-live': 'polite' }));
    return fs;
  }

  // A repeatable group: comments, agenda items, clauses, people present.
  arrayField(labelText, c, path, context, { required, hint }) {
    const fs = el('fieldset', { class: 'group repeat', 'data-path': pathKey(path) }, el('legend', { text: labelText }));
    const body = el('div', { class: 'items' });
    const itemLabel = labelText;
    const rebuild = () => {
      let list = getAt(this.doc, path);
      if (!Array.isArray(list)) list = [];
      body.replaceChildren(...list.map((_, i) => {
        const itemPath = [...path, i];
        const inner = this.field(c.item, itemPath, context, { label: `${itemLabel} ${i + 1}` });
        return el('div', { class: 'item' },
          el('div', { class: 'item-bar' },
            el('span', { class: 'item-no', text: `${i + 1}` }),
            this.moveButtons(path, i, list.length, rebuild, itemLabel)),
          inner);
      }));
    };
    rebuild();
    const add = el('button', { type: 'button', class: 'add', text: `+ เพิ่ม${itemLabel}` });
    add.addEventListener('click', () => {
      let list = getAt(this.doc, path);
      if (!Array.isArray(list)) { list = []; setAt(this.doc, path, list); }
      list.push(this.skeleton(c.item));
      rebuild();
      this.onChange();
      body.lastElementChild?.querySelector('input,textarea,select')?.focus();
    });
    fs.append(...[hint ? el('div', { class: 'hint', text: hint }) : null, body, add,
      el('div', { class: 'field-error', 'aria-live': 'polite' })].filter(Boolean));
    if (required) fs.setAttribute('aria-required', 'true');
    return fs;
  }

  moveButtons(listPath, i, n, rebuild, what) {
    const move = (to) => {
      const list = getAt(this.doc, listPath);
      const [x] = list.splice(i, 1);
      if (to !== null) list.splice(to, 0, x);
      if (list.length === 0 && listPath.length > 1) setAt(this.doc, listPath, undefined);
      rebuild();
      this.onChange();
    };
    return el('span', { class: 'item-tools' },
      el('button', { type: 'button', class: 'icon', title: 'เลื่อนขึ้น', 'aria-label': `เลื่อน${what} ${i + 1} ขึ้น`, disabled: i === 0, onclick: () => move(i - 1), text: '↑' }),
      el('button', { type: 'button', class: 'icon', title: 'เลื่อนลง', 'aria-label': `เลื่อน${what} ${i + 1} ลง`, disabled: i === n - 1, onclick: () => move(i + 1), text: '↓' }),
      el('button', { type: 'button', class: 'icon remove', title: 'ลบ', 'aria-label': `ลบ${what} ${i + 1}`, onclick: () => move(null), text: '✕' }));
  }

  // --- blocks: paragraphs, headings, lists, tables, ... ------------------------------------

  blocksField(labelText, path, { required, hint }) {
    const fs = el('fieldset', { class: 'group blocks', 'data-path': pathKey(path) }, el('legend', { text: labelText }));
    const body = el('div', { class: 'items' });
    const list = () => {
      let v = getAt(this.doc, path);
      if (v === undefined || v === null) v = [];
      if (!Array.isArray(v)) { v = [v]; setAt(this.doc, path, v); }
      return v;
    };
    const rebuild = () => {
      const blocks = list();
      body.replaceChildren(...blocks.map((b, i) => this.blockEditor(path, i, blocks.length, rebuild)));
    };
    rebuild();
    const addBar = el('div', { class: 'add-bar' });
    const add = (type) => {
      const blocks = list();
      if (!getAt(this.doc, path)) setAt(this.doc, path, blocks);
      blocks.push(newBlock(type));
      rebuild();
      this.onChange();
      body.lastElementChild?.querySelector('textarea,input')?.focus();
    };
    for (const t of ['paragraph', 'heading', 'list', 'table']) {
      addBar.append(el('button', { type: 'button', class: 'add', onclick: () => add(t), text: `+ ${BLOCK_TYPES[t]}` }));
    }
    const more = el('select', { 'aria-label': 'เพิ่มส่วนอื่น' }, el('option', { value: '', text: '+ อื่น ๆ…' }),
      ...['space', 'dotted', 'pagebreak', 'caption', 'note', 'source', 'image', 'section', 'chart', 'ita_table']
        .map((t) => el('option', { value: t, text: BLOCK_TYPES[t] })));
    more.addEventListener('change', () => { if (more.value) add(more.value); more.value = ''; });
    addBar.append(more);
    fs.append(...[hint ? el('div', { class: 'hint', text: hint }) : null, body, addBar,
      el('div', { class: 'field-error', 'aria-live': 'polite' })].filter(Boolean));
    if (required) fs.setAttribute('aria-required', 'true');
    return fs;
  }

  blockEditor(listPath, i, n, rebuild) {
    const path = [...listPath, i];
    const block = getAt(this.doc, path);
    const type = blockType(block);
    const typeSelect = el('select', { 'aria-label': `ชนิดของส่วนที่ ${i + 1}` },
      ...Object.entries(BLOCK_TYPES).map(([t, l]) => el('option', { value: t, text: l })),
      type === 'yaml' ? el('option', { value: 'yaml', text: 'YAML' }) : null);
    typeSelect.value = type;
    typeSelect.addEventListener('change', () => {
      const old = getAt(this.doc, path);
      const text = blockText(old);
      const nb = newBlock(typeSelect.value);
      if (text !== null) setBlockText(nb, text);
      setAt(this.doc, path, nb);
      rebuild();
      this.onChange();
    });
    const card = el('div', { class: `item block block-${type}`, 'data-path': pathKey(path) },
      el('div', { class: 'item-bar' }, el('span', { class: 'item-no', text: `${i + 1}` }), typeSelect,
        this.moveButtons(listPath, i, n, rebuild, 'ส่วน')));
    const id = `f${++uid}`;
    const label = `${BLOCK_TYPES[type] || 'YAML'} (ส่วนที่ ${i + 1})`;
    switch (type) {
      case 'paragraph': {
        const tpath = isScalar(block) ? path : [...path, 'paragraph'];
        card.append(this.textField(label, id, tpath, isScalar(block) ? block : block.paragraph, { required: true, multiline: true }));
        break;
      }
      case 'heading': case 'caption': case 'note': case 'source':
        card.append(this.textField(label, id, [...path, type], block[type], { required: true, multiline: type !== 'heading' }));
        if (type === 'heading') {
          card.append(this.enumField('ระดับหัวข้อ', `f${++uid}`, [...path, 'level'], block.level, [1, 2, 3], { required: false }));
          card.lastChild.querySelector('select').addEventListener('change', (e) => {
            if (e.target.value) setAt(this.doc, [...path, 'level'], Number(e.target.value));
          });
        }
        break;
      case 'list':
        card.append(this.listEditor(path, label));
        break;
      case 'table':
        card.append(this.tableEditor([...path, 'table'], label));
        break;
      case 'space':
        card.append(this.textField('ระยะ (เช่น 12pt, 1cm)', id, [...path, 'space'], block.space, { required: true, short: true }));
        break;
      case 'dotted':
        card.append(this.textField('จำนวนบรรทัด', id, [...path, 'dotted'], block.dotted, { required: true, short: true }));
        card.lastChild.querySelector('input').addEventListener('input', (e) => {
          if (/^\d+$/.test(e.target.value)) setAt(this.doc, [...path, 'dotted'], Number(e.target.value));
        });
        break;
      case 'pagebreak':
        card.append(el('p', { class: 'hint', text: 'ส่วนถัดไปขึ้นหน้าใหม่' }));
        break;
      default:
        card.append(this.yamlField(label, id, path, block, { required: true }));
    }
    return card;
  }

  listEditor(path, label) {
    const box = el('div', { class: 'list-editor' });
    const block = getAt(this.doc, path);
    box.append(this.enumField('ลำดับเลข', `f${++uid}`, [...path, 'marker'], block.marker,
      ['thai', 'arabic', 'thai-paren', 'arabic-paren', 'dash', 'bullet'], { required: false }));
    const items = el('ol', { class: 'list-items', 'aria-label': label });
    const rebuild = () => {
      const list = getAt(this.doc, [...path, 'list']) || [];
      items.replaceChildren(...list.map((item, j) => {
        const ipath = [...path, 'list', j];
        const id = `f${++uid}`;
        const f = isScalar(item)
          ? this.textField(`ข้อ ${j + 1}`, id, ipath, item, { required: true, multiline: true })
          : this.yamlField(`ข้อ ${j + 1} (มีข้อย่อย)`, id, ipath, item, { required: true });
        return el('li', {}, el('div', { class: 'item-bar' }, this.moveButtons([...path, 'list'], j, list.length, rebuild, 'ข้อ')), f);
      }));
    };
    rebuild();
    const add = el('button', { type: 'button', class: 'add', text: '+ เพิ่มข้อ' });
    add.addEventListener('click', () => {
      const list = getAt(this.doc, [...path, 'list']) || [];
      list.push('');
      setAt(this.doc, [...path, 'list'], list);
      rebuild();
      this.onChange();
      items.lastElementChild?.querySelector('textarea')?.focus();
    });
    box.append(items, add);
    return box;
  }

  // A table as editable rows: header rows and body rows, a cell an input; add/remove rows and
  // columns; cells that hold blocks are edited as YAML.
  tableEditor(path, label) {
    const box = el('div', { class: 'table-editor', 'data-path': pathKey(path) });
    const tbl = () => getAt(this.doc, path);
    const id = `f${++uid}`;
    box.append(this.textField('ชื่อตาราง (คำอธิบาย)', id, [...path, 'caption'], tbl().caption, {}));
    const gridWrap = el('div', { class: 'grid-wrap' });
    const rebuild = () => {
      const t = tbl();
      const ncols = (t.columns || []).length;
      const grid = el('table', { class: 'grid', 'aria-label': label });
      const widths = el('tr', { class: 'widths' }, el('th', { scope: 'row', text: 'ความกว้าง' }),
        ...(t.columns || []).map((col, k) => {
          const input = el('input', { type: 'text', class: 'short', 'aria-label': `ความกว้างคอลัมน์ ${k + 1}`,
            'data-path': pathKey([...path, 'columns', k]) });
          input.value = scalarText(isScalar(col) ? col : col.width);
          input.addEventListener('input', () => {
            const v = /^\d+(\.\d+)?$/.test(input.value) ? Number(input.value) : input.value;
            if (isScalar(t.columns[k])) t.columns[k] = v; else t.columns[k].width = v;
            this.onChange();
          });
          return el('td', {}, input);
        }));
      grid.append(el('thead', {}, widths));
      const section = (key, cls, what) => {
        const rows = t[key] || [];
        return rows.map((row, r) => {
          const rpath = [...path, key, r];
          const tr = el('tr', { class: cls, 'data-path': pathKey(rpath) });
          tr.append(el('th', { scope: 'row' },
            el('button', { type: 'button', class: 'icon remove', 'aria-label': `ลบ${what} ${r + 1}`, title: `ลบ${what}`, text: '✕',
              onclick: () => { rows.splice(r, 1); if (!rows.length && key !== 'rows') delete t[key]; rebuild(); this.onChange(); } })));
          const cellsPath = Array.isArray(row) ? rpath : row.cells ? [...rpath, 'cells'] : null;
          if (!cellsPath) {
            tr.append(el('td', { colspan: ncols }, this.cellInput(rpath.concat('group'), row.group, `${what} ${r + 1} กลุ่ม`)));
            return tr;
          }
          const cells = getAt(this.doc, cellsPath);
          cells.forEach((cell, k) => tr.append(el('td', {}, this.cellInput([...cellsPath, k], cell, `${what} ${r + 1} คอลัมน์ ${k + 1}`))));
          return tr;
        });
      };
      grid.append(el('tbody', {}, ...section('header', 'header-row', 'แถวหัวตาราง'), ...section('rows', 'body-row', 'แถว'),
        ...section('footer', 'footer-row', 'แถวท้ายตาราง')));
      gridWrap.replaceChildren(grid);
    };
    rebuild();
    const addRow = (key) => {
      const t = tbl();
      t[key] = t[key] || [];
      t[key].push(Array.from({ length: (t.columns || []).length }, () => ''));
      rebuild();
      this.onChange();
    };
    const addCol = () => {
      const t = tbl();
      t.columns = t.columns || [];
      t.columns.push(1);
      for (const key of ['header', 'rows', 'footer']) {
        for (const row of t[key] || []) {
          const cells = Array.isArray(row) ? row : row.cells;
          if (cells) cells.push('');
        }
      }
      rebuild();
      this.onChange();
    };
    const removeCol = () => {
      const t = tbl();
      if ((t.columns || []).length <= 1) return;
      t.columns.pop();
      for (const key of ['header', 'rows', 'footer']) {
        for (const row of t[key] || []) {
          const cells = Array.isArray(row) ? row : row.cells;
          if (cells && cells.length > t.columns.length) cells.pop();
        }
      }
      rebuild();
      this.onChange();
    };
    box.append(gridWrap, el('div', { class: 'add-bar' },
      el('button', { type: 'button', class: 'add', onclick: () => addRow('rows'), text: '+ เพิ่มแถว' }),
      el('button', { type: 'button', class: 'add', onclick: () => addRow('header'), text: '+ แถวหัวตาราง' }),
      el('button', { type: 'button', class: 'add', onclick: addCol, text: '+ คอลัมน์' }),
      el('button', { type: 'button', class: 'add', onclick: removeCol, text: '− คอลัมน์สุดท้าย' })),
    el('div', { class: 'hint', text: 'ความกว้าง: 2.5cm (คงที่), 15% (ของความกว้างข้อความ) หรือ 2 (สัดส่วน)' }));
    return box;
  }

  cellInput(path, cell, label) {
    const simple = isScalar(cell) || cell === undefined || (cell && typeof cell === 'object' && !Array.isArray(cell) && !cell.blocks);
    if (!simple) {
      const ta = el('textarea', { class: 'code', rows: 2, 'aria-label': `${label} (YAML)`, 'data-path': pathKey(path) });
      ta.value = yamlStringify(cell, { lineWidth: 0 }).trimEnd();
      ta.addEventListener('input', () => {
        try { setAt(this.doc, path, yamlParse(ta.value)); ta.removeAttribute('aria-invalid'); this.onChange(); } catch { ta.setAttribute('aria-invalid', 'true'); }
      });
      return ta;
    }
    const isObj = cell && typeof cell === 'object';
    const input = el('textarea', { rows: 1, 'aria-label': label, 'data-path': pathKey(isObj ? [...path, 'text'] : path) });
    input.value = scalarText(isObj ? cell.text : cell);
    input.addEventListener('input', () => {
      if (isObj) setAt(this.doc, [...path, 'text'], input.value); else setAt(this.doc, path, input.value);
      this.onChange();
    });
    return input;
  }

  // --- diagnostics at the fields -----------------------------------------------------------

  // Puts each diagnostic at the field of its key path (the deepest field whose path is a prefix
  // of it); returns those that found no field.
  showDiagnostics(container, diagnostics) {
    for (const e of container.querySelectorAll('.field-error')) e.textContent = '';
    for (const e of container.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
    for (const e of container.querySelectorAll('.has-error')) e.classList.remove('has-error');
    const nodes = [...container.querySelectorAll('[data-path]')];
    const byPath = new Map();
    for (const n of nodes) if (!byPath.has(n.dataset.path)) byPath.set(n.dataset.path, n);
    const unplaced = [];
    for (const d of diagnostics) {
      const p = normalizePath(d.path);
      let target = null;
      if (p) {
        const segs = p.split('.');
        for (let k = segs.length; k > 0 && !target; k--) target = byPath.get(segs.slice(0, k).join('.'));
        // The value is written below the path (a paragraph object): take its first field.
        if (byPath.get(p) === undefined) {
          const below = nodes.find((n) => n.dataset.path.startsWith(`${p}.`));
          if (below && (!target || below.dataset.path.length > target.dataset.path.length)) target = below;
        }
      }
      if (!target) { unplaced.push(d); continue; }
      const holder = target.matches('fieldset, .table-editor, .block') ? target : target.closest('.field') || target;
      const slot = holder.matches('fieldset') ? holder.querySelector(':scope > .field-error')
        : holder.querySelector('.field-error') || holder.closest('.block')?.querySelector('.field-error');
      if (!slot) { unplaced.push(d); continue; }
      const msg = el('div', { class: `diag ${d.severity}`, text: `${d.severity === 'warning' ? 'คำเตือน' : 'ผิดพลาด'}: ${thaiMessage(d.message)}` });
      slot.append(msg);
      if (d.severity === 'error') {
        holder.classList.add('has-error');
        if (target.matches('input, textarea, select')) target.setAttribute('aria-invalid', 'true');
      }
      d.element = target;
    }
    return unplaced;
  }
}

function blockType(b) {
  if (isScalar(b)) return 'paragraph';
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    for (const t of Object.keys(BLOCK_TYPES)) if (t in b) return t;
  }
  return 'yaml';
}

function blockText(b) {
  if (isScalar(b)) return b === null ? '' : String(b);
  if (!b || typeof b !== 'object') return null;
  for (const k of ['paragraph', 'heading', 'caption', 'note', 'source']) if (isScalar(b[k]) && b[k] !== null) return String(b[k]);
  return null;
}

function setBlockText(b, text) {
  if (typeof b !== 'object') return;
  for (const k of ['paragraph', 'heading', 'caption', 'note', 'source']) if (k in b) b[k] = text;
  if ('list' in b) b.list = [text];
}

function newBlock(type) {
  switch (type) {
    case 'paragraph': return '';
    case 'heading': return { heading: '' };
    case 'list': return { list: [''] };
    case 'table': return { table: { columns: [1, 1], header: [['', '']], rows: [['', '']] } };
    case 'space': return { space: '12pt' };
    case 'dotted': return { dotted: 2 };
    case 'pagebreak': return { pagebreak: true };
    case 'caption': return { caption: '' };
    case 'note': return { note: '' };
    case 'source': return { source: '' };
    case 'image': return { image: 'images/' };
    case 'section': return { section: { orientation: 'landscape', blocks: [''] } };
    case 'chart': return { chart: 'scores' };
    case 'ita_table': return { ita_table: 'scores' };
    default: return '';
  }
}
