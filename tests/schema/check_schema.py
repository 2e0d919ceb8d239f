#!/usr/bin/env python3
"""Checks templates/schema/ (JSON Schema 2020-12) against the examples and the reader.

1. Every YAML file in data/ and templates/ names its schema in a yaml-language-server
   modeline and is valid against it; so are the complete examples of templates/README.md.
2. Each case of tests/bad_input/ is classified (CASES below): `schema` cases must fail the
   document schema, `parse` cases must be refused by a YAML 1.2 loader already, `semantic`
   cases must pass it (errors the schema cannot express: file contents, paths, limits).
   A new case that is not classified fails the test.
3. Drift: every key list the reader checks (check_keys({...}), apply_fields fields, the
   block and template key lists) has an object in the schema with exactly those keys, every
   enum the reader reads (as_enum) is an enum of the schema, and every key the schema names
   appears in the reader.

Usage: check_schema.py SOURCE_DIR   (Debian: python3-jsonschema, python3-yaml)
"""
import csv
import functools
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..'))
SCHEMA_DIR = os.path.join(ROOT, 'templates', 'schema')
# The reader: src/input/ and the kinds (src/layout/kinds/*.cpp, src/layout/components/*.cpp),
# whose content and template sections each kind reads itself.
READER_SOURCES = (['src/input/' + n for n in ('document_reader.cpp', 'content_reader.cpp', 'parts_reader.cpp',
                                              'template_reader.cpp', 'ita_reader.cpp', 'ita_blocks.cpp',
                                              'table_reader.cpp', 'batch_data.cpp', 'fields.cpp')] +
                  sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, 'src', 'layout', 'kinds', '*.cpp'))) +
                  sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, 'src', 'layout', 'components', '*.cpp'))))

# tests/bad_input cases: what the schema can see. `semantic` ones name why it cannot.
CASES = {
    'bad-date': 'schema',             # 2025-02-30: the date pattern knows month lengths
    'escape-sequence': 'schema',      # digits: not thai, arabic or keep
    'missing-field': 'schema',        # memo.subject missing
    'unknown-key': 'schema',          # memo.too (additionalProperties: false)
    'wrong-type': 'schema',           # a list where a string is expected
    'deep-nesting': 'schema',         # 70 nested lists are no blocks (the 64-level limit itself is the reader's)
    'deep-nesting-flow': 'parse',     # the same in flow style: too deep for the YAML loader already
    'empty': 'schema',                # an empty file is no mapping
    'binary-garbage': 'parse',        # not YAML text at all
    'invalid-utf8': 'parse',          # not UTF-8
    'yaml-syntax': 'parse',           # ': ' in a plain scalar
    'two-documents': 'parse',         # a second '---' document
    'yaml-comma-alone': 'parse',      # ',' outside [ ] and { } (yaml-cpp 0.7 looped on these three and the next)
    'yaml-comma-after-flow-mapping': 'parse',
    'yaml-comma-after-anchor': 'parse',
    'yaml-question-after-top-level-value': 'parse',
    'yaml-text-after-top-level-value': 'parse',  # more text after a top-level quoted scalar
    'billion-laughs': 'parse',        # over 1,000,000 values with aliases expanded: the loader's limit, as the reader's
    'deep-nesting-aliases': 'schema',  # nested lists where a block or text belongs (the 64-level limit is the reader's)
    'damaged-png': 'semantic',        # image contents
    'huge-image': 'semantic',         # image contents (pixel limits)
    'huge-jpeg': 'semantic',          # image contents
    'truncated-png': 'semantic',      # image contents
    'missing-image': 'semantic',      # the file does not exist
    'image-absolute': 'semantic',     # where the file is (outside the document's folder)
    'image-outside': 'semantic',      # where the file is
    'template-outside': 'semantic',   # where the template is
    'font-outside': 'semantic',       # where the font is
    'font-name-too-long': 'semantic',  # the font file does not exist (its name is over 255 bytes)
    'garbage-font': 'semantic',       # font contents
    'truncated-font': 'semantic',     # font contents
    'announcement-number': 'schema',  # number: only an order has one (announcement: additionalProperties false)
    'certificate-photo-without-holder': 'schema',  # photo requires holder (if/then)
    'kind-content-of-another': 'schema',  # memo: with kind: order (each kind's if/then/else)
    'letter-bad-speed': 'schema',     # speed: ด่วนที่สุด, ด่วนมาก or ด่วน
    'letter-missing-office': 'schema',  # letter.office required
    'memo-bad-secrecy': 'schema',     # secrecy: ลับที่สุด, ลับมาก or ลับ
    'order-no-body': 'schema',        # anyOf: required body, required clauses
    'stamped-bad-date': 'schema',     # 2568-06-02 without BE: the date pattern takes ISO years below 2400 only
    'good-images': 'valid',           # controls: must render, so must validate
    'page-size-trailing-space': 'valid',
}


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server reads files: true/false only, no
    timestamps (2025-04-24 stays a string); keys are strings; duplicate keys are errors."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
        ('tag:yaml.org,2002:bool', r'^(?:true|True|TRUE|false|False|FALSE)$', 'tTfF'),
        ('tag:yaml.org,2002:int', r'^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$', '-+0123456789'),
        ('tag:yaml.org,2002:float',
         r'^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$',
         '-+0123456789.'),
        ('tag:yaml.org,2002:null', r'^(?:~|null|Null|NULL|)$', ['~', 'n', 'N', ''])]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(regexp), list(first))


def construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    out = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = 'null' if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, 'duplicate key %r' % key, key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


Yaml12Loader.add_constructor('tag:yaml.org,2002:map', construct_mapping)


MAX_VALUES = 1000000  # the reader's limit (yaml_limits::kMaxValues), every alias use counted


def expanded_size(value, memo):
    """Values in `value` with every alias (a shared object) counted at each use; linear time."""
    key = id(value)
    if key in memo:
        return memo[key]
    memo[key] = 1
    n = 1
    if isinstance(value, dict):
        n += sum(expanded_size(v, memo) for v in value.values())
    elif isinstance(value, list):
        n += sum(expanded_size(v, memo) for v in value)
    memo[key] = n
    return n


def load_yaml(path):
    with open(path, 'rb') as f:
        data = f.read()
    text = data.decode('utf-8')  # UnicodeDecodeError: not UTF-8
    value = yaml.load(text, Loader=Yaml12Loader)
    # A "billion laughs" document expands to more than any validator can walk: refused here
    # as the reader refuses it (before any schema).
    if expanded_size(value, {}) > MAX_VALUES:
        raise yaml.YAMLError('more than %d values with every alias expanded' % MAX_VALUES)
    return value


def load_schemas():
    store = {}
    for path in glob.glob(os.path.join(SCHEMA_DIR, '*.schema.json')):
        with open(path, encoding='utf-8') as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        store['file://' + path] = schema
    return store


STORE = load_schemas()
failures = []
print = functools.partial(print, flush=True)


def fail(message):
    failures.append(message)
    print('FAIL ' + message)


def validator(name, cls=jsonschema.Draft202012Validator):
    uri = 'file://' + os.path.join(SCHEMA_DIR, name)
    schema = STORE[uri]
    resolver = jsonschema.RefResolver(base_uri=uri, referrer=schema, store=STORE)
    return cls(schema, resolver=resolver)


def errors_of(name, instance):
    """The errors under draft 2020-12. The schema uses only what draft-07 has too (what
    yaml-language-server implements), so draft-07 must give the same verdict."""
    errs = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    as_draft7 = validator(name, jsonschema.Draft7Validator).is_valid(instance)
    if as_draft7 != (not errs):
        fail('%s: draft-07 says %s, draft 2020-12 says %s for %s' % (
            name, 'valid' if as_draft7 else 'invalid', 'invalid' if errs else 'valid', str(instance)[:200]))
    return errs


def describe(e):
    where = '.'.join(str(p) for p in e.absolute_path) or '(top)'
    return '%s: %s' % (where, e.message[:300])


def reader_path(e):
    """The error's place as the reader names it: memo.body[2].image (lists from 1)."""
    out = ''
    for p in e.absolute_path:
        out += '[%d]' % (p + 1) if isinstance(p, int) else ('.' if out else '') + p
    return out


def all_errors(errs):
    for e in errs:
        yield e
        yield from all_errors(e.context or [])


MODELINE = re.compile(r'^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$', re.M)



