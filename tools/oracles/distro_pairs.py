"""Shared helpers for the distro oracle-vector generators (deb_vectors.py, rpm_vectors.py).

Collects real version strings from the staged corpora, builds a seeded, de-duplicated list of version pairs
(neighbours in string order, pairs inside one package, mutations of real versions, constructed edge cases,
random pairs) and writes the labelled vectors as gzip TSV. Run with /usr/bin/python3 (the system Python that
has python3-apt and python3-rpm).
"""
import gzip
import json
import os
import random
import re

VERSIONISH_KEYS = {
    "fixed_version", "fixed", "introduced", "last_affected", "limit", "version", "versions", "Version",
    "FixedVersion", "fixedVersion", "fixed_versions", "affected_versions", "evr",
}


def iter_files(root, suffixes=None):
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if suffixes is None or f.endswith(tuple(suffixes)):
                yield os.path.join(dirpath, f)


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return fh.read()


def json_versions(obj, out, group="", depth=0):
    """Collects strings under version-like keys of a JSON document: out[group] += [...]."""
    if depth > 40:
        return
    if isinstance(obj, dict):
        name = obj.get("name") or obj.get("package") or group
        if isinstance(name, dict):
            name = name.get("name", group)
        for k, v in obj.items():
            if k in VERSIONISH_KEYS:
                if isinstance(v, str):
                    out.setdefault(str(name), []).append(v)
                elif isinstance(v, list):
                    out.setdefault(str(name), []).extend(x for x in v if isinstance(x, str))
            if isinstance(v, (dict, list)):
                json_versions(v, out, str(name), depth + 1)
    elif isinstance(obj, list):
        for v in obj:
            json_versions(v, out, group, depth + 1)


def load_json_any(path):
    """A JSON document, or a list of documents for JSON-lines files; None when unparsable."""
    text = read_text(path)
    try:
        return json.loads(text)
    except ValueError:
        docs = []
        for line in text.splitlines():
            line = line.strip()
            if line:
                try:
                    docs.append(json.loads(line))
                except ValueError:
                    return None
        return docs


def scalibr_groups(path):
    """Blocks of an osv-scalibr 'A < B' file (blank lines separate), as lists of versions."""
    groups, cur = [], []
    for line in read_text(path).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            if cur:
                groups.append(cur)
                cur = []
            continue
        parts = line.split(" ")
        if len(parts) == 3:
            cur.extend([parts[0], parts[2]])
    if cur:
        groups.append(cur)
    return groups


def build_pairs(groups, edge_cases, mutate, is_valid, seed, target):
    """A de-duplicated list of (a, b) pairs of valid versions, in a reproducible order."""
    rng = random.Random(seed)
    versions = sorted({v for g in groups for v in g if is_valid(v)} | {v for v in edge_cases if is_valid(v)})
    pairs, seen = [], set()

    def add(a, b):
        if is_valid(a) and is_valid(b) and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))

    # 1. every pair among the constructed edge cases
    edge = [v for v in dict.fromkeys(edge_cases) if is_valid(v)]
    for i, a in enumerate(edge):
        for b in edge[i + 1:]:
            add(a, b)
        add(a, a)
    # 2. neighbours in plain string order (shared prefixes: the informative comparisons)
    neighbours = list(zip(versions, versions[1:]))
    for a, b in rng.sample(neighbours, min(len(neighbours), target // 4)):
        add(a, b)
    # 3. pairs inside one package / block
    inside = []
    for g in groups:
        g = sorted({v for v in g if is_valid(v)})
        if len(g) > 1:
            inside.extend(tuple(rng.sample(g, 2)) for _ in range(min(len(g) - 1, 3)))
    for a, b in rng.sample(inside, min(len(inside), target // 6)):
        add(a, b)
    # 4. mutations of real versions (two edits each)
    for v in rng.sample(versions, min(len(versions), target // 8)):
        ms = [m for m in mutate(v, rng) if is_valid(m)]
        for m in rng.sample(ms, min(len(ms), 2)):
            add(v, m)
    # 5. random pairs until the target
    while len(pairs) < target and len(versions) > 1:
        a, b = rng.sample(versions, 2)
        add(a, b)
    return pairs


def write_vectors(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            for h in header:
                gz.write(("# " + h + "\n").encode("utf-8"))
            for a, b, s in rows:
                gz.write(f"{a}\t{b}\t{s}\n".encode("utf-8"))


def digit_mutations(v, rng):
    """Small edits of the numbers in a version: +1, -1, leading zero, extra component."""
    out = []
    nums = list(re.finditer(r"\d+", v))
    if nums:
        m = rng.choice(nums)
        n = int(m.group())
        out.append(v[:m.start()] + str(n + 1) + v[m.end():])
        if n > 0:
            out.append(v[:m.start()] + str(n - 1) + v[m.end():])
        out.append(v[:m.start()] + "0" + m.group() + v[m.end():])
        out.append(v[:m.end()] + ".0" + v[m.end():])
        out.append(v[:m.end()] + ".1" + v[m.end():])
    return out
