#!/usr/bin/python3
"""Generates mamori-core/src/test/resources/version-vectors/rpm.tsv.gz: RPM EVR pairs labelled by python3-rpm.

Usage (from the repository root, with the corpora staged):
    /usr/bin/python3 tools/oracles/rpm_vectors.py [--corpora /work/shared/corpora] [--pairs 14000]

Each EVR string is split the way rpm's parseEVR splits it (epoch = leading digits before ':', release = text
after the last '-'), then the pair is labelled with rpm.labelCompare((E, V, R), (E, V, R)) (missing epoch -> "0",
missing release -> None, which sorts before any release).
"""
import argparse
import datetime
import gzip
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import distro_pairs as dp  # noqa: E402

SEED = 20261125
OUT = "mamori-core/src/test/resources/version-vectors/rpm.tsv.gz"

EDGE = [
    "1", "1.0", "1.0.0", "1.00", "1.01", "1.1", "1.0-1", "1.0-0", "1.0-", "1-", "1-1", "1-1.", "0:1.0", "1:1.0",
    "01:1.0", "2:0.1", "0:1.0-1", "1:1.0-1", "10:1", "9:1",
    "1.0~rc1", "1.0~rc1-1", "1.0~rc2", "1.0~~", "1.0~", "1.0~rc1~git1", "1.0~rc1^git1", "1.0^", "1.0^git1",
    "1.0^git2", "1.0^20160101", "1.0^20160101^git1", "1.0^git1~pre", "1.0.1", "1.0a", "1.0aa", "1.0b", "1.0.a",
    "1.0_1", "1.0+1", "1_0", "1.0.", "a", "b", "a1", "1a", "xyz10", "xyz.4", "10xyz", "10.1xyz", "5.5p1", "5.5p10",
    "6.0.rc1", "6.0", "2.0.1a", "20101121", "10.0001", "10.0039", "4.999.9", "5.0",
    "0:3.10.0-229.el7", "0:3.10.0-229.1.2.ael7b", "0:3.10.0-229.1.2.el7", "0:2.4.21-9.EL", "0:2.4.21-9.0.1.EL",
    "1.2.3-4.el8", "1.2.3-4.el8_10", "1.2.3-4.el8_10.1", "1.2.3-4.el8_10.alma", "1.2.3-4.el8_10.alma.1",
    "1.2.3-4.module_el8.10.0+4124+c9cb0592", "1.2.3-4.module+el8.10.0+4124+c9cb0592", "1.2.3-5.el8",
    "1.2.3-4.fc39", "1.2.3-4.amzn2", "1.2.3-4.amzn2023", "1.2.3-4.0.1.el9", "1.2.3-4.el9.0.1",
    "2:8.0.1763-21.el8_10", "2:8.0.1763-19.el8_6.4", "1:1.1.1k-12.el8_9", "1:1.1.1k-7.el8_6", "1:3.0.7-27.el9",
    "128.12.0-1.el10_0", "4.18.0-553.84.1.rt7.425.el8_10", "4.18.0-553.84.1.el8_10", "1:9.0.62-37.el9_3.2",
    "18446744073709551615", "18446744073709551616", "99999999999999999999999", "0001", "1.0-01", "1.0-1.0",
]


def split_evr(evr):
    i = 0
    while i < len(evr) and "0" <= evr[i] <= "9":
        i += 1
    epoch, start = None, 0
    if i < len(evr) and evr[i] == ":":
        epoch, start = evr[:i], i + 1
    h = evr.rfind("-")
    if h >= start:
        return epoch, evr[start:h], evr[h + 1:]
    return epoch, evr[start:], None


def valid(v):
    if not v or len(v) > 120 or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in v):
        return False
    if not all(c.isascii() for c in v):
        return False
    if v.startswith(":"):
        return False
    _, ver, _ = split_evr(v)
    return bool(ver)