# 1. The examples and templates.
files = sorted(glob.glob(os.path.join(ROOT, 'data', '**', '*.yaml'), recursive=True) +
               glob.glob(os.path.join(ROOT, 'data', '**', '*.yml'), recursive=True) +
               glob.glob(os.path.join(ROOT, 'templates', '**', '*.yaml'), recursive=True))
checked = 0
for path in files:
    rel = os.path.relpath(path, ROOT)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = MODELINE.search(text)
    if not m:
        fail('%s: no "# yaml-language-server: $schema=..." modeline' % rel)
        continue
    target = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1)))
    if os.path.dirname(target) != SCHEMA_DIR or not os.path.exists(target):
        fail('%s: the modeline names %s, not a file of templates/schema/' % (rel, m.group(1)))
        continue
    errs = errors_of(os.path.basename(target), load_yaml(path))
    for e in errs[:5]:
        fail('%s: %s' % (rel, describe(e)))
    checked += 1
print('examples: %d files valid against their schema' % (checked - len({f.split(':')[0] for f in failures})))

# The complete documents of templates/README.md (the blocks after `<!-- example: ... -->`).
with open(os.path.join(ROOT, 'templates', 'README.md'), encoding='utf-8') as f:
    readme = f.read()
examples = re.findall(r'<!-- example: (\w+)[^>]*-->\s*```yaml\n(.*?)```', readme, re.S)
if len(examples) < 3:
    fail('templates/README.md: expected its 3 marked examples, found %d' % len(examples))
for name, text in examples:
    for e in errors_of('document.schema.json', yaml.load(text, Loader=Yaml12Loader))[:5]:
        fail('templates/README.md example %s: %s' % (name, describe(e)))

# Batch data: the YAML form of the example records (data/batch/orgs.csv), and a nested record.
with open(os.path.join(ROOT, 'data', 'batch', 'orgs.csv'), encoding='utf-8') as f:
    records = list(csv.DictReader(f))[:20]
for e in errors_of('batch-data.schema.json', records):
    fail('orgs.csv as YAML records: ' + describe(e))
for bad in ({'org': 'x'}, [['not a mapping']]):
    if not errors_of('batch-data.schema.json', bad):
        fail('batch-data.schema.json accepts %r' % (bad,))

