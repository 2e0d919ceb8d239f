// The page: choose a kind (GET /kinds), fill in its form (form.js, generated from GET /schema) or
// edit the YAML, see the PDF re-rendered (POST /render, debounced, stale requests cancelled) with
// pdf.js, errors and warnings at their fields (POST /render's 422, POST /validate), and download
// the PDF. The API is notes/serve-api.md; the server serves this folder at /.

import * as pdfjsLib from './vendor/pdfjs/pdf.min.mjs';
import { parse as yamlParse, stringify as yamlStringify, parseDocument, isMap, isSeq, isScalar as isYamlScalar } from './vendor/yaml/index.js';
import { SchemaSet } from './schema.js';
import { DocumentForm, normalizePath } from './form.js';
import { sampleFor } from './samples.js';
import { thaiMessage } from './labels.js';

pdfjsLib.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;

const DEBOUNCE_MS = 400;
// One pdf.js worker for every preview, started with the page (not one a render).
let pdfWorker = null;
const $ = (sel) => document.querySelector(sel);

const ui = {
  kind: $('#kind'),
  form: $('#form'),
  yaml: $('#yaml'),
  yamlError: $('#yaml-error'),
  preview: $('#preview'),
  pages: $('#pages'),
  status: $('#status'),
  diagnostics: $('#diagnostics'),
  diagList: $('#diagnostics ul'),
  download: $('#download'),
  tabs: [...document.querySelectorAll('[role="tab"]')],
};

const state = {
  kinds: [],
  templates: [],
  docs: {},          // the document of each kind, kept while the user switches kinds
  kind: null,
  yamlText: '',      // what is sent to the server (the YAML tab's text)
  timer: null,
  controller: null,  // the request in flight
  inFlight: null,    // its promise
  seq: 0,
  pdf: null,         // {blob, yaml} of the last successful render
  images: new Map(), // image path -> File chosen in the form
  diagnostics: [],
};

let form;

async function fetchJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function setStatus(text, kind = '') {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

// --- kinds and the form --------------------------------------------------------------------

function docFor(kind) {
  if (!state.docs[kind]) {
    const info = state.kinds.find((k) => k.name === kind);
    state.docs[kind] = sampleFor(kind, todayIso()) ?? form.kindSkeleton(kind, info?.template || kind);
  }
  return state.docs[kind];
}

function chooseKind(kind) {
  state.kind = kind;
  state.pdf = null;
  ui.pages.replaceChildren();
  ui.kind.value = kind;
  if (location.hash !== `#${kind}`) history.replaceState(null, '', `#${kind}`);
  renderForm();
  syncYaml();
  scheduleRender(0);
}

function renderForm() {
  form.render(ui.form, docFor(state.kind), state.templates);
  form.showDiagnostics(ui.form, state.diagnostics);
}

function onFormChange() {
  syncYaml();
  scheduleRender();
}

// form -> YAML
function syncYaml() {
  state.yamlText = yamlStringify(state.docs[state.kind], { lineWidth: 0 });
  ui.yaml.value = state.yamlText;
  ui.yamlError.textContent = '';
}

// YAML -> form
let yamlTimer = null;
function onYamlInput() {
  clearTimeout(yamlTimer);
  ui.preview.dataset.state = 'pending';
  yamlTimer = setTimeout(() => {
    const text = ui.yaml.value;
    let doc;
    try {
      doc = yamlParse(text);
    } catch (e) {
      const pos = e.linePos?.[0];
      ui.yamlError.textContent = `YAML ไม่ถูกต้อง${pos ? ` (บรรทัด ${pos.line}:${pos.col})` : ''}: ${e.message.split('\n')[0]}`;
      return;
    }
    ui.yamlError.textContent = '';
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      ui.yamlError.textContent = 'เอกสารต้องเป็น mapping (kind: ..., memo: ...)';
      return;
    }
    const kind = state.kinds.some((k) => k.name === doc.kind) ? doc.kind : state.kind;
    state.docs[kind] = doc;
    state.kind = kind;
    ui.kind.value = kind;
    state.yamlText = text;
    renderForm();
    scheduleRender(0);
  }, DEBOUNCE_MS);
}

// --- rendering -----------------------------------------------------------------------------

function scheduleRender(delay = DEBOUNCE_MS) {
  clearTimeout(state.timer);
  ui.preview.dataset.state = 'pending';
  state.timer = setTimeout(() => { state.timer = null; renderNow(); }, delay);
}

