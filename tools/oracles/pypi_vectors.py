#!/usr/bin/python3
"""Labels PyPI version vectors with Debian's python3-packaging (the reference PEP 440 implementation).

Writes, under mamori-core/src/test/resources/version-vectors/:
  pypi.tsv.gz            A<TAB>B<TAB>-1|0|1   sign of Version(A) vs Version(B)
  pypi-satisfies.tsv.gz  VERSION<TAB>SPEC<TAB>true|false   SpecifierSet(SPEC).contains(VERSION, prereleases=True)
  pypi-invalid.tsv.gz    version|specifier<TAB>TEXT   text packaging rejects (InvalidVersion / InvalidSpecifier)

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

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

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


INVALID_VERSIONS = [
    "", " ", "1.0-", "1.0+", "1.0+a..b", "1.0+a-", "1!", "!1.0", "1.0.", ".1.0", "1..0", "1.0-1-1",
    "1.0_1", "1.0.x", "1.0.*", "a1", "1.0 1", "1.0.0.0-SNAPSHOT", "1.0~rc1", "1.0/2", "v",
    "vv1.0", "1.0a1b1", "1.0.post1.post2", "1.0.dev1.dev2", "1.0.dev1a1", "1.0+local+local", "1.0++a",
    "0.1-bulbasaur", "2.0.1rc2-git", "2013-01-21T20:33:09+0100", "trunk", "0.3m1", "1.3.1-STAGING",
    "1.0\u0661", "\u0661.0", "1.0+\u00e9",
    # packaging accepts these through IGNORECASE Unicode folding; Mamori rejects them (see PypiVersion)
    "1.0.po\u017ft1", "1.0prev\u0131ew1", "1.0prev\u0130ew1", "1.0+\u212a", "1.0+\u0131", "1.0+\u0130",
    "1.0-r1-", "1.0rc1_", "1.0.dev1.", "1.0.a.1.b",
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


def main():
    now = datetime.date.today().isoformat()
    per_package, ranges = osv_versions()
    scal = scalibr_versions()
    edge = edge_versions()

    invalid = sorted({v for vs in per_package.values() for v in vs if parse(v) is None}
                     | {v for v in scal if parse(v) is None} | {v for v in INVALID_VERSIONS if parse(v) is None}
                     | {v for v in edge if parse(v) is None})
    invalid = [v for v in invalid if not re.fullmatch(r"[0-9a-f]{40}", v)]  # git commits in GIT ranges
    non_ascii_accepted = sorted(v for v in INVALID_VERSIONS if parse(v) is not None and not v.isascii())

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

    os.makedirs(OUT, exist_ok=True)
    header = [
        f"# oracle: packaging {packaging.__version__} (Debian python3-packaging), /usr/bin/python3 "
        f"{sys.version.split()[0]}",
        "# generated by: /usr/bin/python3 tools/oracles/pypi_vectors.py (seed 440) on " + now,
        "# sources: OSV PyPI advisories (affected versions + ECOSYSTEM events), osv-scalibr pypi-versions*.txt "
        "(google/osv-scalibr@c2094f2d68e3994551d9998a54e2e97985a18a39), constructed edge cases",
    ]
    with gz_text(os.path.join(OUT, "pypi.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: A<TAB>B<TAB>sign of Version(A) compared with Version(B)\n")
        for a, b in uniq:
            f.write(f"{a}\t{b}\t{sign(a, b)}\n")

    cases = spec_cases(per_package, ranges, edge)
    seen, lines, bad_specs = set(), [], set()
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
        lines.append(f"{v}\t{spec}\t{'true' if ss.contains(v, prereleases=True) else 'false'}")
    with gz_text(os.path.join(OUT, "pypi-satisfies.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: VERSION<TAB>SPEC<TAB>SpecifierSet(SPEC).contains(VERSION, "
                "prereleases=True)\n")
        f.write("\n".join(lines) + "\n")

    for s in INVALID_SPECIFIERS:
        try:
            SpecifierSet(s)
        except InvalidSpecifier:
            bad_specs.add(s)
    with gz_text(os.path.join(OUT, "pypi-invalid.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: version|specifier<TAB>TEXT that packaging rejects "
                "(InvalidVersion / InvalidSpecifier)\n")
        for v in invalid:
            if "\t" not in v and "\n" not in v:
                f.write(f"version\t{v}\n")
        for s in sorted(bad_specs):
            f.write(f"specifier\t{s}\n")
        # packaging accepts these, Mamori deliberately does not (non-ASCII letters; PEP 440 is ASCII)
        for v in non_ascii_accepted:
            f.write(f"version-nonascii\t{v}\n")
    print(f"pypi.tsv.gz: {len(uniq)} pairs; pypi-satisfies.tsv.gz: {len(lines)} checks "
          f"({sum(l.endswith('true') for l in lines)} true); pypi-invalid.tsv.gz: {len(invalid)} versions, "
          f"{len(bad_specs)} specifiers")


if __name__ == "__main__":
    main()