# Shapes only the schema's combinators catch (each must fail where the reader fails).
MEMO = {'agency': 'ก', 'reference': 'ที่ ๑', 'date': '2025-04-24', 'subject': 'ข', 'to': 'ค', 'body': ['ง'], 'signer': {'name': 'จ'}}
MUST_FAIL = [
    ('document.schema.json', {'kind': 'memo', 'memo': MEMO, 'blocks': ['x']}, 'blocks in a memo'),
    ('document.schema.json', {'kind': 'memo'}, 'a memo without memo:'),
    ('document.schema.json', {'kind': 'document', 'blocks': ['x'], 'report': {'body': ['x']}}, 'report: in a document'),
    ('document.schema.json', {'kind': 'letters', 'blocks': ['x']}, 'an unknown kind'),
    ('document.schema.json', {'kind': 'letter', 'blocks': ['x']}, 'blocks in a letter'),
    ('document.schema.json', {'kind': 'parts', 'blocks': ['x']}, 'kind: parts without parts:'),
    ('document.schema.json', {'parts': [{'file': 'a.yaml'}], 'template': 'memo'}, 'a template for the whole of a multi-part document'),
    ('document.schema.json', {'kind': 'memo', 'parts': [{'file': 'a.yaml'}]}, 'a kind other than parts with parts:'),
    ('document.schema.json', {'parts': []}, 'no parts'),
    ('document.schema.json', {'parts': [{'file': 'a.yaml', 'kind': 'memo'}]}, 'a file part with a kind'),
    ('document.schema.json', {'parts': [{'kind': 'document', 'blocks': ['x'], 'parts': []}]}, 'nested parts'),
    ('document.schema.json', {'parts': [{'file': 'a.yaml', 'page_numbers': 'again'}]}, 'an unknown page numbering'),
    ('document.schema.json', {'kind': 'document', 'blocks': ['x'], 'page_numbers': 'continue'}, 'page_numbers outside parts'),
    ('document.schema.json', {'kind': 'order', 'order': {'issuer': 'ก', 'number': '๑', 'subject': 'ข', 'date': '2025-06-16', 'signer': {'name': 'ค'}}}, 'an order without body or clauses'),
    ('document.schema.json', {'kind': 'letter', 'letter': {'reference': 'ก', 'office': 'ข', 'date': '2025-06-09', 'subject': 'ค', 'to': 'ง', 'body': 'จ', 'signer': {'name': 'ฉ'}, 'speed': 'ด่วนพิเศษ'}}, 'an unknown speed'),
    ('document.schema.json', {'kind': 'minutes', 'minutes': {'title': 'ก', 'date': '2025-06-09', 'place': 'ข', 'present': ['ค'], 'opened': '9 โมง', 'agenda': [{'title': 'ง'}], 'closed': '12.00', 'recorder': {'name': 'จ'}}}, 'a time that is no HH.MM'),
    ('document.schema.json', {'kind': 'document', 'blocks': ['x'], 'titel': 'x'}, 'a misspelt top-level key'),
    ('document.schema.json', {'kind': 'document', 'blocks': [{'heading': 'x', 'paragraph': 'y'}]}, 'a block with two types'),
    ('document.schema.json', {'kind': 'document', 'blocks': [{'table': {'columns': [1], 'rows': [[{'text': 'a', 'blocks': ['b']}]]}}]}, 'a cell with text and blocks'),
    ('document.schema.json', {'kind': 'document', 'blocks': [{'space': None}]}, 'an empty space:'),
    ('document.schema.json', {'kind': 'document', 'style': {'extends': 'memo'}, 'blocks': ['x']}, 'extends in style:'),
    ('document.schema.json', {'kind': 'document', 'style': {'body': {'size': '12 px'}}, 'blocks': ['x']}, 'a length in px'),
    ('document.schema.json', dict(kind='memo', memo=dict(MEMO, date='2025-04-31')), '31 April'),
    ('document.schema.json', {'kind': 'report', 'report': {'body': [{'ita_table': 'levels', 'columns': ['score']}]}}, 'a column levels has not'),
    ('document.schema.json', {'kind': 'report', 'report': {'body': [{'ita_table': 'weighted', 'columns': [{'key': 'rank'}]}]}}, 'a column weighted has not'),
    ('template.schema.json', {'pages': {}}, 'a misspelt template key'),
    ('ita.schema.json', {'ita': {'organisation': {'name': 'x'}, 'year': 2565, 'scores': {'one': 1}}}, 'a score not keyed by number'),
]
MUST_PASS = [
    ('document.schema.json', {'kind': 'memo', 'memo': MEMO}, 'a minimal memo'),
    ('document.schema.json', dict(kind='memo', memo=dict(MEMO, date='2568-04-24 BE')), 'a Buddhist-era date'),
    ('document.schema.json', dict(kind='memo', memo=dict(MEMO, date='๒๔ เมษายน ๒๕๖๘')), 'a Thai date'),
    ('document.schema.json', {'kind': 'document', 'blocks': 'one paragraph', 'style': {'fonts': {'family': 'TH Sarabun New'}}}, 'a font family'),
    ('template.schema.json', None, 'an empty template'),
    ('document.schema.json', {'parts': [{'file': 'a.yaml', 'page_numbers': 'continue'}, {'kind': 'document', 'blocks': ['x'], 'page_numbers': 'restart'}]}, 'a file part and an inline part'),
    ('document.schema.json', {'kind': 'parts', 'title': 'ก', 'parts': [{'file': 'a.yaml'}]}, 'kind: parts'),
    ('document.schema.json', {'kind': 'order', 'order': {'issuer': 'ก', 'number': '๑', 'subject': 'ข', 'clauses': ['ค'], 'date': '2025-06-16', 'signer': {'name': 'ค'}}}, 'an order of clauses'),
    ('document.schema.json', {'kind': 'report', 'report': {'body': [{'ita_table': 'ranking', 'columns': ['rank', {'key': 'name', 'name': '{name}'}]}]}}, 'ranking columns'),
]
for schema, instance, what in MUST_FAIL:
    if not errors_of(schema, instance):
        fail('%s accepts %s' % (schema, what))