function renderNow() {
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  const seq = ++state.seq;
  const yaml = state.yamlText;
  ui.preview.dataset.state = 'rendering';
  setStatus('กำลังสร้าง PDF…', 'busy');
  const started = performance.now();
  const p = (async () => {
    let r;
    try {
      r = await fetch('/render', { method: 'POST', signal: controller.signal, ...requestBody(yaml) });
    } catch (e) {
      if (e.name === 'AbortError') return;
      setStatus(`ติดต่อเซิร์ฟเวอร์ไม่ได้: ${e.message}`, 'error');
      ui.preview.dataset.state = 'error';
      return;
    }
    if (seq !== state.seq) return;
    if (r.ok) {
      const blob = await r.blob();
      if (seq !== state.seq) return;
      state.pdf = { blob, yaml };
      const warnings = Number(r.headers.get('X-Thaidoc-Warnings') || 0);
      let diags = [];
      if (warnings > 0) diags = await validate(yaml, controller.signal);
      if (seq !== state.seq) return;
      showDiagnostics(diags, yaml);
      await showPdf(blob, seq);
      if (seq !== state.seq) return;
      const ms = Math.round(performance.now() - started);
      setStatus(warnings ? `อัปเดตแล้ว (${ms} มิลลิวินาที) มีคำเตือน ${warnings} รายการ` : `อัปเดตแล้ว (${ms} มิลลิวินาที)`,
        warnings ? 'warning' : 'ok');
      ui.preview.dataset.state = 'ready';
    } else if (r.status === 422) {
      const body = await r.json().catch(() => ({ diagnostics: [] }));
      if (seq !== state.seq) return;
      showDiagnostics(body.diagnostics || [], yaml);
      const n = (body.diagnostics || []).filter((d) => d.severity === 'error').length;
      const old = state.pdf ? ' (ตัวอย่างเป็นฉบับก่อนหน้า)' : '';
      setStatus(`ยังสร้าง PDF ไม่ได้: มีข้อผิดพลาด ${n} รายการ${old}`, 'error');
      ui.preview.dataset.state = 'invalid';
      if (!state.pdf) ui.pages.replaceChildren(emptyNote('ยังไม่มีตัวอย่าง: กรอกช่องที่มีเครื่องหมาย * และแก้ไขรายการที่แสดงไว้'));
    } else {
      const body = await r.json().catch(() => ({}));
      setStatus(`เซิร์ฟเวอร์ตอบ ${r.status}: ${thaiMessage(body.error || r.statusText)}`, 'error');
      ui.preview.dataset.state = 'error';
    }
  })().catch((e) => {
    if (e.name !== 'AbortError') {
      setStatus(`ผิดพลาด: ${e.message}`, 'error');
      ui.preview.dataset.state = 'error';
    }
  });
  state.inFlight = p;
  return p;
}

// The document alone (application/yaml), or multipart with the images chosen in the form that
// it names (each part named by its path in the document).
function requestBody(yaml) {
  const images = [...state.images].filter(([name]) => yaml.includes(name));
  if (!images.length) return { headers: { 'Content-Type': 'application/yaml' }, body: yaml };
  const fd = new FormData();
  fd.append('document', new Blob([yaml], { type: 'application/yaml' }), 'document.yaml');
  for (const [name, file] of images) fd.append(name, file, name);
  return { body: fd };
}

function emptyNote(text) {
  const p = document.createElement('p');
  p.className = 'empty-note';
  p.textContent = text;
  return p;
}

async function validate(yaml, signal) {
  try {
    const r = await fetch('/validate', { method: 'POST', signal, ...requestBody(yaml) });
    if (!r.ok) return [];
    return (await r.json()).diagnostics || [];
  } catch {
    return [];
  }
}

async function showPdf(blob, seq) {
  const data = new Uint8Array(await blob.arrayBuffer());
  pdfWorker = pdfWorker || new pdfjsLib.PDFWorker();
  const pdf = await pdfjsLib.getDocument({ data, isEvalSupported: false, worker: pdfWorker }).promise;
  const width = Math.max(200, ui.pages.clientWidth - 16);
  const ratio = window.devicePixelRatio || 1;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    if (seq !== state.seq) { pdf.destroy(); return; }
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    await page.render({
      canvasContext: canvas.getContext('2d'), viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    }).promise;
    const text = document.createElement('div');
    text.className = 'textLayer';
    const pageDiv = document.createElement('div');
    pageDiv.className = 'page';
    pageDiv.setAttribute('role', 'img');
    pageDiv.setAttribute('aria-label', `หน้า ${n} จาก ${pdf.numPages}`);
    pageDiv.style.setProperty('--scale-factor', viewport.scale);
    pageDiv.style.width = canvas.style.width;
    pageDiv.style.height = canvas.style.height;
    pageDiv.append(canvas, text);
    await new pdfjsLib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    pages.push(pageDiv);
  }
  if (seq !== state.seq) { pdf.destroy(); return; }
  ui.pages.replaceChildren(...pages);
  ui.preview.dataset.pages = String(pdf.numPages);
  pdf.destroy();
}

