#!/usr/bin/python3
"""Builds the matcher's ground-truth set from the real OSV data of the staged corpora.

For every advisory and affected package it constructs versions inside, exactly on and just outside each range
boundary, takes the explicit `versions` lists of PyPI advisories (listed = affected; the package's other known
released versions up to the newest listed = not affected) and, for AlmaLinux, the fixed EVR, lower EVRs of the same
release (affected), higher ones (not affected) and the same EVRs under another release (not matched). Each case is
labelled from the data alone, never by running Mamori:

  * listed in the advisory's `versions`                                  -> affected
  * otherwise the OSV evaluation of the advisory's ranges for that package (union of its ranges; introduced opens,
    fixed closes at that version, last_affected closes above it, limit bounds), with the versions ordered by an
    oracle independent of Mamori: python `packaging` (PyPI), `rpm.labelCompare` (AlmaLinux), Maven's
    ComparableVersion (Maven), Ruby's Gem::Version (RubyGems) and the SemVer 2.0 precedence rules implemented
    below (Go, crates.io, Bitnami, npm, Hex, Pub; NuGet with its four-part release numbers);
  * the boundary construction itself (introduced / last_affected = affected, fixed = not affected) where no oracle
    is available (Packagist), used only when the package has a single range so no other range can overlap;
  * an advisory's statement for one AlmaLinux release never applies to another release;
  * a withdrawn advisory affects nothing.

Where the data contradicts itself (a PyPI version a range covers but the `versions` list leaves out, a version the
oracle cannot parse, a SEMVER range with versions that are not SemVer) the case is left out and counted, with the
reason, in the output's header.

Outputs (paths relative to the repository root):
  mamori-core/src/test/resources/ground-truth/cases.tsv.gz
      header lines starting with '#', then  group<TAB>purl<TAB>advisory id<TAB>1|0<TAB>kind
  mamori-core/src/test/resources/ground-truth/advisories/*.jsonl.gz
      the advisories the cases need, trimmed to the fields matching reads (id, aliases, related, upstream,
      published, modified, withdrawn, affected[].package/ranges/versions); PyPI advisories are read from the
      existing mamori-core/src/test/resources/osv-pypi/osv-pypi.jsonl.gz (the same file as the corpus's).

Usage: /usr/bin/python3 tools/groundtruth/build_ground_truth.py [CORPORA_DIR]
Needs: /usr/bin/python3 with python3-packaging and python3-rpm, java (with the maven-artifact jar in ~/.m2), ruby.
Deterministic: the same corpora give byte-identical outputs (sampling is by SHA-256 of stable keys; gzip mtime 0).
"""
import datetime
import glob
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import urllib.parse
from collections import Counter, defaultdict
from functools import cmp_to_key

import packaging
import packaging.version
import rpm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
OUT_DIR = os.path.join(ROOT, "mamori-core/src/test/resources/ground-truth")
MAVEN_ARTIFACT = "3.9.11"
MAVEN_JAR = os.path.expanduser(
    f"~/.m2/repository/org/apache/maven/maven-artifact/{MAVEN_ARTIFACT}/maven-artifact-{MAVEN_ARTIFACT}.jar")

# Sampling: keeps the committed set near 1.5 MB while covering every advisory of the smaller sets.
ALMA_ADVISORY_KEEP = 3        # keep an AlmaLinux advisory when sha256(id) % 3 == 0
ALMA_PACKAGES_PER_ADVISORY = 3
PYPI_KNOWN_PER_ADVISORY = 8   # unlisted known versions per PyPI advisory (besides the boundary neighbours)
PYPI_LISTED_PER_ADVISORY = 8  # listed versions per PyPI advisory (besides the first and last listed)

FIXTURE_ECOSYSTEMS = {"Maven", "npm", "NuGet", "RubyGems", "Packagist", "Hex", "Pub", "crates.io", "Go", "PyPI"}

excluded = Counter()       # reason -> count
notes = Counter()          # informational counts


def h(*parts):
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")