for schema, instance, what in MUST_PASS:
    for e in errors_of(schema, instance)[:3]:
        fail('%s refuses %s: %s' % (schema, what, describe(e)))

# 2. tests/bad_input.
bad_dir = os.path.join(ROOT, 'tests', 'bad_input')
names = sorted(os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(bad_dir, '*.yaml')))
for name in names:
    if name not in CASES:
        fail('tests/bad_input/%s.yaml: not classified in CASES (schema, parse, semantic or valid)' % name)
        continue
    try:
        doc = load_yaml(os.path.join(bad_dir, name + '.yaml'))
        errs = errors_of('document.schema.json', doc)
        outcome = 'schema' if errs else 'valid'
        if errs and CASES.get(name) == 'schema':
            # The schema must object where the reader does: at the key path of the case's
            # expected error (memo.date), or at its mapping for an unknown key (memo.too).
            with open(os.path.join(bad_dir, name + '.yaml'), encoding='utf-8', errors='replace') as f:
                m = re.search(r'# expect: .*?error="[^"]*?:\d+:\d+: (?:error: )?([\w.\[\]]+): ', f.read())
            if m:
                want_path = m.group(1)
                paths = {reader_path(e) for e in all_errors(errs)}
                hit = [p for p in paths if p and (want_path == p or want_path.startswith(p + '.'))]
                if not hit:
                    fail('tests/bad_input/%s.yaml: the schema finds no error at %s (only at %s)' % (name, want_path, sorted(paths)))
                elif os.environ.get('VERBOSE'):
                    print('  %s: an error at %s' % (name, max(hit, key=len)))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        outcome = 'parse'
    expected = CASES[name]
    want = 'valid' if expected == 'semantic' else expected
    if outcome != want:
        fail('tests/bad_input/%s.yaml: expected %s (%s), got %s' % (name, expected, want, outcome))
for name in CASES:
    if name not in names:
        fail('CASES names %s, which tests/bad_input/ no longer has' % name)
print('bad input: %d cases, %d schema errors, %d YAML errors, %d semantic only (listed in CASES)' % (
    len(names), sum(v == 'schema' for v in CASES.values()), sum(v == 'parse' for v in CASES.values()),
    sum(v == 'semantic' for v in CASES.values())))

# 3. Drift between the reader and the schema.
def strings(text):
    return re.findall(r'"((?:[^"\\]|\\.)*)"', text)


def balanced(text, start):
    """The text from text[start] (an opening bracket) to its matching close."""
    pairs = {'(': ')', '{': '}'}
    stack = []
    i = start
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
        elif c in pairs:
            stack.append(pairs[c])
        elif stack and c == stack[-1]:
            stack.pop()
            if not stack:
                return text[start:i + 1]
        i += 1
    raise ValueError('unbalanced bracket at offset %d: %r' % (start, text[start:start + 80]))


def top_level_entries(braced):
    """The first string of each {...} entry directly inside an initializer list {{"a", ...}, {"b", ...}}."""
    out, depth, i = [], 0, 0
    while i < len(braced):
        c = braced[i]
        if c == '"':
            j = i + 1
            while j < len(braced) and braced[j] != '"':
                j += 2 if braced[j] == '\\' else 1
            i = j
        elif c == '{':
            depth += 1
            if depth == 2:
                m = re.match(r'\{\s*"((?:[^"\\]|\\.)*)"', braced[i:])
                if m:
                    out.append(m.group(1))
        elif c == '}':
            depth -= 1
        i += 1
    return out


reader_key_sets = []   # (where, set)
refused_key_sets = []  # (where, set): keys a multi-part document refuses (each part has its own)


