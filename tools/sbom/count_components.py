#!/usr/bin/python3
"""Independent component and dependency-edge counts for SBOM files, for the reader tests.

Counts what the Mamori model calls components (subject included):
  CycloneDX JSON/XML: metadata.component + every components[] entry at any depth
  SPDX 2 JSON/YAML:   packages + files;   tag-value: PackageName + FileName lines
  SPDX 3 JSON-LD:     software_Package, software_File, ai_AIPackage, dataset_DatasetPackage elements
  SWID:               1 + File elements
and dependency edges (distinct pairs): CycloneDX dependsOn; SPDX DEPENDS_ON/DYNAMIC_LINK/STATIC_LINK and
*DEPENDENCY_OF; SPDX 3 dependsOn/hasDynamicLink/hasStaticLink.

Usage: count_components.py FILE... > expected-counts.tsv   (prints: name<TAB>components<TAB>edges)
"""
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET


def opener(path):
    return gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb')


def cdx_json(doc):
    def walk(cs):
        n = 0
        for c in cs or []:
            n += 1 + walk(c.get('components'))
        return n
    meta = doc.get('metadata', {}).get('component')
    n = walk(doc.get('components'))
    if meta:
        n += 1 + walk(meta.get('components'))
    edges = set()
    for d in doc.get('dependencies', []) or []:
        for on in d.get('dependsOn', []) or []:
            edges.add((d['ref'], on))
    return n, len(edges)


def cdx_xml(root):
    ns = root.tag[1:root.tag.index('}')]
    q = lambda t: '{%s}%s' % (ns, t)
    def walk(el):
        n = 0
        comps = el.find(q('components'))
        if comps is not None:
            for c in comps.findall(q('component')):
                n += 1 + walk(c)
        return n
    n = walk(root)
    meta = root.find(q('metadata'))
    if meta is not None and meta.find(q('component')) is not None:
        n += 1 + walk(meta.find(q('component')))
    edges = set()
    deps = root.find(q('dependencies'))
    if deps is not None:
        for d in deps.iter(q('dependency')):
            for on in d.findall(q('dependency')):
                edges.add((d.get('ref'), on.get('ref')))
    return n, len(edges)


FORWARD = {'DEPENDS_ON', 'DYNAMIC_LINK', 'STATIC_LINK'}
BACKWARD = {'DEPENDENCY_OF', 'BUILD_DEPENDENCY_OF', 'DEV_DEPENDENCY_OF', 'OPTIONAL_DEPENDENCY_OF',
            'PROVIDED_DEPENDENCY_OF', 'RUNTIME_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF'}


def spdx_edges(rels, ids):
    edges = set()
    for a, t, b in rels:
        if a in ids and b in ids:
            if t in FORWARD:
                edges.add((a, b))
            elif t in BACKWARD:
                edges.add((b, a))
    return len(edges)


def spdx_json(doc):
    pk = doc.get('packages', []) or []
    fi = doc.get('files', []) or []
    ids = {p['SPDXID'] for p in pk} | {f['SPDXID'] for f in fi}
    rels = [(r['spdxElementId'], r['relationshipType'], r['relatedSpdxElement']) for r in doc.get('relationships', []) or []]
    return len(pk) + len(fi), spdx_edges(rels, ids)


def spdx_tv(text):
    n = len(re.findall(r'(?m)^\s*(PackageName|FileName):', text))
    ids = set(re.findall(r'(?m)^\s*SPDXID:\s*(\S+)', text))
    rels = re.findall(r'(?m)^\s*Relationship:\s*(\S+)\s+(\S+)\s+(\S+)', text)
    return n, spdx_edges(rels, ids)


def spdx3(doc):
    graph = doc.get('@graph', [doc])
    kinds = {'software_Package', 'software_File', 'ai_AIPackage', 'dataset_DatasetPackage'}
    ids = {e.get('spdxId') for e in graph if e.get('type') in kinds}
    n = sum(1 for e in graph if e.get('type') in kinds)
    edges = set()
    for e in graph:
        if e.get('type') in ('Relationship', 'LifecycleScopedRelationship') and e.get('relationshipType') in ('dependsOn', 'hasDynamicLink', 'hasStaticLink'):
            for t in e.get('to', []):
                if e['from'] in ids and t in ids:
                    edges.add((e['from'], t))
    return n, len(edges)


def count(path):
    data = opener(path).read()
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    text = data.decode('utf-8', 'replace').lstrip()
    if text.startswith('<'):
        root = ET.fromstring(data)
        if root.tag.endswith('SoftwareIdentity'):
            return 1 + sum(1 for el in root.iter() if el.tag.endswith('}File') or el.tag == 'File'), 0
        return cdx_xml(root)
    if text.startswith('{'):
        doc = json.loads(text)
        if 'bomFormat' in doc:
            return cdx_json(doc)
        if 'spdxVersion' in doc:
            return spdx_json(doc)
        return spdx3(doc)
    if re.search(r'(?m)^\s*SPDXVersion\s*:', text):
        return spdx_tv(text)
    import yaml  # python3-yaml
    return spdx_json(yaml.safe_load(text))


if __name__ == '__main__':
    print('# name\tcomponents\tdependency-edges  (tools/sbom/count_components.py)')
    for p in sys.argv[1:]:
        n, e = count(p)
        print('%s\t%d\t%d' % (p, n, e))
