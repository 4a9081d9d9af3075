#!/usr/bin/python3
"""Builds the small real-data fixtures of the matcher's named cases (dev.mamori.match.NamedMatchCasesTest).

  nvd-openssl.json      NVD CVE API 2.0 page with the OpenSSL CVEs whose ranges end on letter versions
                        (1.0.2s..1.0.2y, 1.0.2..1.0.2zi, 1.1.1..1.1.1v, <= 1.0.1m / 1.0.2a, exact 0.9.6a..). The
                        `configurations` are anchore/nvd-data-overrides' unchanged; the page envelope, `id` (from
                        `_annotation.cve_id`) and the English description (`_annotation.description`) are added so
                        the file is an API page.
  debian-dsa-openssl.json  OSV records for Debian Security Advisories DSA-5343-1 and DSA-5169-1 (openssl),
                        converted from the Debian security tracker's data/DSA/list the way OSV.dev publishes DSAs:
                        one affected entry per release ("Debian:11" for bullseye, "Debian:10" for buster), an
                        ECOSYSTEM range introduced 0, fixed at the listed version, the CVEs as `upstream`.

Usage: /usr/bin/python3 tools/groundtruth/build_named_fixtures.py [CORPORA_DIR]
"""
import gzip
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
OUT = os.path.join(ROOT, "mamori-core/src/test/resources/ground-truth/named")
CVES = ["CVE-2004-0975", "CVE-2015-4000", "CVE-2021-23839", "CVE-2023-3446"]
DSAS = ["DSA-5343-1", "DSA-5169-1"]
RELEASES = {"bullseye": "11", "buster": "10", "bookworm": "12", "stretch": "9"}


def nvd_page():
    found = {}
    path = os.path.join(CORPORA, "nvd-cpe-configs-anchore-overrides/nvd-data-overrides.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            cve = d["_annotation"]["cve_id"]
            if cve in CVES:
                found[cve] = {"cve": {"id": cve,
                                      "descriptions": [{"lang": "en", "value": d["_annotation"]["description"]}],
                                      "configurations": d["cve"]["configurations"]}}
    items = [found[c] for c in CVES]
    return {"resultsPerPage": len(items), "startIndex": 0, "totalResults": len(items), "format": "NVD_CVE",
            "version": "2.0", "timestamp": "2026-11-25T00:00:00.000", "vulnerabilities": items}


def dsa_records():
    text = open(os.path.join(CORPORA, "debian-security-tracker/data/DSA/list"), encoding="utf-8").read()
    out = []
    for block in re.split(r"\n(?=\[)", text):
        head = re.match(r"\[(\d\d \w\w\w \d{4})\] (DSA-\d+-\d+) (\S+)", block)
        if not head or head.group(2) not in DSAS:
            continue
        cves = re.findall(r"CVE-\d+-\d+", block)
        affected = []
        for rel, pkg, fixed in re.findall(r"\[(\w+)\] - (\S+) (\S+)", block):
            affected.append({"package": {"ecosystem": f"Debian:{RELEASES[rel]}", "name": pkg,
                                         "purl": f"pkg:deb/debian/{pkg}?arch=source"},
                             "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": fixed}]}]})
        out.append({"schema_version": "1.7.0", "id": head.group(2), "upstream": cves,
                    "summary": f"{head.group(3)} - security update", "affected": affected})
    return sorted(out, key=lambda r: DSAS.index(r["id"]))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "nvd-openssl.json"), "w", encoding="utf-8") as f:
        json.dump(nvd_page(), f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "debian-dsa-openssl.json"), "w", encoding="utf-8") as f:
        json.dump(dsa_records(), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