def read_registry():
    """The kinds of src/layout/kinds/registry.cpp: their names, content keys and which have a
    template section (a read_style), from each kind's `const Kind kXKind{...}`."""
    with open(os.path.join(ROOT, 'src', 'layout', 'kinds', 'registry.cpp'), encoding='utf-8') as f:
        listed = re.findall(r'X\((k\w+Kind)\)', f.read())
    defs = {}
    for path in glob.glob(os.path.join(ROOT, 'src', 'layout', 'kinds', '*.cpp')):
        with open(path, encoding='utf-8') as f:
            source = re.sub(r'//[^\n]*', '', f.read())
            for m in re.finditer(r'const Kind (k\w+Kind)\s*(\{)', source):
                body = balanced(m.string, m.start(2))
                args = [a.strip() for a in re.sub(r'"(?:[^"\\]|\\.)*"', lambda q: q.group(0).replace(',', ' '), body[1:-1]).split(',')]
                strs = strings(body)
                defs[m.group(1)] = (strs[0], strs[2], args[5] != 'nullptr')
    if not listed or any(k not in defs for k in listed):
        fail('src/layout/kinds/registry.cpp: kinds %s not found in src/layout/kinds/' % [k for k in listed if k not in defs])
    kinds = [defs[k] for k in listed if k in defs]
    return {'names': [k[0] for k in kinds], 'content_keys': [k[1] for k in kinds], 'styled': [k[0] for k in kinds if k[2]]}


REGISTRY = read_registry()
reader_enums = []      # (where, set)
reader_text = ''
for name in READER_SOURCES:
    path = os.path.join(ROOT, name)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    # Character literals ('"', '{') and comments would confuse the bracket matching; blank
    # them out keeping the offsets (for line numbers).
    text = re.sub(r"'(?:\\.|[^'\\])'", lambda m: ' ' * len(m.group(0)), text)
    text = re.sub(r'//[^\n]*', lambda m: ' ' * len(m.group(0)), text)
    reader_text += text
    line_of = lambda pos: '%s:%d' % (name, text.count('\n', 0, pos) + 1)
    for m in re.finditer(r'check_keys\(\s*\{', text):
        body = balanced(text, m.end() - 1)
        if re.fullmatch(r'\{\s*("[^"]*"\s*,\s*)*"[^"]*"\s*\}', body):
            reader_key_sets.append((line_of(m.start()), set(strings(body))))
    for m in re.finditer(r'apply_fields\(', text):
        call = balanced(text, m.end() - 1)
        if call.startswith('(const YamlNode'):
            continue  # the definition
        brace = call.find('{')
        keys = top_level_entries(balanced(call, brace))
        if keys:
            reader_key_sets.append((line_of(m.start()), set(keys)))
    # Key lists kept as data: return {...} of block_keys_of, static key vectors, and vectors
    # built up before they are returned (`keys = {...}` then emplace_back, the registry's
    # content keys or kinds with a template section, a conditional part: both variants).
    for m in re.finditer(r'(?:return|\b(keys|k) =)\s*\{\s*"', text):
        body = balanced(text, text.index('{', m.start()))
        if not re.fullmatch(r'\{\s*("[^"]*"\s*,\s*)*"[^"]*"\s*\}', body):
            continue
        keys = set(strings(body))
        variants = [keys]
        var = m.group(1)
        if var:
            end = text.index('{', m.start()) + len(body)
            ret = re.compile(r'return\s+%s\s*;' % var).search(text, end)
            rest = text[end:ret.start()] if ret else ''
            added, conditional = set(), set()
            for a in re.finditer(r'\b%s\.(?:emplace_back|push_back)\(\s*"([^"]*)"\s*\)' % var, rest):
                added.add(a.group(1))
            for a in re.finditer(r'for \(const char\* \w+ : (\{[^}]*\})\)\s*%s\.(?:emplace_back|push_back)' % var, rest):
                added |= set(strings(a.group(1)))
            if 'document_kinds()' in rest and 'content_key' in rest:
                added |= set(REGISTRY['content_keys'])
            if 'document_kinds()' in rest and 'read_style' in rest:
                added |= set(REGISTRY['styled'])
            for c in re.finditer(r'\bif \(\w+\) \{', rest):
                block = balanced(rest, c.end() - 1)
                conditional |= set(re.findall(r'\b%s\.(?:emplace_back|push_back)\(\s*"([^"]*)"\s*\)' % var, block))
            variants = [keys | added] + ([keys | (added - conditional)] if conditional else [])
        where = line_of(m.start())
        if re.search(r'per_part_keys\(\)\s*\{[^{}]*$', text[max(0, m.start() - 200):m.start()]):
            refused_key_sets.append((where, variants[0]))  # keys a multi-part document refuses
            continue
        for v in variants:
            reader_key_sets.append((where, v))
    for m in re.finditer(r'as_enum<[^>]*>\(\s*\{', text):
        body = balanced(text, m.end() - 1)
        reader_enums.append((line_of(m.start()), set(top_level_entries(body))))
    # Values checked by a one_of(node, {...}) helper (the speed and secrecy stamps).
    for m in re.finditer(r'\bone_of\(\s*\*?\w+\s*,\s*\{\s*"', text):
        reader_enums.append((line_of(m.start()), set(strings(balanced(text, text.index('{', m.start()))))))
    # ita_table_kinds(), and ita_column_keys(kind): the columns of each kind of ita_table.
    for m in re.finditer(r'(?:kinds|indicators|weighted|levels|history|recommendations|oit) = \{\s*"', text):
        reader_enums.append((line_of(m.start()), set(strings(balanced(text, text.index('{', m.start()))))))


