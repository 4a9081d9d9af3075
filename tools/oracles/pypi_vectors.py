#!/usr/bin/python3
"""Labels PyPI version vectors with python3-packaging: PEP 440 with packaging 21.3's legacy fallback.

PyPI order in Mamori is PEP 440 with packaging 21.3's LegacyVersion fallback, as OSV's PyPI ecosystem and pip < 24.1
order versions: text that is not PEP 440 is a LegacyVersion (epoch -1, below every PEP 440 version). Two oracles:
Debian's python3-packaging 23 (PEP 440 only) and packaging 21.3 as vendored by Debian's pip
(pip._vendor.packaging, the last release with LegacyVersion); the script checks that they agree on every PEP 440 pair.

Writes, under mamori-core/src/test/resources/version-vectors/:
  pypi.tsv.gz                   A<TAB>B<TAB>-1|0|1   sign of Version(A) vs Version(B), both PEP 440 (23 and 21.3 agree)
  pypi-legacy.tsv.gz            A<TAB>B<TAB>-1|0|1   sign of parse(A) vs parse(B) in packaging 21.3, at least one of
                                                     A and B a LegacyVersion
  pypi-satisfies.tsv.gz         VERSION<TAB>SPEC<TAB>true|false   SpecifierSet(SPEC).contains(VERSION, prereleases=True)
                                                     (packaging 23; PEP 440 candidates)
  pypi-legacy-satisfies.tsv.gz  VERSION<TAB>SPEC<TAB>true|false   the same in packaging 21.3 for LegacyVersion
                                                     candidates (PEP 440 specifiers only)
  pypi-invalid.tsv.gz           version|version-nonascii|specifier<TAB>TEXT   text Mamori rejects: blank versions
                                (packaging 21.3 would make them LegacyVersions, packaging 23 rejects them), versions
                                packaging reads as PEP 440 only through Unicode case folding, and specifiers packaging
                                23 rejects (InvalidSpecifier; 21.3's LegacySpecifier fallback is not supported)

Sources: OSV PyPI advisories (affected[].versions and ECOSYSTEM range events), osv-scalibr's pypi-versions*.txt,
and constructed edge cases (epochs, locals, pre/post/dev combinations, alternate spellings, normalisation).

Run from the repository root:  /usr/bin/python3 tools/oracles/pypi_vectors.py [CORPORA_DIR]
(CORPORA_DIR defaults to /work/shared/corpora). Deterministic apart from the date in the headers.
"""
import datetime
import gzip
import io
import itertools
import json
import os
import random
import re
import sys

import warnings

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

import pip._vendor.packaging as packaging21
from pip._vendor.packaging import specifiers as specifiers21
from pip._vendor.packaging import version as version21

warnings.simplefilter("ignore", DeprecationWarning)  # LegacyVersion warns on creation

CORPORA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
OUT = "mamori-core/src/test/resources/version-vectors"
SEED = 440


def parse(v):
    try:
        return Version(v)
    except InvalidVersion:
        return None


def sign(a, b):
    va, vb = Version(a), Version(b)
    return (va > vb) - (va < vb)


def sign21(a, b):
    """packaging 21.3: parse() falls back to LegacyVersion for text that is not PEP 440."""
    va, vb = version21.parse(a), version21.parse(b)
    return (va > vb) - (va < vb)


def is_legacy(v):
    return isinstance(version21.parse(v), version21.LegacyVersion)


def mamori_invalid(v):
    """Text Mamori rejects although packaging 21.3 parses it: blank text; PEP 440 only through Unicode folding."""
    return v.strip() == "" or (parse(v) is not None and any(c in v for c in FOLDED))


FOLDED = "\u017f\u0131\u0130\u212a"  # ſ ı İ K: match s, i, i, k under packaging's IGNORECASE


def tsv_safe(s):
    return "\t" not in s and "\n" not in s and "\r" not in s and s != "" and not s.startswith("#")


