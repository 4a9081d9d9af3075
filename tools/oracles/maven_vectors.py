#!/usr/bin/python3
"""Builds labelled Maven version pairs: real version strings from the staged corpora plus constructed
qualifier edge cases, labelled by Maven's ComparableVersion (MavenOracle.java).

Usage: /usr/bin/python3 tools/oracles/maven_vectors.py [CORPORA_DIR]
Writes mamori-core/src/test/resources/version-vectors/maven.tsv.gz.
"""
import datetime
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
JAR = os.path.expanduser("~/.m2/repository/org/apache/maven/maven-artifact/3.9.11/maven-artifact-3.9.11.jar")
OUT = os.path.join(ROOT, "mamori-core/src/test/resources/version-vectors/maven.tsv.gz")
BAD = re.compile(r"[\s\[\](),]")


def ok(v):
    return isinstance(v, str) and v and len(v) < 100 and not BAD.search(v)


def scalibr():
    out = []
    for f in sorted(glob.glob(os.path.join(CORPORA, "version-vectors-osv-scalibr/maven-versions*.txt"))):
        for line in open(f, encoding="utf-8"):
            parts = line.split()
            if len(parts) == 3 and parts[1] in "<=>":
                out += [parts[0], parts[2]]
    return out


def osv_versions(doc, ecosystem="Maven"):
    out = []
    for aff in doc.get("affected", []) or []:
        if (aff.get("package") or {}).get("ecosystem") != ecosystem:
            continue
        out += aff.get("versions", []) or []
        for r in aff.get("ranges", []) or []:
            for e in r.get("events", []):
                out += [v for k, v in e.items() if k != "introduced" or v != "0"]
    return out


def osv_records():
    out = []
    pattern = os.path.join(CORPORA, "vuls-data-update-fixtures/maven/**/*.json")
    for f in glob.glob(pattern, recursive=True):
        try:
            out += osv_versions(json.load(open(f, encoding="utf-8")))
        except (ValueError, AttributeError):
            pass
    return out


def gitlab_records():
    out = []
    pattern = os.path.join(CORPORA, "vuls-data-update-fixtures/maven/glsa/**/*.yml")
    for f in glob.glob(pattern, recursive=True):
        text = open(f, encoding="utf-8").read()
        out += re.findall(r'^- "([^"]+)"', text, re.M)  # fixed_versions list items
        m = re.search(r'^affected_range: "([^"]*)"', text, re.M)
        if m:
            out += re.findall(r"[0-9][^,\[\]()\s]*", m.group(1))
    return out


def victims():
    out = []
    for f in glob.glob(os.path.join(CORPORA, "advisories-victims-java-python/database/java/**/*.yaml"), recursive=True):
        text = open(f, encoding="utf-8").read()
        for url in re.findall(r"^\s*- (https?://\S+\.jar)\s*$", text, re.M):
            parts = url.split("/")
            if len(parts) > 3:
                out.append(parts[-2])
        for expr in re.findall(r'^\s*- "([<>=][^"]*)"', text, re.M):
            out += [p.lstrip("<>=") for p in expr.split(",")]
    return out


QUALIFIERS = ["alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot", "SNAPSHOT", "ga", "GA", "final",
              "Final", "FINAL", "release", "RELEASE", "sp", "SP", "jre", "android", "jdk8", "redhat", "x", "foo",
              "pre", "preview", "dev", "M", "RC", "CR", "Alpha", "Beta", "", "0", "1", "01", "10"]


def constructed(rng):
    bases = ["1", "1.0", "1.0.0", "1.0.1", "2", "2.0", "2.0.1", "0", "0.0", "1.1", "1.10", "31.1"]
    seps = ["-", ".", ""]
    out = []
    for b in bases:
        for q in QUALIFIERS:
            for s in seps:
                if q == "" and s:
                    continue
                out.append(b + s + q)
                for n in ["1", "2", "10"]:
                    out.append(b + s + q + rng.choice(["", "-", "."]) + n)
    out += ["1-SNAPSHOT", "1.0-alpha-1-SNAPSHOT", "1.0.0.Final-SNAPSHOT", "31.1-jre", "31.1-android",
            "2.0.0.RELEASE", "5.3.20.RELEASE", "1.0.0.GA", "1.0-sp-1", "1.0.RC1", "1.0-RC-1", "1.0.0.CR1",
            "1.0.0.Beta2", "1.0.0.Alpha1", "1.0-m1", "1.0-M1", "9.4.44.v20210927", "2.12.7.1", "1.0.0-0",
            "1.0.0-0.0", "1--1", "1-.1", "1..1", "1.-1", "1.0-", "1-", "-1", ".1", "1.", "v1.0", "V1.0",
            "1.0.0-beta.11", "1.0.0-beta.2", "20030203.000129", "2.0.0-alpha-SNAPSHOT", "1.2.3-1.2.3",
            "999999999999999999999", "9223372036854775807", "9223372036854775808", "2147483647", "2147483648",
            "1.0.0-SNAPSHOT.1", "1.0.0-20240101.123456-1", "1.0.0.FINAL", "1.0.0.Final.redhat-00001"]
    return out


def main():
    rng = random.Random(20261125)
    real = scalibr() + osv_records() + gitlab_records() + victims()
    real = sorted({v for v in real if ok(v)})
    edge = sorted({v for v in constructed(rng) if ok(v)})
    pairs = set()
    # real versions: random pairs plus neighbours in a crude numeric-prefix order (many near ties)
    key = lambda v: [int(x) if x.isdigit() else -1 for x in re.split(r"[.\-]", v)[:4]]
    ordered = sorted(real, key=lambda v: (key(v), v))
    for i in range(len(ordered) - 1):
        pairs.add((ordered[i], ordered[i + 1]))
    while len(pairs) < 9000:
        pairs.add(tuple(rng.sample(real, 2)))
    # constructed qualifier cases against each other and against real versions
    for _ in range(7000):
        pairs.add(tuple(rng.sample(edge, 2)))
    for _ in range(2000):
        pairs.add((rng.choice(edge), rng.choice(real)))
    for v in edge[:400]:
        pairs.add((v, v.upper()))
    pairs = sorted(pairs)
    cmd = ["java", "-cp", JAR, os.path.join(ROOT, "tools/oracles/MavenOracle.java")]
    res = subprocess.run(cmd, input="".join(f"{a}\t{b}\n" for a, b in pairs), capture_output=True, text=True,
                         check=True)
    lines = res.stdout.splitlines()
    oracle = lines[0].split("\t", 1)[1]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as out:
        out.write(f"# oracle: {oracle}\n")
        out.write("# command: /usr/bin/python3 tools/oracles/maven_vectors.py /work/shared/corpora\n")
        out.write(f"# date: {datetime.date.today().isoformat()}\n")
        out.write("# sources: version-vectors-osv-scalibr maven-versions*.txt (google/osv-scalibr, Apache-2.0);"
                  " vuls-data-update-fixtures maven osv/ghsa/glsa (Apache-2.0); advisories-victims-java-python"
                  " java (CC-BY-SA-4.0, version strings only); constructed qualifier edge cases\n")
        out.write(f"# real versions: {len(real)}, constructed versions: {len(edge)}, pairs: {len(lines) - 1}\n")
        out.write("# format: A<TAB>B<TAB>sign of ComparableVersion(A).compareTo(ComparableVersion(B))\n")
        for line in lines[1:]:
            out.write(line + "\n")
    print(f"{OUT}: {len(lines) - 1} pairs ({len(real)} real versions, {len(edge)} constructed)")


if __name__ == "__main__":
    main()