def walk(node, out_objects, out_enums):
    if isinstance(node, dict):
        if isinstance(node.get('properties'), dict):
            out_objects.append(set(node['properties']))
        if isinstance(node.get('enum'), list):
            out_enums.append(set(node['enum']))
        for v in node.values():
            walk(v, out_objects, out_enums)
    elif isinstance(node, list):
        for v in node:
            walk(v, out_objects, out_enums)


schema_objects, schema_enums = [], []
for s in STORE.values():
    walk(s, schema_objects, schema_enums)
doc = STORE['file://' + os.path.join(SCHEMA_DIR, 'document.schema.json')]
kinds_of_document = set(doc['$defs']['document']['properties']['kind']['anyOf'][0]['enum'])
ita_column_enum = next(e for e in schema_enums if 'components' in e and 'rank' in e)

KEEP = {'keep', 'keep_with_next'}
for where, keys in reader_key_sets:
    if any(obj == keys or obj == keys | KEEP for obj in schema_objects):
        continue
    close = min(schema_objects, key=lambda o: len(o ^ keys))
    fail('%s: the reader takes the keys %s; no object of the schema has exactly these (closest: %s more, %s fewer)' % (
        where, sorted(keys), sorted(close - keys - KEEP), sorted(keys - close)))
for where, values in reader_enums:
    if not any(values == e for e in schema_enums):
        fail('%s: the reader takes the values %s; the schema has no such enum' % (where, sorted(values)))
for where, values in reader_enums:
    if 'no' in values or 'code' in values or 'range' in values or 'year' in values:  # column keys
        if not values <= ita_column_enum:
            fail('%s: ita_table column keys %s missing from the schema' % (where, sorted(values - ita_column_enum)))
quoted = set(strings(reader_text))
for obj in schema_objects:
    for key in obj:
        if key not in quoted:
            fail('the schema names the key %r, which the reader never mentions' % key)
if kinds_of_document != set(REGISTRY['names']) | {'parts'}:
    fail('document kinds: the schema has %s, the registry (src/layout/kinds/registry.cpp) %s' % (
        sorted(kinds_of_document), sorted(REGISTRY['names'])))
parts_doc = set(doc['$defs']['parts_document']['properties'])
if set(doc['$defs']['inline_part']['properties']) != set(doc['$defs']['document']['properties']) | {'page_numbers'}:
    fail('document.schema.json: $defs/inline_part must have the properties of $defs/document and page_numbers')
for where, keys in refused_key_sets:
    for key in sorted(keys):
        if key not in doc['$defs']['document']['properties'] or key in parts_doc:
            fail('%s: a multi-part document refuses %r; the schema must have it in a single document only' % (where, key))
if not refused_key_sets:
    fail('src/input/parts_reader.cpp: per_part_keys() not found (the keys a multi-part document refuses)')
tmpl = STORE['file://' + os.path.join(SCHEMA_DIR, 'template.schema.json')]
for kind in REGISTRY['styled']:
    if kind not in tmpl['properties'] or kind not in tmpl['$defs']['settings']['properties']:
        fail('template.schema.json: the kind %s has a template section, the schema none (top level and settings)' % kind)
if not kinds_of_document <= quoted:
    fail('document kinds %s unknown to the reader' % sorted(kinds_of_document - quoted))
print('drift: %d key lists and %d enums of the reader matched against the schema' % (len(reader_key_sets), len(reader_enums)))

if failures:
    print('%d failure(s)' % len(failures))
    sys.exit(1)
print('OK')
