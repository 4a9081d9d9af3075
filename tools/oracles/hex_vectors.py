#!/usr/bin/python3
"""Labels Hex vectors with Elixir's own Version module (Debian elixir package).

This script gathers candidate versions and requirements (Python), then runs `elixir` on an embedded script that
labels them with Version.compare/2, Version.match?/2 (default allow_pre: true) and Version.parse/1 /
Version.parse_requirement/1.

Writes, under mamori-core/src/test/resources/version-vectors/:
  hex.tsv.gz            A<TAB>B<TAB>-1|0|1   Version.compare(A, B)
  hex-satisfies.tsv.gz  VERSION<TAB>REQUIREMENT<TAB>true|false   Version.match?(VERSION, REQUIREMENT)
  hex-invalid.tsv.gz    version|requirement|requirement-extension<TAB>TEXT   text Elixir rejects;
                        requirement-extension rows (a MAJOR.MINOR version after an operator other than ~>)
                        are accepted by Mamori on purpose

Sources: real SemVer strings from OSV RustSec and Go advisories (Go's leading v dropped), osv-scalibr's
semver-versions.txt and pub-versions.txt, and constructed edge cases.
Run from the repository root:  /usr/bin/python3 tools/oracles/hex_vectors.py [CORPORA_DIR]
"""
import datetime
import gzip
import io
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile

CORPORA = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
OUT = "mamori-core/src/test/resources/version-vectors"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")

ELIXIR = r'''
[input, output] = System.argv()
labels =
  input
  |> File.stream!()
  |> Stream.map(&String.trim_trailing(&1, "\n"))
  |> Enum.map(fn line ->
    case String.split(line, "\t") do
      ["C", a, b] ->
        case {Version.parse(a), Version.parse(b)} do
          {{:ok, _}, {:ok, _}} ->
            s = %{lt: -1, eq: 0, gt: 1}[Version.compare(a, b)]
            "C\t#{a}\t#{b}\t#{s}"
          _ -> "X\t#{a}\t#{b}"
        end
      ["M", v, r] ->
        case {Version.parse(v), Version.parse_requirement(r)} do
          {{:ok, _}, {:ok, req}} -> "M\t#{v}\t#{r}\t#{Version.match?(v, req)}"
          {{:ok, _}, :error} -> "BADREQ\t#{r}"
          _ -> "X\t#{v}\t#{r}"
        end
      ["V", v] ->
        case Version.parse(v) do
          {:ok, _} -> "OKV\t#{v}"
          :error -> "BADV\t#{v}"
        end
      ["R", r] ->
        case Version.parse_requirement(r) do
          {:ok, _} -> "OKR\t#{r}"
          :error -> "BADR\t#{r}"
        end
    end
  end)
File.write!(output, Enum.join(labels, "\n") <> "\n")
IO.puts("elixir " <> System.version())
'''