// --- diagnostics ---------------------------------------------------------------------------

// The key path of the value at line:col (1-based) of the YAML text: for diagnostics that come
// with a place but no path (layout warnings: "line stretched ..."), so they land at their field.
function pathAt(text, line, column) {
  const lines = text.split('\n');
  if (!line || line > lines.length) return '';
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
  let doc;
  try { doc = parseDocument(text); } catch { return ''; }
  const path = [];
  const within = (node) => node && node.range && node.range[0] <= offset && offset <= node.range[2];
  let node = doc.contents;
  for (let guard = 0; guard < 64 && node && !isYamlScalar(node); guard++) {
    let next = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (within(pair.value) || (pair.key && within(pair.key))) { path.push(String(pair.key?.value)); next = pair.value; break; }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => { if (!next && within(item)) { path.push(String(i)); next = item; } });
    }
    if (!next) break;
    node = next;
  }
  return path.join('.');
}

function showDiagnostics(diagnostics, yaml = state.yamlText) {
  for (const d of diagnostics) if (!d.path && d.line) d.path = pathAt(yaml, d.line, d.column);
  state.diagnostics = diagnostics;
  form.showDiagnostics(ui.form, diagnostics);
  ui.diagList.replaceChildren(...diagnostics.map((d) => {
    const where = d.line ? `บรรทัด ${d.line}:${d.column}` : '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `diag ${d.severity}`;
    button.textContent = `${d.severity === 'warning' ? 'คำเตือน' : 'ผิดพลาด'} ${where}${d.path ? ` ${normalizePath(d.path)}` : ''}: ${thaiMessage(d.message)}`;
    button.addEventListener('click', () => goTo(d));
    const li = document.createElement('li');
    li.append(button);
    return li;
  }));
  ui.diagnostics.hidden = diagnostics.length === 0;
}

function goTo(d) {
  if (d.element && document.body.contains(d.element)) {
    selectTab('form');
    d.element.scrollIntoView({ block: 'center' });
    d.element.focus?.();
    return;
  }
  selectTab('yaml');
  if (d.line) {
    const lines = ui.yaml.value.split('\n');
    const start = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0);
    ui.yaml.focus();
    ui.yaml.setSelectionRange(start, start + (lines[d.line - 1] || '').length);
  }
}

// --- tabs and download ---------------------------------------------------------------------

function selectTab(name) {
  for (const t of ui.tabs) {
    const on = t.dataset.tab === name;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
}

function fileName() {
  const doc = state.docs[state.kind] || {};
  const content = doc[state.kind] || {};
  const base = String(content.subject || content.title || doc.title || state.kind || 'document')
    .replace(/[\\/:*?"<>|\n\r]+/g, ' ').trim().slice(0, 80);
  return `${base || 'document'}.pdf`;
}

async function download() {
  if (state.timer) { clearTimeout(state.timer); state.timer = null; renderNow(); }
  if (state.inFlight) await state.inFlight;
  if (!state.pdf || state.pdf.yaml !== state.yamlText) {
    setStatus('ดาวน์โหลดไม่ได้: แก้ไขข้อผิดพลาดที่แสดงไว้ก่อน', 'error');
    ui.diagnostics.querySelector('button')?.focus();
    return;
  }
  const url = URL.createObjectURL(state.pdf.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName();
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// --- start ---------------------------------------------------------------------------------

async function start() {
  setStatus('กำลังโหลด…', 'busy');
  pdfWorker = new pdfjsLib.PDFWorker();
  const [kinds, templates, schemas] = await Promise.all([
    fetchJson('/kinds'), fetchJson('/templates'), new SchemaSet(fetchJson).load(),
  ]);
  state.kinds = kinds;
  state.templates = templates;
  form = new DocumentForm(schemas, { onChange: onFormChange, images: state.images });
  ui.kind.replaceChildren(...kinds.map((k) => {
    const o = document.createElement('option');
    o.value = k.name;
    o.textContent = k.title ? `${k.title} (${k.name})` : k.name;
    return o;
  }));
  ui.kind.addEventListener('change', () => chooseKind(ui.kind.value));
  ui.yaml.addEventListener('input', onYamlInput);
  ui.download.addEventListener('click', download);
  for (const t of ui.tabs) {
    t.addEventListener('click', () => selectTab(t.dataset.tab));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const other = ui.tabs.find((x) => x !== t);
        selectTab(other.dataset.tab);
        other.focus();
      }
    });
  }
  const wanted = location.hash.slice(1);
  chooseKind(kinds.some((k) => k.name === wanted) ? wanted : (kinds.some((k) => k.name === 'memo') ? 'memo' : kinds[0].name));
}

start().catch((e) => setStatus(`เปิดหน้าไม่ได้: ${e.message}`, 'error'));