# ---------------------------------------------------------------------------------------------------------------
# Oracles: compare(a, b) -> -1/0/1, raising ValueError for a version the ecosystem does not accept.

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")


def semver_parse(v):
    m = SEMVER.match(v)
    if not m:
        raise ValueError(f"not SemVer 2.0: {v}")
    pre = m.group(4)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))), (pre.split(".") if pre is not None else None)


def semver_cmp(a, b):
    """SemVer 2.0.0 section 11 precedence; build metadata is ignored."""
    (ra, pa), (rb, pb) = semver_parse(a), semver_parse(b)
    if ra != rb:
        return -1 if ra < rb else 1
    if pa is None or pb is None:
        return 0 if pa is pb else (1 if pa is None else -1)
    for x, y in zip(pa, pb):
        if x == y:
            continue
        xn, yn = x.isdigit(), y.isdigit()
        if xn and yn:
            return -1 if int(x) < int(y) else 1
        if xn != yn:
            return -1 if xn else 1
        return -1 if x < y else 1
    return (len(pa) > len(pb)) - (len(pa) < len(pb))


NUGET = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def nuget_cmp(a, b):
    """NuGet SemVer 2.0 with a fourth release number; pre-release labels compare case-insensitively."""
    def parse(v):
        m = NUGET.match(v)
        if not m:
            raise ValueError(f"not a NuGet version: {v}")
        nums = tuple(int(g or 0) for g in m.group(1, 2, 3, 4))
        return nums, (m.group(5).lower().split(".") if m.group(5) else None)
    (ra, pa), (rb, pb) = parse(a), parse(b)
    if ra != rb:
        return -1 if ra < rb else 1
    return semver_cmp("0.0.0" + ("-" + ".".join(pa) if pa else ""), "0.0.0" + ("-" + ".".join(pb) if pb else ""))


_pep440 = {}


def pypi_cmp(a, b):
    def parse(v):
        if v not in _pep440:
            try:
                _pep440[v] = packaging.version.Version(v)
            except packaging.version.InvalidVersion:
                _pep440[v] = None
        if _pep440[v] is None:
            raise ValueError(f"not PEP 440: {v}")
        return _pep440[v]
    x, y = parse(a), parse(b)
    return (x > y) - (x < y)


def evr(v):
    e, _, vr = v.rpartition(":") if ":" in v else ("0", "", v)
    ver, _, rel = vr.rpartition("-") if "-" in vr else (vr, "", "")
    if not ver:
        raise ValueError(f"not an EVR: {v}")
    return (e or "0", ver, rel)


def rpm_cmp(a, b):
    return rpm.labelCompare(evr(a), evr(b))


