#!/usr/bin/env python3
"""Writes tests/fuzz/style_keys.inc: the template settings groups and their keys, from
templates/schema/template.schema.json, for the yaml_structured fuzz target's `style:` choices.
Run from the repository's top folder after the template schema changes:
    python3 tests/fuzz/make_style_keys.py"""
import json

schema = json.load(open('templates/schema/template.schema.json', encoding='utf-8'))
defs = schema['$defs']
rows = []
for group, node in defs['settings']['properties'].items():
    ref = node.get('$ref', '')
    target = defs[ref.split('/')[-1]] if ref.startswith('#/$defs/') else node
    rows.append('    {"%s", "%s"},' % (group, ' '.join(target.get('properties', {}))))
with open('tests/fuzz/style_keys.inc', 'w', encoding='utf-8') as out:
    out.write('// Made by tests/fuzz/make_style_keys.py from templates/schema/template.schema.json: each\n'
              '// settings group of `style:` with its keys (none: the group takes a value itself).\n'
              'const char* const kStyleTable[][2] = {\n' + '\n'.join(rows) + '\n};\n')