def mutate(v, rng):
    out = dp.digit_mutations(v, rng)
    e, ver, rel = split_evr(v)
    pre = (e + ":") if e is not None else ""
    tail = ("-" + rel) if rel is not None else ""
    out += [ver + tail if e is not None else "1:" + v, "0:" + ver + tail]
    out += [pre + ver + "~rc1" + tail, pre + ver + "^git1" + tail, pre + ver + ".1" + tail,
            pre + ver + "a" + tail, pre + ver.replace(".", "_") + tail]
    if rel is not None:
        out += [pre + ver, pre + ver + "-" + rel + ".1", pre + ver + "-" + rel + "~1",
                pre + ver + "-" + rel.replace("el8", "el8_10").replace("el9", "el9_4"),
                pre + ver + "-" + rel + ".alma", pre + ver + "-" + rel + "^1"]
    else:
        out += [v + "-1", v + "-0", v + "-"]
    return [m for m in out if m != v]


def collect(corpora):
    groups, sources = [], []
    by_pkg = {}
    path = os.path.join(corpora, "osv-almalinux/osv-almalinux.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            for a in d.get("affected", []):
                name = a.get("package", {}).get("name", "")
                for r in a.get("ranges", []):
                    for ev in r.get("events", []):
                        for v in ev.values():
                            if v != "0":
                                by_pkg.setdefault(name, []).append(v)
                by_pkg.setdefault(name, []).extend(a.get("versions", []))
    sources.append("osv-almalinux/osv-almalinux.jsonl.gz")
    evr_re = re.compile(r"(?<![\w.+~^:-])\d+:[0-9][A-Za-z0-9._+~^]*-[A-Za-z0-9._+~^]*[A-Za-z0-9]")
    roots = ["vunnel-fixtures/providers/" + p for p in
             ("rhel", "oracle", "rocky", "alma", "amazon", "fedora", "mariner", "sles", "photon")]
    roots += ["vuls-data-update-fixtures/" + p for p in
              ("redhat", "oracle", "suse", "alma", "rocky", "fedora", "photon", "openeuler", "anolis", "mageia")]
    for root in roots:
        full = os.path.join(corpora, root)
        if not os.path.isdir(full):
            continue
        sources.append(root)
        for path in dp.iter_files(full):
            text = dp.read_text(path)
            found = evr_re.findall(text)
            if found:
                by_pkg.setdefault(path, []).extend(found)
            if path.endswith((".json", ".json.gz")):
                doc = dp.load_json_any(path)
                if doc is not None:
                    js = {}
                    dp.json_versions(doc, js)
                    for k, vs in js.items():
                        by_pkg.setdefault(path + "#" + k, []).extend(vs)
    plausible = re.compile(r"^(\d+:)?[0-9][A-Za-z0-9._+~^]*(-[A-Za-z0-9._+~^]+)?$")
    groups.extend([v for v in g if plausible.match(v)] for g in by_pkg.values())
    groups.extend(dp.scalibr_groups(os.path.join(corpora, "version-vectors-osv-scalibr/redhat-versions.txt")))
    sources.append("version-vectors-osv-scalibr/redhat-versions.txt")
    return groups, sources


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default="/work/shared/corpora")
    ap.add_argument("--pairs", type=int, default=14000)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()

    import rpm

    groups, sources = collect(args.corpora)
    real = {v for g in groups for v in g if valid(v)}
    pairs = dp.build_pairs(groups, EDGE, mutate, valid, SEED, args.pairs)
    rows = []
    for a, b in pairs:
        ea, va, ra = split_evr(a)
        eb, vb, rb = split_evr(b)
        c = rpm.labelCompare((ea or "0", va, ra), (eb or "0", vb, rb))
        rows.append((a, b, (c > 0) - (c < 0)))
    used = {v for p in pairs for v in p}
    pkg = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-rpm"], capture_output=True,
                         text=True).stdout.strip()
    header = [
        f"oracle: python3-rpm {pkg} (rpm {rpm.__version__}) rpm.labelCompare((E,V,R),(E,V,R)); "
        "column 3 = sign of compare(A, B)",
        "split: epoch = leading digits before ':' (missing -> '0'), release = after the last '-' (missing -> None)",
        f"generated by: /usr/bin/python3 tools/oracles/rpm_vectors.py --pairs {args.pairs} (seed {SEED})",
        f"date: {datetime.date.today().isoformat()}",
        f"pairs: {len(rows)}; distinct versions: {len(used)} ({len(real & used)} real, rest constructed)",
        "sources (/work/shared/corpora): " + ", ".join(sorted(set(sources))),
    ]
    dp.write_vectors(args.out, header, rows)
    print(f"wrote {len(rows)} pairs to {args.out}")


if __name__ == "__main__":
    main()