class PairOracle:
    """Labels pairs with an external program, in one batch per program (Maven, RubyGems)."""

    def __init__(self, cmd, name):
        self.cmd, self.name, self.known = cmd, name, {}

    def prime(self, pairs):
        todo = sorted({p for p in pairs if p not in self.known})
        if not todo:
            return
        data = "".join(f"{a}\t{b}\n" for a, b in todo)
        out = subprocess.run(self.cmd, input=data, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("#"):
                continue
            a, b, s = line.split("\t")
            self.known[(a, b)] = int(s)

    def __call__(self, a, b):
        if (a, b) not in self.known:
            self.prime([(a, b)])
        return self.known[(a, b)]


GEM_SCRIPT = ('STDIN.each_line { |l| a, b = l.chomp.split("\\t"); '
              'puts [a, b, (Gem::Version.new(a) <=> Gem::Version.new(b))].join("\\t") }')
maven_cmp = PairOracle(["java", "-cp", MAVEN_JAR, os.path.join(ROOT, "tools/oracles/MavenOracle.java")], "maven")
gem_cmp = PairOracle(["ruby", "-e", GEM_SCRIPT], "gem")

ORACLE = {"PyPI": pypi_cmp, "Go": semver_cmp, "crates.io": semver_cmp, "Bitnami": semver_cmp, "npm": semver_cmp,
          "Hex": semver_cmp, "Pub": semver_cmp, "NuGet": nuget_cmp, "AlmaLinux": rpm_cmp, "Maven": maven_cmp,
          "RubyGems": gem_cmp}


# ---------------------------------------------------------------------------------------------------------------
# OSV evaluation with an oracle

def range_contains(events, v, cmp):
    """The OSV evaluation of one range's events: sorted by version, introduced opens, fixed closes at the version,
    last_affected closes above it; limit events bound the range."""
    for e in events:
        if "limit" in e and e["limit"] != "*" and cmp(v, e["limit"]) >= 0:
            return False
    evs = [(k, x) for e in events for k, x in e.items() if k != "limit"]

    def order(p, q):
        if p[1] == "0" or q[1] == "0":
            return 0 if p[1] == q[1] else (-1 if p[1] == "0" else 1)
        return cmp(p[1], q[1])
    evs.sort(key=cmp_to_key(order))
    affected = False
    for kind, x in evs:
        if kind == "introduced" and (x == "0" or cmp(v, x) >= 0):
            affected = True
        elif kind == "fixed" and cmp(v, x) >= 0:
            affected = False
        elif kind == "last_affected" and cmp(v, x) > 0:
            affected = False
    return affected


def statements_contain(stmts, v, cmp):
    """Whether any statement (affected entry) lists v or has a non-GIT range containing it."""
    for a in stmts:
        if v in a.get("versions", []):
            return True
        for r in a.get("ranges", []):
            if r["type"] != "GIT" and range_contains(r["events"], v, cmp):
                return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# Steps: neighbours of a boundary version

def semver_steps(v):
    """(below, above) candidates of a SemVer version, as far as they can be constructed."""
    (maj, mi, pa), pre = semver_parse(v)
    build = v[v.index("+"):] if "+" in v else ""
    below, above = [], []
    if pre is None:
        if pa > 0:
            below.append(f"{maj}.{mi}.{pa - 1}{build}")
        elif mi > 0:
            below.append(f"{maj}.{mi - 1}.0{build}")
        elif maj > 0:
            below.append(f"{maj - 1}.0.0{build}")
        below.append(f"{maj}.{mi}.{pa}-rc.1{build}")          # a pre-release of the boundary sorts below it
        above.append(f"{maj}.{mi}.{pa + 1}{build}")
    else:
        ts = pseudo_time(v)
        if ts:  # Go pseudo-version: one second before and after the commit time
            below.append(v.replace(ts, shift_time(ts, -1), 1))
            above.append(v.replace(ts, shift_time(ts, +1), 1))
        above.append(f"{maj}.{mi}.{pa}{build}")               # the release sorts above its pre-releases
    return below, above


PSEUDO = re.compile(r"(?:^|[.-])(\d{14})-[0-9a-f]{12}$")


def pseudo_time(v):
    m = PSEUDO.search(v.split("+")[0])
    return m.group(1) if m else None


def shift_time(ts, seconds):
    t = datetime.datetime.strptime(ts, "%Y%m%d%H%M%S") + datetime.timedelta(seconds=seconds)
    return t.strftime("%Y%m%d%H%M%S")


def pypi_steps(v):
    pv = packaging.version.Version(v)
    below, above = [], []
    if pv.dev is None and pv.local is None:
        below.append(v + ".dev0")                  # a dev release of the boundary sorts below it
        if pv.post is None:
            above.append(v + ".post1")             # a post release sorts above it
    return below, above


def rpm_steps(v):
    """Lower and higher EVRs of the same release line as an AlmaLinux fixed version."""
    e, ver, rel = evr(v)
    below, above = [], []
    m = re.match(r"^(\d+)(.*)$", rel)
    if m and int(m.group(1)) > 1:
        below.append((e, ver, f"{int(m.group(1)) - 1}{m.group(2)}", "fixed-lower-release"))
    if ".alma" in rel:
        below.append((e, ver, rel[:rel.index(".alma")], "fixed-without-alma-patch"))
    nums = list(re.finditer(r"\d+", ver))
    for n in reversed(nums):
        if int(n.group()) > 0:
            lower = ver[:n.start()] + str(int(n.group()) - 1) + ver[n.end():]
            below.append((e, lower, rel, "fixed-lower-version"))
            break
    if m:
        above.append((e, ver, f"{int(m.group(1)) + 1}{m.group(2)}", "fixed-higher-release"))
    above.append((e, ver, rel + ".1", "fixed-rebuilt"))
    return below, above


# ---------------------------------------------------------------------------------------------------------------
# purls

def enc(s):
    return urllib.parse.quote(s, safe="")


def enc_path(s):
    return "/".join(enc(p) for p in s.split("/"))


def go_tag(semver):
    """1.20.4 -> go1.20.4, 1.21.0-rc.2 -> go1.21rc2, 1.20.0 -> go1.20 (before 1.21 a minor's first tag had no
    patch number); None when the version is not a Go release (a constructed in-between version)."""
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(?:-(beta|rc)\.(\d+))?", semver)
    if not m:
        return None
    major, minor, patch, pre, n = m.groups()
    if pre:
        return f"go{major}.{minor}{pre}{n}" if patch == "0" else None
    if patch == "0" and (int(major), int(minor)) < (1, 21):
        return f"go{major}.{minor}"
    return f"go{major}.{minor}.{patch}"


def purl(eco, name, version, qualifiers=None):
    if eco == "Go":
        p, v = f"pkg:golang/{enc_path(name)}", version if version.startswith("go") else "v" + version
    elif eco == "PyPI":
        p, v = f"pkg:pypi/{enc(name)}", version
    elif eco == "crates.io":
        p, v = f"pkg:cargo/{enc(name)}", version
    elif eco == "Bitnami":
        p, v = f"pkg:bitnami/{enc(name)}", version
    elif eco == "npm":
        p, v = ("pkg:npm/" + (enc(name.split("/")[0]) + "/" + enc(name.split("/")[1]) if name.startswith("@")
                              else enc(name))), version
    elif eco == "Maven":
        g, a = name.split(":")
        p, v = f"pkg:maven/{enc(g)}/{enc(a)}", version
    elif eco == "NuGet":
        p, v = f"pkg:nuget/{enc(name)}", version
    elif eco == "RubyGems":
        p, v = f"pkg:gem/{enc(name)}", version
    elif eco == "Packagist":
        p, v = f"pkg:composer/{enc_path(name)}", version
    elif eco == "Hex":
        p, v = f"pkg:hex/{enc(name)}", version
    elif eco == "Pub":
        p, v = f"pkg:pub/{enc(name)}", version
    else:
        raise ValueError(eco)
    out = p + "@" + enc(v)
    if qualifiers:
        out += "?" + "&".join(f"{k}={enc(x)}" for k, x in sorted(qualifiers.items()))
    return out


# ---------------------------------------------------------------------------------------------------------------

def read_jsonl(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def trim(d):
    o = {k: d[k] for k in ("id", "aliases", "related", "upstream", "published", "modified", "withdrawn") if k in d}
    o["affected"] = [{k: a[k] for k in ("package", "ranges", "versions") if k in a} for a in d.get("affected", [])]
    return o


class Cases:
    def __init__(self):
        self.rows = {}

    def add(self, group, p, adv, affected, kind):
        key = (group, p, adv)
        if key in self.rows:
            if self.rows[key][0] != affected:  # the same question reached twice must get the same answer
                raise AssertionError(f"conflicting labels for {key}")
            return
        self.rows[key] = (affected, kind)


def label(eco, stmts, v, cmp, kind, group, cases, adv_id, p):
    try:
        affected = statements_contain(stmts, v, cmp)
        if eco == "Bitnami" and statements_contain(stmts, v, revision_cmp) != affected:
            # Bitnami writes package revisions and distro builds as SemVer pre-releases ("1.81.0-1",
            # "2.4.46-10.el8", "3.6.5-8-g210218"), meaning versions AFTER the release, while the range type
            # (SEMVER) orders them before it: the two readings of the data disagree on this case
            excluded[f"{group}: label depends on a package revision written as a SemVer pre-release "
                     f"(SEMVER order and revision meaning disagree)"] += 1
            return
    except ValueError:
        excluded[f"{group}: version the {eco} oracle cannot order (not SemVer 2.0 in a SEMVER range)"
                 if eco == "Bitnami" else f"{group}: version the {eco} oracle cannot order"] += 1
        return
    cases.add(group, p, adv_id, affected, kind)


def is_revision(pre, v):
    """A pre-release part that reads as a package revision or build: it starts with a digit other than a lone 0
    (the SemVer "-0" idiom for the lowest pre-release) and is not a Go pseudo-version."""
    return pre is not None and pre[0][:1].isdigit() and pre[0] != "0" and not pseudo_time(v)


def revision_cmp(a, b):
    """The order the revision reading gives: X-N after X (N a revision), other pre-releases before X."""
    (ra, pa), (rb, pb) = semver_parse(a), semver_parse(b)
    if ra != rb:
        return -1 if ra < rb else 1
    ka = 1 if is_revision(pa, a) else (0 if pa is None else -1)
    kb = 1 if is_revision(pb, b) else (0 if pb is None else -1)
    if ka != kb:
        return -1 if ka < kb else 1
    return semver_cmp(a, b)


def boundary_candidates(eco, ranges, steps):
    """(version, kind) pairs on and around every boundary of the ranges."""
    out = []
    for r in ranges:
        if r["type"] == "GIT":
            continue
        for e in r["events"]:
            (k, x), = e.items()
            if k == "limit" or x == "0":
                if k == "introduced" and x == "0":
                    out.append(("0.0.1" if eco != "PyPI" else "0.0.1", "introduced-0-lowest"))
                continue
            try:
                below, above = steps(x)
            except (ValueError, packaging.version.InvalidVersion):
                below, above = [], []
            out.append((x, k))
            out += [(b, k + "-below") for b in below]
            out += [(a, k + "-above") for a in above]
    return out


def ecosystem_cases(group, eco, advisories, cases, steps, known=None):
    cmp = ORACLE[eco]
    for d in advisories:
        by_pkg = defaultdict(list)
        for a in d.get("affected", []):
            if a["package"]["ecosystem"] == eco:
                by_pkg[a["package"]["name"]].append(a)
        for name, stmts in sorted(by_pkg.items()):
            ranges = [r for a in stmts for r in a.get("ranges", [])]
            cand = boundary_candidates(eco, ranges, steps)
            listed = [v for a in stmts for v in a.get("versions", [])]
            if eco == "PyPI":
                cand += pypi_listing_candidates(d["id"], name, listed, known.get(name, set()), stmts)
            elif listed:
                cand += [(v, "listed") for v in listed]
            if eco == "Go" and name in ("stdlib", "toolchain"):
                # the Go distribution itself: SBOM tools write its version as the Go release tag (go1.20.4,
                # go1.21rc2) as often as in the vulndb's SemVer form; ask each case in the tag form too
                asks = [(v, kind, v) for v, kind in cand] + [(v, kind, go_tag(v)) for v, kind in cand
                                                             if go_tag(v) is not None]
            else:
                asks = [(v, kind, v) for v, kind in cand]
            for v, kind, asked in asks:
                try:
                    p = purl(eco, name, asked)
                except ValueError:
                    continue
                if d.get("withdrawn"):
                    cases.add(group, p, d["id"], False, "withdrawn")
                    continue
                if eco == "PyPI" and kind == "known-unlisted":
                    # the versions list says not affected; a range covering it would contradict the list
                    if any(equal_pypi(v, x) for x in listed):
                        notes[f"{group}: unlisted spelling of a listed version"] += 1
                        continue
                    try:
                        in_range = statements_contain([{"ranges": ranges}], v, cmp)
                    except ValueError:
                        excluded[f"{group}: version the PyPI oracle cannot order"] += 1
                        continue
                    if in_range:
                        what = ("a pre-release" if packaging.version.Version(v).is_prerelease
                                else "a final release")
                        excluded[f"{group}: {what} inside a range but missing from the versions list "
                                 f"(range and list disagree)"] += 1
                        continue
                    cases.add(group, p, d["id"], False, kind)
                    continue
                label(eco, stmts, v, cmp, kind, group, cases, d["id"], p)


def equal_pypi(a, b):
    try:
        return pypi_cmp(a, b) == 0
    except ValueError:
        return False


def pypi_listing_candidates(adv_id, name, listed, known, stmts):
    """Listed versions (affected) and other known versions up to the newest listed (not affected), sampled."""
    out = []
    valid = []
    for v in listed:
        try:
            pypi_cmp(v, v)
            valid.append(v)
        except ValueError:
            notes["pypi: listed version that is not PEP 440 (kept as a listed case)"] += 1
            out.append((v, "listed"))
    if not valid:
        return out
    order = sorted(set(valid), key=cmp_to_key(pypi_cmp))
    newest = order[-1]
    keep = {order[0], order[-1]}
    rest = sorted(set(order) - keep, key=lambda v: h(adv_id, name, v))[:PYPI_LISTED_PER_ADVISORY]
    out += [(v, "listed") for v in sorted(keep | set(rest))]
    # the last listed version before each fixed event: "fixed - epsilon" as the data gives it
    for a in stmts:
        for r in a.get("ranges", []):
            for e in r["events"]:
                if "fixed" in e:
                    try:
                        below = [v for v in order if pypi_cmp(v, e["fixed"]) < 0]
                    except ValueError:
                        continue
                    if below:
                        out.append((below[-1], "last-listed-before-fixed"))
    unlisted = []
    for v in known:
        if v in listed:
            continue
        try:
            if pypi_cmp(v, newest) <= 0:
                unlisted.append(v)
        except ValueError:
            excluded["pypi: known version that is not PEP 440"] += 1
    unlisted = sorted(unlisted, key=lambda v: h(adv_id, name, "u", v))[:PYPI_KNOWN_PER_ADVISORY]
    out += [(v, "known-unlisted") for v in sorted(unlisted)]
    return out


def pypi_known_versions(advisories):
    known = defaultdict(set)
    for d in advisories:
        for a in d.get("affected", []):
            if a["package"]["ecosystem"] != "PyPI":
                continue
            n = a["package"]["name"]
            known[n].update(a.get("versions", []))  # released versions only: range events need not be releases
    return known


def alma_cases(advisories, cases):
    group = "almalinux"
    kept = []
    releases = sorted({a["package"]["ecosystem"].split(":")[1] for d in advisories for a in d.get("affected", [])})
    for d in advisories:
        if h(d["id"]) % ALMA_ADVISORY_KEEP != 0:
            continue
        kept.append(d)
        stmts = defaultdict(list)
        for a in d.get("affected", []):
            eco, rel = a["package"]["ecosystem"].split(":")
            stmts[(rel, a["package"]["name"])].append(a)
        chosen = sorted(stmts, key=lambda k: h(d["id"], *k))[:ALMA_PACKAGES_PER_ADVISORY]
        for rel, name in sorted(chosen):
            for a in stmts[(rel, name)]:
                for r in a.get("ranges", []):
                    for e in r["events"]:
                        if "fixed" not in e:
                            continue
                        f = e["fixed"]
                        try:
                            below, above = rpm_steps(f)
                        except ValueError:
                            excluded["almalinux: fixed version that is not an EVR"] += 1
                            continue
                        fe = evr(f)
                        cand = [(fe[0], fe[1], fe[2], "fixed")] + below + above
                        if fe[0] != "0":
                            cand.append(("0", fe[1], fe[2], "fixed-epoch-omitted"))
                        for ep, ver, rl, kind in cand:
                            v = f"{ep}:{ver}-{rl}" if ep != "0" else f"{ver}-{rl}"
                            for target in releases:
                                q = {"arch": "x86_64", "distro": f"almalinux-{target}"}
                                if ep != "0":
                                    q["epoch"] = ep
                                p = (f"pkg:rpm/almalinux/{enc(name)}@{enc(ver + '-' + rl)}?"
                                     + "&".join(f"{k}={enc(x)}" for k, x in sorted(q.items())))
                                same = stmts.get((target, name), [])
                                k = kind if target == rel else kind + "-other-release"
                                if target != rel and h(d["id"], name, v, target) % 2:
                                    continue  # half of the other-release cases are enough
                                if d.get("withdrawn"):
                                    cases.add(group, p, d["id"], False, "withdrawn")
                                    continue
                                if not same:
                                    cases.add(group, p, d["id"], False, k)   # no statement for that release
                                    continue
                                label("AlmaLinux", same, v, rpm_cmp, k, group, cases, d["id"], p)
    return kept


def fixture_advisories():
    """The OSV/GHSA samples of vuls-data-update-fixtures for the ecosystems the corpora lack."""
    base = os.path.join(CORPORA, "vuls-data-update-fixtures")
    files = sorted(set(glob.glob(f"{base}/*/osv/**/*.json", recursive=True)
                       + glob.glob(f"{base}/maven/ghsa/**/GHSA-*.json", recursive=True)))
    out, seen = [], set()
    for f in files:
        try:
            d = json.load(open(f, encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(d, dict) or "id" not in d or d["id"] in seen:
            continue
        ecos = {a.get("package", {}).get("ecosystem") for a in d.get("affected", [])}
        if not ecos & {"Maven", "npm", "NuGet", "RubyGems", "Packagist", "Hex", "Pub"}:
            continue
        seen.add(d["id"])
        out.append((os.path.relpath(f, CORPORA), d))
    return out


def fixture_cases(fixtures, cases):
    group = "ghsa-fixtures"
    for _, d in fixtures:
        by = defaultdict(list)
        for a in d.get("affected", []):
            eco = a["package"]["ecosystem"]
            if eco not in FIXTURE_ECOSYSTEMS:
                excluded[f"{group}: {eco} (outside the brief's ecosystems)"] += 1
                continue
            by[(eco, a["package"]["name"])].append(a)
        for (eco, name), stmts in sorted(by.items()):
            cmp = ORACLE.get(eco)
            ranges = [r for a in stmts for r in a.get("ranges", [])]
            cand = [(v, "listed") for a in stmts for v in a.get("versions", [])]
            if cmp in (semver_cmp, nuget_cmp, pypi_cmp):
                steps = semver_steps if cmp is semver_cmp else (pypi_steps if cmp is pypi_cmp else lambda v: ([], []))
                cand += boundary_candidates(eco, ranges, steps)
            else:
                cand += boundary_candidates(eco, ranges, lambda v: ([], []))
            for v, kind in cand:
                p = purl(eco, name, v)
                if kind == "introduced-0-lowest" and cmp is None:
                    continue
                if cmp is None:
                    # no oracle (Packagist): the construction decides, and only for a single range
                    listed = {x for a in stmts for x in a.get("versions", [])}
                    if len(ranges) > 1:
                        excluded[f"{group}: {eco} case with several ranges and no order oracle"] += 1
                        continue
                    if kind == "listed" or v in listed:
                        cases.add(group, p, d["id"], True, kind)
                    elif kind in ("introduced", "last_affected"):
                        cases.add(group, p, d["id"], True, kind)
                    elif kind == "fixed":
                        cases.add(group, p, d["id"], False, kind)
                    continue
                if cmp in (maven_cmp, gem_cmp):
                    evs = {x for r in ranges for e in r["events"] for x in e.values()} | {"0.0.1"}
                    cmp.prime([(v, x) for x in evs] + [(x, y) for x in evs for y in evs])
                if kind == "listed":
                    cases.add(group, p, d["id"], True, kind)
                    continue
                label(eco, stmts, v, cmp, kind, group, cases, d["id"], p)


def write_gz(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buf, mode="wb", compresslevel=9, mtime=0) as g:
        g.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def main():
    cases = Cases()
    sets = {s: read_jsonl(os.path.join(CORPORA, s, s + ".jsonl.gz"))
            for s in ("osv-pypi", "osv-go", "osv-rustsec", "osv-bitnami", "osv-almalinux")}
    known = pypi_known_versions(sets["osv-pypi"])
    ecosystem_cases("pypi", "PyPI", sets["osv-pypi"], cases, pypi_steps, known)
    ecosystem_cases("go", "Go", sets["osv-go"], cases, semver_steps)
    ecosystem_cases("crates.io", "crates.io", sets["osv-rustsec"], cases, semver_steps)
    ecosystem_cases("bitnami", "Bitnami", sets["osv-bitnami"], cases, semver_steps)
    alma_kept = alma_cases(sets["osv-almalinux"], cases)
    fixtures = fixture_advisories()
    fixture_cases(fixtures, cases)

    adv_dir = os.path.join(OUT_DIR, "advisories")
    for s in ("osv-go", "osv-rustsec", "osv-bitnami"):
        write_gz(os.path.join(adv_dir, s + ".jsonl.gz"),
                 "".join(json.dumps(trim(d), separators=(",", ":"), ensure_ascii=False) + "\n" for d in sets[s]))
    write_gz(os.path.join(adv_dir, "osv-almalinux-sample.jsonl.gz"),
             "".join(json.dumps(trim(d), separators=(",", ":"), ensure_ascii=False) + "\n" for d in alma_kept))
    write_gz(os.path.join(adv_dir, "vuls-data-update-fixtures.jsonl.gz"),
             "".join(json.dumps(trim(d), separators=(",", ":"), ensure_ascii=False) + "\n" for _, d in fixtures))

    rows = sorted(cases.rows.items())
    per_group = Counter()
    per_label = Counter()
    for (g, _, _), (aff, _) in rows:
        per_group[g] += 1
        per_label[(g, aff)] += 1
    head = [
        "# Mamori matcher ground truth: group, purl, advisory id, expected (1 = the advisory affects the purl's "
        "version, 0 = it does not), how the case was constructed",
        "# generator: /usr/bin/python3 tools/groundtruth/build_ground_truth.py " + CORPORA,
        f"# oracles: python packaging {packaging.__version__}, rpm {rpm.__version__} labelCompare, Maven "
        f"ComparableVersion (maven-artifact {MAVEN_ARTIFACT}), Ruby "
        + subprocess.run(["ruby", "-e", "print RUBY_VERSION"], capture_output=True, text=True).stdout
        + " Gem::Version, SemVer 2.0.0 precedence (written in the generator)",
        "# sources: osv-pypi (pypa/advisory-database 3ccb6125), osv-go (golang/vulndb a752ea54), osv-rustsec "
        "(RustSec/advisory-db osv 72a63d12), osv-bitnami (bitnami/vulndb 0054d6e3), osv-almalinux "
        "(AlmaLinux/osv-database 948f47aa, sampled), vuls-data-update-fixtures (MaineK00n/vuls-data-update df506c4a)",
        f"# sampling: AlmaLinux advisories with sha256(id) % {ALMA_ADVISORY_KEEP} == 0, up to "
        f"{ALMA_PACKAGES_PER_ADVISORY} packages each, half of the other-release cases; PyPI up to "
        f"{PYPI_LISTED_PER_ADVISORY} listed (plus first and last) and {PYPI_KNOWN_PER_ADVISORY} unlisted known "
        "versions per advisory",
    ]
    head += [f"# cases {g}: {per_group[g]} ({per_label[(g, True)]} affected, {per_label[(g, False)]} not)"
             for g in sorted(per_group)]
    head += [f"# excluded {n}: {r}" for r, n in sorted(excluded.items())]
    head += [f"# note {n}: {r}" for r, n in sorted(notes.items())]
    body = "".join(f"{g}\t{p}\t{a}\t{1 if aff else 0}\t{k}\n" for (g, p, a), (aff, k) in rows)
    write_gz(os.path.join(OUT_DIR, "cases.tsv.gz"), "\n".join(head) + "\n" + body)
    print("\n".join(head))
    print("total", len(rows))


if __name__ == "__main__":
    main()
