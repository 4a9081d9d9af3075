#!/usr/bin/python3
"""Generates mamori-core/src/test/resources/version-vectors/deb.tsv.gz: Debian version pairs labelled by dpkg.

Usage (from the repository root, with the corpora staged):
    /usr/bin/python3 tools/oracles/deb_vectors.py [--corpora /work/shared/corpora] [--pairs 14000]

Every pair is labelled with `dpkg --compare-versions A lt B` / `eq` (run in parallel) and cross-checked with
python3-apt's apt_pkg.version_compare; every version used is accepted by `dpkg --validate-version`.
"""
import argparse
import concurrent.futures
import datetime
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import distro_pairs as dp  # noqa: E402

SEED = 20261125
OUT = "mamori-core/src/test/resources/version-vectors/deb.tsv.gz"

EDGE = [
    "0", "0:0", "0.0", "00", "1", "1.0", "1.00", "1.0-0", "1.0-00", "0:1.0", "1:1.0", "01:1.0", "2:0.1",
    "1.0~", "1.0~~", "1.0~~a", "1.0~a", "1.0~rc1", "1.0~rc1-1", "1.0~rc2", "1.0~beta1", "1.0~~rc1", "1.0a",
    "1.0+", "1.0+b1", "1.0+deb11u1", "1.0.", "1.0.0", "1.0-1", "1.0-1~bpo11+1", "1.0-1+deb11u1", "1.0-1ubuntu1",
    "1.0-1ubuntu0.1", "1.0-1ubuntu0.20.04.1", "1.0-1build1", "1.0-1.1", "1.0-1+b1", "1.0-1~exp1",
    "1.1.1n-0+deb11u5", "1.1.1n-0+deb11u4", "1.1.1n-0+deb10u6", "1.1.1w-0+deb11u1", "1.1.1n-0ubuntu0.1",
    "2:1.0~rc1-1ubuntu0.1", "2:1.0~rc1-1", "2:1.0-1", "1:2.0~rc1-1ubuntu0.1",
    "1.2.3-4-5", "1.2-3-4", "1:2:3-4", "1:2.3:4-5", "1.0-a", "1.0-A", "1.0-a~", "1.0-+", "1.0-.",
    "1a", "1A", "1Z", "1z", "1.a", "1.+", "1.~", "1~", "1~~", "1~~~", "1+", "1.", "1-1", "1-1~", "1-0",
    "9", "10", "009", "0010", "4294967295", "4294967296", "99999999999999999999", "100000000000000000000",
    "2147483647:1", "2.7.4+reloaded2-13ubuntu1", "2.7.4+reloaded2-13+deb9u1", "2.7.4+reloaded2-13",
    "1:8.1.1+ds-2", "3.0.20-0+deb12u1", "3.0.20-1", "2:1.20.11-1+deb11u6", "119.0.6045.105-1",
    "4.14.5+94-ge49571868d-1", "14.4.2+git20190427-2+deb11u2", "5.10.0-0.deb10.16", "5.10.127-1",
]


def valid(v):
    """dpkg's parseversion rules, warnings included."""
    if not v or any(c.isspace() for c in v):
        return False
    rest = v
    if ":" in v:
        e, rest = v.split(":", 1)
        if not e or not e.isascii() or not e.isdigit() or int(e) > 2147483647 or not rest:
            return False
    up, rev = rest, ""
    if "-" in rest:
        up, rev = rest.rsplit("-", 1)
        if not rev:
            return False
    if not up or not ("0" <= up[0] <= "9"):
        return False
    if any(not (c.isascii() and (c.isalnum() or c in ".+~-:")) for c in up):
        return False
    return all(c.isascii() and (c.isalnum() or c in ".+~") for c in rev)


def mutate(v, rng):
    out = dp.digit_mutations(v, rng)
    epoch, rest = ("", v)
    if ":" in v:
        epoch, rest = v.split(":", 1)
        out.append(rest)
    else:
        out.append("0:" + v)
        out.append("1:" + v)
    up, rev = (rest.rsplit("-", 1) + [None])[:2] if "-" in rest else (rest, None)
    pre = (epoch + ":") if epoch else ""
    out.append(pre + up + "~rc1" + ("-" + rev if rev else ""))
    out.append(pre + up + "+dfsg" + ("-" + rev if rev else ""))
    if rev:
        out.append(pre + up)
        out.append(pre + up + "-" + rev + "+deb12u1")
        out.append(pre + up + "-" + rev + "~deb11u1")
        out.append(pre + up + "-" + rev + "ubuntu0.1")
        out.append(pre + up + "-" + rev + "build1")
        out.append(pre + up + "-0")
    else:
        out.append(v + "-1")
        out.append(v + "-0")
    return [m for m in out if m != v]