def real_versions():
    out = set()
    for fn, strip_v in (("osv-rustsec/osv-rustsec.jsonl.gz", False), ("osv-go/osv-go.jsonl.gz", True)):
        with gzip.open(os.path.join(CORPORA, fn), "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                for aff in doc.get("affected", []) or []:
                    vals = list(aff.get("versions", []) or [])
                    for r in aff.get("ranges", []) or []:
                        for e in r.get("events", []):
                            vals.extend(e.values())
                    for v in vals:
                        if strip_v and v.startswith("v"):
                            v = v[1:]
                        if SEMVER.match(v):
                            out.add(v)
    for fn in ("semver-versions.txt", "pub-versions.txt"):
        for line in open(os.path.join(CORPORA, "version-vectors-osv-scalibr", fn), encoding="utf-8"):
            m = re.match(r"^(\S+) [<=>] (\S+)$", line.strip())
            if m:
                out.update(x for x in m.groups() if SEMVER.match(x))
    return sorted(out)


EDGE = [
    "0.0.0", "0.0.1", "0.1.0", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "2.1.0", "2.1.3", "2.2.0", "3.0.0", "10.0.0",
    "1.0.0-0", "1.0.0-1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.1.2", "1.0.0-alpha.beta", "1.0.0-beta",
    "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-rc1", "1.0.0-RC1", "1.0.0-rc-1", "1.0.0-10",
    "1.0.0-2", "1.0.0-a.b.c", "1.0.0+build", "1.0.0+build.1", "1.0.0-rc.1+build", "1.0.0+001", "1.0.0-dev",
    "2.0.0-0", "2.0.0-rc.1", "2.0.0-dev", "2.1.0-dev", "2.1.3-dev", "2.2.0-0", "2.2.0-dev", "3.0.0-0",
    "3.0.0-rc.1", "0.0.0-0", "1.2.3-x-y-z", "1.2.3--", "999999999999999999999.0.0",
    "1.0.0-999999999999999999999", "1.0.0-a-", "1.0.0-Z", "1.0.0-z",
]
INVALID_VERSIONS = ["1.0", "1", "v1.0.0", "01.0.0", "1.00.0", "1.0.0-01", "1.0.0-", "1.0.0+", "1.0.0-a..b",
                    " 1.0.0", "1.0.0 ", "1.0.0.0", "1.0.0-a_b", "1.0.0+a+b", "", "1.0.0-é", "a.b.c", "1..0",
                    "-1.0.0", "1.0.0-rc.01"]
REQUIREMENTS = [
    "~> 2.0", "~> 2.1", "~> 2.0.0", "~> 2.1.2", "~> 2.1.3-dev", "~> 2.1-dev", "~> 1.0", "~> 0.1", "~> 0.1.0",
    "== 1.0.0", "1.0.0", "!= 1.0.0", "! 1.0.0", "> 1.0.0", ">= 1.0.0", "< 2.0.0", "<= 2.0.0", ">1.0.0",
    ">= 1.0.0 and < 2.0.0", ">= 1.0.0 and < 2.0.0 or == 3.0.0", "== 1.0.0 or == 2.0.0 and == 3.0.0",
    "< 1.0.0-beta", "> 1.0.0-alpha.1", ">= 1.0.0-rc.1", "< 2.0.0-0", "<= 1.0.0-rc.1", "> 1.0.0-rc.1",
    "== 1.0.0-rc.1", "== 1.0.0+build", ">= 2.1.0", ">= 2.1.0-dev", "~> 2.0 or ~> 3.0", ">=1.0.0  and  <2.0.0",
    "~> 1.0.0-rc.1", "< 1.0.0", ">= 0.0.0", "~>2.1", "1.0.0 or 2.0.0",
]
INVALID_REQUIREMENTS = ["", "~> 2", ">= 1.0", "< 2.0 and >= 1.0", "== == 1.0.0", "1.0.0 and", "and 1.0.0",
                        ">= 1.0.0 && < 2.0.0", ">= 1.0.0, < 2.0.0", "=> 1.0.0",
                        ">= v1.0.0", "~> 1", "~>", ">= 1.0.0 or", "1.0.0 1.0.1"]


def pad(requirement):
    """The requirement with MAJOR.MINOR versions after operators other than ~> completed with .0."""
    return re.sub(r"(^|[<>=!]\s*|\s)(\d+\.\d+)(?![.\d])", r"\1\2.0", requirement)


def gz_text(path):
    """A gzip text writer with a fixed header time, so regenerating unchanged vectors changes no bytes."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf-8")


def main():
    rng = random.Random(1414)
    real = real_versions()
    edge = EDGE[:]
    requests = []
    for a, b in itertools.combinations(edge, 2):
        requests.append(("C", a, b) if rng.random() < 0.5 else ("C", b, a))
    for a in edge:
        requests.append(("C", a, a))
    pool = sorted(set(real) | set(edge))
    for _ in range(9000):
        requests.append(("C", rng.choice(pool), rng.choice(pool)))
    # requirements from real versions: ranges like OSV events would give, plus ~> forms
    reqs = list(REQUIREMENTS)
    for _ in range(400):
        a, b = sorted((rng.choice(real), rng.choice(real)), key=lambda x: [int(p) for p in
                                                                             re.split(r"[-+]", x)[0].split(".")])
        op = rng.choice([">= {a} and < {b}", "> {a} and <= {b}", "~> {m}", "== {a}", "!= {a}", "< {a}",
                         ">= {a}", "< {a} or >= {b}", "~> {a}"])
        m = ".".join(a.split("-")[0].split("+")[0].split(".")[:2])
        reqs.append(op.format(a=a, b=b, m=m))
    for r in reqs:
        for v in rng.sample(pool, 12) + rng.sample(edge, 20):
            requests.append(("M", v, r))
    for v in INVALID_VERSIONS:
        requests.append(("V", v))
    for r in INVALID_REQUIREMENTS:
        requests.append(("R", r))
        requests.append(("R", pad(r)))

    with tempfile.TemporaryDirectory() as tmp:
        inp, outp, script = (os.path.join(tmp, n) for n in ("in.tsv", "out.tsv", "label.exs"))
        with open(inp, "w", encoding="utf-8") as f:
            for r in dict.fromkeys(requests):
                f.write("\t".join(r) + "\n")
        with open(script, "w", encoding="utf-8") as f:
            f.write(ELIXIR)
        run = subprocess.run(["elixir", script, inp, outp], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        banner = run.stdout.strip().splitlines()[-1]
        labelled = open(outp, encoding="utf-8").read().splitlines()

    header = [
        f"# oracle: {banner} (Debian elixir; Version.compare/2, Version.match?/2 with default allow_pre: true)",
        "# generated by: /usr/bin/python3 tools/oracles/hex_vectors.py (seed 1414) on "
        + datetime.date.today().isoformat(),
        "# sources: OSV RustSec and Go advisories (SemVer strings), osv-scalibr semver-versions.txt and "
        "pub-versions.txt (google/osv-scalibr@c2094f2d68e3994551d9998a54e2e97985a18a39), constructed edge cases",
    ]
    pairs = [l[2:] for l in labelled if l.startswith("C\t")]
    sat = [l[2:] for l in labelled if l.startswith("M\t")]
    bad = sorted({("version", l.split("\t", 1)[1]) for l in labelled if l.startswith("BADV\t")}
                 | {("requirement", l.split("\t", 1)[1]) for l in labelled if l.startswith(("BADR\t", "BADREQ\t"))})
    accepted = {l.split("\t", 1)[1] for l in labelled if l.startswith("OKR\t")}
    bad = [("requirement-extension" if k == "requirement" and pad(t) != t and pad(t) in accepted else k, t)
           for k, t in bad]
    with gz_text(os.path.join(OUT, "hex.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: A<TAB>B<TAB>Version.compare(A, B) as -1|0|1\n")
        f.write("\n".join(pairs) + "\n")
    with gz_text(os.path.join(OUT, "hex-satisfies.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: VERSION<TAB>REQUIREMENT<TAB>Version.match?(VERSION, REQUIREMENT)\n")
        f.write("\n".join(sat) + "\n")
    with gz_text(os.path.join(OUT, "hex-invalid.tsv.gz")) as f:
        f.write("\n".join(header) + "\n# columns: version|requirement|requirement-extension<TAB>TEXT Elixir rejects "
                "(requirement-extension: accepted by Mamori on purpose)\n")
        for k, t in bad:
            if "\t" not in t:
                f.write(f"{k}\t{t}\n")
    print(f"{banner}: hex.tsv.gz {len(pairs)} pairs; hex-satisfies.tsv.gz {len(sat)} checks "
          f"({sum(s.endswith('true') for s in sat)} true); hex-invalid.tsv.gz {len(bad)} rows")


if __name__ == "__main__":
    main()