# ---------------------------------------------------------------- real versions
def osv_versions():
    """package -> set of versions; plus the ECOSYSTEM ranges as (package, [(event, version)])."""
    per_package, ranges = {}, []
    with gzip.open(os.path.join(CORPORA, "osv-pypi/osv-pypi.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for aff in doc.get("affected", []) or []:
                name = (aff.get("package") or {}).get("name")
                if not name:
                    continue
                s = per_package.setdefault(name, set())
                s.update(aff.get("versions", []) or [])
                for r in aff.get("ranges", []) or []:
                    if r.get("type") != "ECOSYSTEM":
                        continue
                    evs = []
                    for e in r.get("events", []):
                        for k, v in e.items():
                            evs.append((k, v))
                            if v != "0":
                                s.add(v)
                    ranges.append((name, evs))
    return per_package, ranges


def scalibr_versions():
    out = set()
    d = os.path.join(CORPORA, "version-vectors-osv-scalibr")
    for fn in sorted(os.listdir(d)):
        if fn.startswith("pypi-versions") and fn.endswith(".txt"):
            for line in open(os.path.join(d, fn), encoding="utf-8"):
                m = re.match(r"^(\S+) [<=>] (\S+)$", line.strip())
                if m:
                    out.update(m.groups())
    return out


# ---------------------------------------------------------------- constructed edge cases
def edge_versions():
    v = [
        # the PEP 440 ordering chain of the brief
        "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1", "1.0b1", "1.0rc1", "1.0",
        "1.0.post1.dev1", "1.0.post1",
        # epochs
        "1!1.0", "0!1.0", "1!0.1", "2!1.0", "1!1.0.dev1", "1!1.0+local", "01!1.0", "1!1.0.post1",
        # locals
        "1.0+ubuntu.1", "1.0+ubuntu.01", "1.0+ubuntu.2", "1.0+ubuntu", "1.0+abc", "1.0+1", "1.0+abc.5",
        "1.0+5.abc", "1.0+a-b_c", "1.0+a.b.c", "1.0+A.B", "1.0+0", "1.0+00", "1.0+abc.1.2", "1.0+abc.1.a",
        "1.0+1.0", "1.0+1.0.0", "1.0.0+1", "1.0.post1+x", "1.0a1+x", "1.0.dev0+x", "1.0+ABC.01",
        # normalisation variants
        "1.0-r1", "1.0.POST1", "v1.0", "V1.0", "1.0-1", "1.0.post-1", "1.0-post1", "1.0_post1", "1.0post1",
        "1.0.r", "1.0rev", "1.0-rev2", "1.0REV2", "1.0.post", "1.0-r-", "1.0.post.",
        "1.0alpha1", "1.0Alpha1", "1.0.alpha.1", "1.0-a-1", "1.0_a_1", "1.0a", "1.0a-", "1.0a0",
        "1.0beta2", "1.0BETA2", "1.0-b2", "1.0c1", "1.0C1", "1.0pre1", "1.0preview1", "1.0-rc.1", "1.0RC1",
        "1.0.rc1", "1.0rc", "1.0c", "1.0pre", "1.0-preview-3",
        "1.0.dev", "1.0-dev-1", "1.0dev1", "1.0.DEV1", "1.0_dev_1", "1.0-dev", "1.0.dev-",
        "1.0a-1", "1.0a1-1", "1.0rcr", "1.0a.post", "1.0-1.dev1", "1.0a1-1.dev2",
        "1.0.0", "1.0.0.0", "1", "01.0", "1.00", "1.0.00.000", "0", "0.0", "0.0.0.1", "00000.1",
        " 1.0 ", "1.0\u00a0", "\u20031.0",
        # big numbers
        "999999999999999999999999999999", "999999999999999999999999999991", "1.999999999999999999999",
        "1.0.post999999999999999999999", "1.0a99999999999999999999", "18446744073709551616.1",
        # combinations around 2.0
        "2.0.dev0", "2.0a0", "2.0a0.dev0", "2.0b0.post0", "2.0rc0.post0.dev0", "2.0.post0", "2.0.post0.dev0",
        "2.0.0.post0.dev0", "2.0+0", "2.0rc1+local.1", "1.9.99999", "1.99", "2.0.1.dev0", "2.0.1a1",
        "2.0.0.1", "2.0.1", "2.1", "2.1.0rc1", "2.1.post1", "2.10", "2.9",
    ]
    # a grid of pre/post/dev/local combinations around 3.1
    rng = random.Random(SEED)
    spellings_pre = {"a": ["a", "alpha", ".a", "-alpha-", "_A"], "b": ["b", "beta", ".b", "-BETA"],
                     "rc": ["rc", "c", "pre", "preview", "-rc.", ".RC"]}
    spellings_post = ["post", ".post", "-post", "_r", ".rev", "-"]
    spellings_dev = ["dev", ".dev", "-dev", "_DEV"]
    for pre in [None, "a", "b", "rc"]:
        for post in [None, 0, 2]:
            for dev in [None, 0, 3]:
                for local in [None, "x.1"]:
                    s = "3.1"
                    if pre:
                        s += rng.choice(spellings_pre[pre]) + "1"
                    if post is not None:
                        sp = rng.choice(spellings_post)
                        s += sp + str(post) if sp != "-" or True else ""
                    if dev is not None:
                        s += rng.choice(spellings_dev) + str(dev)
                    if local:
                        s += "+" + local
                    v.append(s)
    return v


# Legacy (non-PEP 440) spellings exercising every step of packaging 21.3's _legacy_cmpkey: the word replacements
# (pre/preview/rc -> c, dev -> @, "-" -> final-), dropped dots, zero padding to 8 (and longer numbers compared as
# text), trailing-zero removal before a text part, "*final-" removal before parts below "*final", upper case, runs
# of other characters, Unicode digits and letters, supplementary characters (code point order), no stripping.
LEGACY_EDGE = [
    "0.7.10p1", "0.7.10p2", "0.7.10", "0.7.10a1", "0.1-bulbasaur", "0.9-eevee", "2013-01-21T20:33:09+0100",
    "2013-09-11T19-27-10", "2019-09-12", "2013.01.21-1", "20130121-x", "trunk", "TRUNK", "Trunk", "a3", "a", "z",
    "final", "1.0final", "1.0-final", "1.0.final", "1.0-final-1", "1.0-1-1", "1.0--1", "1.0-1-a", "1.0-a-1-",
    "1.0-x", "1.0-X", "1.0-x-1", "1.0-x.1", "1.0-0", "1.0-0-x", "1.0-00-a", "1.0-", "1.0--", "1.0.-x", "1.0-.x",
    "1.0.0-x", "1.0.0.0-x", "1.00.0-x", "1-x", "0-x", "0.0-x", "00-x", "1.0.0x", "1.0x", "1x", "1.0.x", "1.x",
    "1.0.0.x.0", "1.0.0.x.0.y", "1.0x0", "1.0x00",
    "1.0pre1-foo", "1.0.preview.x", "1.0.preview", "1.0rc1-git", "1.0.rc-x", "1.0-rc-x", "1.0-c-x", "1.0c-x",
    "1.0-pre-x", "1.0-dev-r5", "1.0dev-foo", "1.0.dev.x", "1.0-dev-x", "1.0@-x", "1.0-@", "foo-dev", "foo-pre",
    "foo-rc", "foo-c", "1.0a1b1", "1.0a1-x", "1.0b-x", "1.0.post1.post2", "1.0.dev1.dev2", "1.0.dev1a1",
    "1.0-r1-", "1.0rc1_", "1.0.dev1.", "1.0.a.1.b", "1.0.1a.x", "1.0.1-alpha-x", "1.0.1-beta-x",
    "123456789-x", "99999999-x", "100000000-x", "1.123456789x", "1.99999999x", "1.000000001x", "0000000001-x",
    "1.0_x", "1.0_1", "1.0~rc1", "1.0+x+y", "1.0++a", "1.0:1", "1.0/2", "1.0 1", "1.0  1", " foo", "foo ",
    " foo bar ", "1.0\u3000x", "1.0-\u00e9", "1.0-\u00c9", "1.0-\u00e9t\u00e9", "\u00e9", "1.0+\u00e9",
    "1.0\u0661", "\u0661.0", "\u0661.\u0660-x", "1\u0661-x", "1\u0661\u0662-x", "\U0001d7cf.0-x",
    "1.0-\U0001f600", "1.0-\uff21", "1.0-\uff41", "1.0-\ue000", "1.0-\uffff", "1.0-\U00010000",
    "1.0-\u0391\u03a3", "1.0-\u03b1\u03c2", "1.0-\u0391\u03a3\u0391", "K1.0", "1.0-\u212a", "1.0-k",
    "\u01301.0", "i\u03071.0", "1.0-\u0130x", "\u017f1.0",
    "*", "**", "@", "1.0@", "1.0*final", "1.0-*final-", "1.0*", "1.0!", "!1.0", "1!", "1!x", ".1.0", "1..0",
    "1.0.", "1.0+", "1.0+a..b", "1.0+a-", "_", "-", "-1", "-0", ".", "..", "1.0.*", "1.0.0.0-SNAPSHOT",
    "1.3.1-STAGING", "v", "vv1.0", "v1.0-foo", "V1.0.x", "version1", "abc123def", "0.3m1", "0.3m5", "0.3.2d",
    "0.3.2d.dev", "0.3.2f", "4.11-final", "5.0-final", "2.0.0-final", "3.0.0b3-", "1.0beta6.1", "0.7.4.svn.r2010",
    "0.7.1.fix1", "0.2.0-n653", "0.3.1-p1", "-class.-jw.util.version.Version-", "a1", "1.0+local+local",
    "2.0.1rc2-git",
]

# Text Mamori rejects as a version: blank text (packaging 21.3 would make a LegacyVersion of it) and text that is PEP
# 440 only through packaging's IGNORECASE Unicode folding (packaging accepts and orders it by the raw letters).
INVALID_VERSIONS = [
    "", " ", "  ", "\u3000", "\u00a0", " \u2003 ", "\x1c", "\x85", "\u2028", "\x0b", "\x0c",
    "1.0.po\u017ft1", "1.0prev\u0131ew1", "1.0prev\u0130ew1", "1.0+\u212a", "1.0+\u0131", "1.0+\u0130",
    "1.0.PO\u017fT1", "1.0+abc.\u017f",
]


# ---------------------------------------------------------------- specifiers
def spec_cases(per_package, ranges, edge):
    rng = random.Random(SEED + 1)
    cases = []  # (version, spec)

    def around(v):
        """Versions near a bound: its pre/post/dev/local relatives."""
        pv = parse(v)
        if pv is None:
            return []
        base = pv.base_version
        out = [v, base, base + ".dev0", base + "a1", base + "rc1", base + ".post1", base + ".post1.dev1",
               base + "+local", str(pv) + "+local.7", base + ".0", base + ".1", base + ".0.1"]
        rel = list(pv.release)
        if rel:
            bumped = rel[:-1] + [rel[-1] + 1]
            out.append(".".join(map(str, bumped)))
            out.append(".".join(map(str, bumped)) + "rc1")
            if rel[-1] > 0:
                out.append(".".join(map(str, rel[:-1] + [rel[-1] - 1])))
        return out

    # 1. real OSV ranges turned into specifier sets, checked against the package's versions and bound relatives
    for name, evs in ranges:
        intro = [v for k, v in evs if k == "introduced"]
        fixed = [v for k, v in evs if k == "fixed"]
        last = [v for k, v in evs if k == "last_affected"]
        parts = []
        if intro and intro[0] != "0" and parse(intro[0]):
            parts.append(">=" + intro[0])
        if fixed and parse(fixed[0]):
            parts.append("<" + fixed[0])
        elif last and parse(last[0]):
            parts.append("<=" + last[0])
        if not parts:
            continue
        spec = ",".join(parts)
        pool = sorted(x for x in per_package.get(name, ()) if parse(x))
        picks = rng.sample(pool, min(4, len(pool)))
        for b in intro[:1] + fixed[:1] + last[:1]:
            if b != "0":
                picks += rng.sample(around(b), min(5, len(around(b))))
        for p in picks:
            cases.append((p, spec))

    # 2. every operator against the relatives of real bounds
    bounds = sorted({v for vs in per_package.values() for v in vs if parse(v)})
    rng.shuffle(bounds)
    for b in bounds[:260]:
        pv = parse(b)
        ops = ["==", "!=", "<", "<=", ">", ">=", "==="]
        if len(pv.release) >= 2 and pv.local is None:
            ops.append("~=")
        if pv.local is not None:
            ops = ["==", "!=", "==="]
        op = rng.choice(ops)
        spec = op + b
        if rng.random() < 0.15 and pv.local is None and pv.pre is None and pv.post is None and pv.dev is None:
            spec = rng.choice(["==", "!="]) + ".".join(map(str, pv.release[: rng.randint(1, len(pv.release))])) + ".*"
        for cand in rng.sample(around(b), min(6, len(around(b)))):
            cases.append((cand, spec))

    # 3. constructed specifiers exercising the exclusive-ordered, local, wildcard, ~= and === rules
    constructed = [
        "<1.0", "<=1.0", ">1.0", ">=1.0", "==1.0", "!=1.0", "<1.0rc1", ">1.0.post1", ">1.0a1", "<1.0.post1",
        ">1.0.dev0", "<1.0.dev5", "==1.0+ubuntu.1", "!=1.0+ubuntu.1", "==1.0.*", "!=1.0.*", "==1.*", "==1.0.0.*",
        "==1!1.*", "==1!1.0.*", "==0!1.0.*", "==v1.0.*", "==2.0.0.*", "~=1.0", "~=1.0.0", "~=1.0a1", "~=1.0.post1",
        "~=1.0.dev1", "~=1!1.0", "~=1.4.5c1", "~=1.4.5rc1", "~=1.4.RC1", "~=1.4.rc1", "~=1.4.RC.1", "~=1.4.r1",
        "~=1.4.post1", "~=1.4.pre1", "~=1.4.alpha1", "~=1.4.c1", "~=1.4-1", "~=v1.4", "~=2.2.0.post1",
        "===1.0", "===1.0.0", "===v1.0", "===1.0+ubuntu.1", "===1.0.POST1", "===foobar", "===",
        ">=1.0,<2.0", ">=1.0, <2.0, !=1.5", ">=1.0a1,<1.0", "<2,>=2", "", " ", ",", ">=1.0,,<2",
        "> 1.0", ">= 1.0", "==  1.0", "<=1.0.post1", ">=1.0.dev0", ">1!0", "<1!0", ">=0!1.0", "<2.0.0",
        "==1.4.*,!=1.4.2", ">1.0,<1.0.post2", "<1.0+local-no", "!=1.0.*,>=0.9",
        "==2.0", "==2.0.0", "==2.0+0", "!=2.0", ">2.0", "<2.0", ">=2.0", "<=2.0", "~=2.0", ">2.0.post0",
        "<2.0a0", ">2.0.0.post0.dev0",
    ]
    targets = [x for x in edge if parse(x)] + ["1.4", "1.4.2", "1.4.5", "1.4.6", "1.5", "1.4.5rc2", "1.4.5.1",
                                               "1.4.4", "1.4.5c2", "1.4.99", "2.2.0.post2", "2.2.1", "2.3",
                                               "3.0", "1.1", "0.9", "1!1.4", "1!2.0", "1.0.1", "1.3"]
    for spec in constructed:
        for cand in rng.sample(targets, 70):
            cases.append((cand, spec))

    return cases


INVALID_SPECIFIERS = [
    "1.0", "=1.0", "=>1.0", "~=1", "~=1.*", "<1.0.*", ">=1.0+local", "~=1.0+local", "==1.0+local.*",
    "==1.0a1.*", "==1.0.post1.*", "===1.0 2", "===1.0;", "==1.0.*.*", "<=", ">=foo", "~>1.0", "!=1.0-",
    ">=1.0,<", "== 1.0 .*", "<>1.0", "==1.0 ,,  >>2",
]


def gz_text(path):
    """A gzip text writer with a fixed header time, so regenerating unchanged vectors changes no bytes."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf-8")


def legacy_pairs(per_package, scal, edge):
    """Pairs with at least one LegacyVersion: legacy against legacy and against PEP 440, from real and edge text."""
    rng = random.Random(SEED + 2)
    real_legacy = sorted({v for vs in per_package.values() for v in vs if is_legacy(v) and not mamori_invalid(v)}
                         | {v for v in scal if is_legacy(v)})
    edge_legacy = [v for v in dict.fromkeys(LEGACY_EDGE) if is_legacy(v) and not mamori_invalid(v)]
    pool = sorted(set(real_legacy) | set(edge_legacy))
    pep = sorted({v for vs in per_package.values() for v in vs if parse(v)} | {v for v in scal if parse(v)}
                 | {v for v in edge if parse(v)})
    pairs = []
    # real legacy versions per package: adjacent in legacy order, and against the package's PEP 440 versions
    for name in sorted(per_package):
        vs = per_package[name]
        leg = sorted((v for v in vs if is_legacy(v) and not mamori_invalid(v)),
                     key=lambda x: (version21.parse(x), x))
        if not leg:
            continue
        for a, b in zip(leg, leg[1:]):
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))
        peps = sorted(v for v in vs if parse(v))
        for a in leg:
            for b in rng.sample(peps, min(3, len(peps))):
                pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    # every pair of edge spellings, each spelling with itself, and each against real legacy text
    for a, b in itertools.combinations(edge_legacy, 2):
        pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    for a in pool:
        pairs.append((a, a))
    for a in edge_legacy:
        for b in rng.sample(real_legacy, min(6, len(real_legacy))):
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    # every legacy text against PEP 440 versions (always below them), PEP 440 edge cases included
    for a in pool:
        for b in rng.sample(pep, 4):
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    # random real legacy pairs
    for _ in range(1500):
        pairs.append((rng.choice(real_legacy), rng.choice(real_legacy)))
    seen, uniq = set(), []
    for p in pairs:
        if p not in seen and tsv_safe(p[0]) and tsv_safe(p[1]):
            seen.add(p)
            uniq.append(p)
    return uniq, pool


LEGACY_SPECS = [
    "", ">=0", ">0", "<99", "<=99", "!=1.0", "==1.0", ">=1.0,<2.0", "~=1.0", "==1.*", "!=1.*", ">=0.0.dev0",
    "<1!0", ">=1.0a1", "===0.1-bulbasaur", "===0.1-BULBASAUR", "===trunk", "===TRUNK", "===0.7.10p1",
    "===2013-01-21T20:33:09+0100", "===1.0-x", "===1.0", "===foobar", ">=0,===0.1-bulbasaur",
    "!=1.0,===0.1-bulbasaur", "===1.0\u0661", "===\u00e9",
]


def legacy_satisfies(pool):
    """packaging 21.3's SpecifierSet.contains(v, prereleases=True) for legacy candidates and PEP 440 specifiers."""
    lines = []
    for spec in LEGACY_SPECS:
        SpecifierSet(spec)  # PEP 440 in packaging 23 (raises otherwise)
        ss = specifiers21.SpecifierSet(spec)
        assert all(isinstance(x, specifiers21.Specifier) for x in ss), spec  # no LegacySpecifier fallback
        for v in pool:
            if tsv_safe(v):
                lines.append(f"{v}\t{spec}\t{'true' if ss.contains(v, prereleases=True) else 'false'}")
    return lines


def main():
    now = datetime.date.today().isoformat()
    per_package, ranges = osv_versions()
    scal = scalibr_versions()
    edge = edge_versions()

    invalid = sorted(v for v in set(INVALID_VERSIONS) if mamori_invalid(v))
    assert invalid == sorted(set(INVALID_VERSIONS)), set(INVALID_VERSIONS) - set(invalid)

    rng = random.Random(SEED)
    pairs = []
    # real versions: adjacent in sorted order per package, plus random pairs within the package
    for name in sorted(per_package):
        vs = sorted((v for v in per_package[name] if parse(v)), key=lambda x: (Version(x), x))
        for a, b in zip(vs, vs[1:]):
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))
        for _ in range(min(len(vs), 12)):
            a, b = rng.choice(vs), rng.choice(vs)
            pairs.append((a, b))
    # scalibr versions against each other (random)
    sv = sorted(v for v in scal if parse(v))
    for _ in range(1500):
        pairs.append((rng.choice(sv), rng.choice(sv)))
    # edge cases: every pair
    ev = [v for v in edge if parse(v) and tsv_safe(v)]
    for a, b in itertools.combinations(ev, 2):
        pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    for a in ev:
        pairs.append((a, a))
    # edge cases against real versions
    allreal = sorted({v for vs in per_package.values() for v in vs if parse(v)})
    for a in ev:
        for b in rng.sample(allreal, 8):
            pairs.append((a, b))

    seen, uniq = set(), []
    for p in pairs:
        if p not in seen and tsv_safe(p[0]) and tsv_safe(p[1]):
            seen.add(p)
            uniq.append(p)
    # packaging 23 and 21.3 must order every PEP 440 pair alike
    disagree = [(a, b) for a, b in uniq if sign(a, b) != sign21(a, b)]
    assert not disagree, disagree[:10]

    os.makedirs(OUT, exist_ok=True)
    oracle23 = (f"packaging {packaging.__version__} (Debian python3-packaging), /usr/bin/python3 "
                f"{sys.version.split()[0]}")
    oracle21 = f"packaging {packaging21.__version__} (vendored in Debian's python3-pip as pip._vendor.packaging)"
    common = [
        "# generated by: /usr/bin/python3 tools/oracles/pypi_vectors.py (seed 440) on " + now,
        "# sources: OSV PyPI advisories (affected versions + ECOSYSTEM events), osv-scalibr pypi-versions*.txt "
        "(google/osv-scalibr@c2094f2d68e3994551d9998a54e2e97985a18a39), constructed edge cases",
    ]
    with gz_text(os.path.join(OUT, "pypi.tsv.gz")) as f:
        f.write(f"# oracle: {oracle23}; every pair checked to have the same sign in {oracle21}\n")
        f.write("\n".join(common) + "\n# columns: A<TAB>B<TAB>sign of Version(A) compared with Version(B)\n")
        for a, b in uniq:
            f.write(f"{a}\t{b}\t{sign(a, b)}\n")

    lpairs, pool = legacy_pairs(per_package, scal, edge)
    with gz_text(os.path.join(OUT, "pypi-legacy.tsv.gz")) as f:
        f.write(f"# oracle: {oracle21}, /usr/bin/python3 {sys.version.split()[0]}\n")
        f.write("\n".join(common) + "\n# columns: A<TAB>B<TAB>sign of parse(A) compared with parse(B) (packaging "
                "21.3: LegacyVersion for text that is not PEP 440; at least one of A, B is one)\n")
        for a, b in lpairs:
            f.write(f"{a}\t{b}\t{sign21(a, b)}\n")

    cases = spec_cases(per_package, ranges, edge)
    seen, lines, bad_specs, disagree21 = set(), [], set(), []
    for v, spec in cases:
        if (v, spec) in seen or not tsv_safe(v) or "\t" in spec or "\n" in spec:
            continue
        seen.add((v, spec))
        try:
            ss = SpecifierSet(spec)
        except InvalidSpecifier:
            bad_specs.add(spec)
            continue
        if parse(v) is None:
            continue
        got = ss.contains(v, prereleases=True)
        if got != specifiers21.SpecifierSet(spec).contains(v, prereleases=True):
            disagree21.append((v, spec, got))
        lines.append(f"{v}\t{spec}\t{'true' if got else 'false'}")
    with gz_text(os.path.join(OUT, "pypi-satisfies.tsv.gz")) as f:
        f.write(f"# oracle: {oracle23}\n")
        f.write("\n".join(common) + "\n# columns: VERSION<TAB>SPEC<TAB>SpecifierSet(SPEC).contains(VERSION, "
                "prereleases=True)\n")
        f.write("\n".join(lines) + "\n")

    llines = legacy_satisfies(pool)
    with gz_text(os.path.join(OUT, "pypi-legacy-satisfies.tsv.gz")) as f:
        f.write(f"# oracle: {oracle21}, /usr/bin/python3 {sys.version.split()[0]}\n")
        f.write("\n".join(common) + "\n# columns: VERSION<TAB>SPEC<TAB>SpecifierSet(SPEC).contains(VERSION, "
                "prereleases=True) for a LegacyVersion VERSION and a PEP 440 SPEC\n")
        f.write("\n".join(llines) + "\n")

    for s in INVALID_SPECIFIERS:
        try:
            SpecifierSet(s)
        except InvalidSpecifier:
            bad_specs.add(s)
    with gz_text(os.path.join(OUT, "pypi-invalid.tsv.gz")) as f:
        f.write(f"# oracle: {oracle23} and {oracle21}\n")
        f.write("\n".join(common) + "\n# columns: version|version-nonascii|specifier<TAB>TEXT that Mamori rejects:\n"
                "#   version: blank text (packaging 23 rejects it; 21.3's parse() would make a LegacyVersion of it)\n"
                "#   version-nonascii: PEP 440 in packaging only through IGNORECASE Unicode folding (see PypiVersion)\n"
                "#   specifier: InvalidSpecifier in packaging 23 (21.3's LegacySpecifier fallback is not supported)\n")
        for v in invalid:
            if "\t" not in v and "\n" not in v and "\r" not in v:
                f.write(f"{'version' if v.strip() == '' else 'version-nonascii'}\t{v}\n")
        for s in sorted(bad_specs):
            f.write(f"specifier\t{s}\n")
    print(f"pypi.tsv.gz: {len(uniq)} pairs (packaging 23 = 21.3 on all); pypi-legacy.tsv.gz: {len(lpairs)} pairs "
          f"from {len(pool)} legacy texts; pypi-satisfies.tsv.gz: {len(lines)} checks "
          f"({sum(l.endswith('true') for l in lines)} true; packaging 21.3 differs on {len(disagree21)}); "
          f"pypi-legacy-satisfies.tsv.gz: {len(llines)} checks ({sum(l.endswith('true') for l in llines)} true); "
          f"pypi-invalid.tsv.gz: {len(invalid)} versions, {len(bad_specs)} specifiers")
    for d in disagree21[:20]:
        print("  packaging 21.3 differs:", d)


if __name__ == "__main__":
    main()