def collect(corpora):
    groups = []
    sources = []
    # Debian security tracker DSA/DLA/DTSA lists (and the excerpts inside the vuls fixtures)
    line_re = re.compile(r"^\s+\[(\w+)\]\s+-\s+(\S+)\s+(\S+)|^\s+-\s+(\S+)\s+(\S+)")
    roots = [os.path.join(corpora, "debian-security-tracker"),
             os.path.join(corpora, "vuls-data-update-fixtures/debian/tracker/salsa/security-tracker-master.tar.gz.d")]
    by_pkg = {}
    for root in roots:
        for path in dp.iter_files(root):
            if not path.endswith("/list") or "/CPE/" in path:
                continue
            sources.append(os.path.relpath(path, corpora))
            for line in dp.read_text(path).splitlines():
                m = line_re.match(line)
                if m:
                    pkg, ver = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
                    if not ver.startswith("<"):
                        by_pkg.setdefault(pkg, []).append(ver)
    # Sources indexes in the vuls fixtures
    for path in dp.iter_files(os.path.join(corpora, "vuls-data-update-fixtures/debian")):
        if path.endswith("/Sources"):
            pkg = None
            for line in dp.read_text(path).splitlines():
                if line.startswith("Package: "):
                    pkg = line[9:].strip()
                elif line.startswith("Version: ") and pkg:
                    by_pkg.setdefault(pkg, []).append(line[9:].strip())
    sources.append("vuls-data-update-fixtures/debian/tracker/salsa/**/Sources")
    # Ubuntu CVE tracker: "release_pkg: released (version)"
    rel_re = re.compile(r"^(\S+?)_(\S+):\s+\w+\s+\(([^)\s]+)\)")
    for path in dp.iter_files(os.path.join(corpora, "vuls-data-update-fixtures/ubuntu/tracker")):
        for line in dp.read_text(path).splitlines():
            m = rel_re.match(line)
            if m:
                by_pkg.setdefault(m.group(2), []).append(m.group(3))
    sources.append("vuls-data-update-fixtures/ubuntu/tracker")
    # JSON: Debian tracker JSON, Ubuntu OSV/USN/VEX, legacy feeds
    for root in ["vunnel-fixtures/providers/debian", "vunnel-fixtures/providers/ubuntu",
                 "vuls-data-update-fixtures/debian", "vuls-data-update-fixtures/ubuntu"]:
        for path in dp.iter_files(os.path.join(corpora, root), (".json", ".json.gz")):
            doc = dp.load_json_any(path)
            if doc is None:
                continue
            found = {}
            dp.json_versions(doc, found)
            for k, vs in found.items():
                by_pkg.setdefault(k, []).extend(vs)
        sources.append(root)
    groups.extend(by_pkg.values())
    # osv-scalibr vectors (dpkg-ordered versions from the OSV database)
    for f in ["debian-versions.txt", "debian-versions-generated.txt"]:
        path = os.path.join(corpora, "version-vectors-osv-scalibr", f)
        groups.extend(dp.scalibr_groups(path))
        sources.append("version-vectors-osv-scalibr/" + f)
    return groups, sources


def dpkg_ok(v):
    return subprocess.run(["dpkg", "--validate-version", v], capture_output=True).returncode == 0


def dpkg_cmp(pair):
    a, b = pair
    if subprocess.run(["dpkg", "--compare-versions", a, "lt", b], capture_output=True).returncode == 0:
        return -1
    if subprocess.run(["dpkg", "--compare-versions", a, "eq", b], capture_output=True).returncode == 0:
        return 0
    return 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default="/work/shared/corpora")
    ap.add_argument("--pairs", type=int, default=14000)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    import apt_pkg
    apt_pkg.init_system()

    groups, sources = collect(args.corpora)
    real = {v for g in groups for v in g if valid(v)}
    pairs = dp.build_pairs(groups, EDGE, mutate, valid, SEED, args.pairs)
    used = sorted({v for p in pairs for v in p})
    with concurrent.futures.ThreadPoolExecutor(args.workers) as ex:
        ok = dict(zip(used, ex.map(dpkg_ok, used)))
    rejected = [v for v in used if not ok[v]]
    pairs = [p for p in pairs if ok[p[0]] and ok[p[1]]]
    with concurrent.futures.ThreadPoolExecutor(args.workers) as ex:
        labels = list(ex.map(dpkg_cmp, pairs))
    disagree = 0
    for (a, b), s in zip(pairs, labels):
        c = apt_pkg.version_compare(a, b)
        if (c > 0) - (c < 0) != s:
            disagree += 1
            print("apt_pkg disagrees:", a, b, s, c, file=sys.stderr)
    dpkg_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "dpkg"], capture_output=True,
                                  text=True).stdout.strip()
    apt_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-apt"], capture_output=True,
                                 text=True).stdout.strip()
    header = [
        f"oracle: dpkg {dpkg_version} `dpkg --compare-versions A lt|eq B`; column 3 = sign of compare(A, B)",
        f"cross-check: python3-apt {apt_version} apt_pkg.version_compare, {disagree} disagreements",
        f"validity: every version accepted by `dpkg --validate-version` ({len(rejected)} candidates dropped)",
        "generated by: /usr/bin/python3 tools/oracles/deb_vectors.py "
        f"--pairs {args.pairs} (seed {SEED})",
        f"date: {datetime.date.today().isoformat()}",
        f"pairs: {len(pairs)}; distinct versions: {len(used)} ({len(real & set(used))} real, rest constructed)",
        "sources (/work/shared/corpora): " + ", ".join(sorted(set(sources))),
    ]
    dp.write_vectors(args.out, header, [(a, b, s) for (a, b), s in zip(pairs, labels)])
    print(f"wrote {len(pairs)} pairs to {args.out}; apt_pkg disagreements: {disagree}; dropped: {rejected[:20]}")


if __name__ == "__main__":
    main()
