#!/usr/bin/env node
// Builds labelled Go-module and Cargo version pairs from real OSV data, labelled with the npm `semver`
// package's compare: both ecosystems order versions by SemVer 2.0.0 precedence (Go's x/mod semver.Compare,
// Rust's semver crate minus build metadata), which node-semver implements for numbers below 2^53.
//   version-vectors/golang.tsv.gz   versions from osv-go (golang/vulndb), with and without the `v` prefix,
//                                   incl. pseudo-versions and +incompatible
//   version-vectors/cargo.tsv.gz    versions from osv-rustsec (RustSec/advisory-db)
// Usage: node tools/oracles/semver_family_vectors.js /tmp/oracle-npm/node_modules/semver [/work/shared/corpora]
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const semverDir = process.argv[2]
const corpora = process.argv[3] || '/work/shared/corpora'
const semver = require(path.resolve(semverDir))
const semverVersion = JSON.parse(fs.readFileSync(path.join(semverDir, 'package.json'), 'utf8')).version
const outDir = path.resolve(__dirname, '..', '..', 'mamori-core/src/test/resources/version-vectors')

let seed = 20261125
const rnd = () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}
const pick = (a) => a[Math.floor(rnd() * a.length)]

const osvVersions = (file) => {
  const out = new Set()
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')
  for (const line of lines) {
    if (!line.trim()) continue
    const d = JSON.parse(line)
    for (const a of d.affected || []) {
      for (const v of a.versions || []) out.add(v)
      for (const r of a.ranges || []) {
        if (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM') continue
        for (const e of r.events || []) {
          for (const [k, v] of Object.entries(e)) if (!(k === 'introduced' && v === '0')) out.add(v)
        }
      }
    }
  }
  return [...out].filter((v) => typeof v === 'string' && semver.valid(v) !== null &&
    !/(^|[.-])\d{16,}/.test(v.split('+')[0]))
}

const build = (name, versions, extra, sources) => {
  const pairs = new Set()
  const sorted = [...versions].sort(semver.compare)
  for (let i = 0; i + 1 < sorted.length; i++) pairs.add(sorted[i] + '\t' + sorted[i + 1])
  const byMain = new Map()
  for (const v of versions) {
    const k = semver.parse(v).version.split('-')[0]
    if (!byMain.has(k)) byMain.set(k, [])
    byMain.get(k).push(v)
  }
  for (const g of byMain.values()) for (let i = 0; i < Math.min(20, g.length * 2); i++) pairs.add(pick(g) + '\t' + pick(g))
  while (pairs.size < 11000) pairs.add(pick(versions) + '\t' + pick(versions))
  for (const p of extra) pairs.add(p)
  const lines = [...pairs].sort().map((p) => {
    const [a, b] = p.split('\t')
    return `${a}\t${b}\t${semver.compare(a, b)}`
  })
  const head = [
    `# oracle: npm semver ${semverVersion} semver.compare(A, B) (SemVer 2.0.0 precedence, build metadata ignored)`,
    `# command: node tools/oracles/semver_family_vectors.js /tmp/oracle-npm/node_modules/semver /work/shared/corpora`,
    `# date: ${new Date().toISOString().slice(0, 10)}`,
    `# sources: ${sources}`,
    `# real versions: ${versions.length}, pairs: ${lines.length}`,
    '# format: A<TAB>B<TAB>sign of semver.compare(A, B)',
  ].join('\n') + '\n'
  fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(head + lines.join('\n') + '\n', { level: 9 }))
  console.log(`${name}: ${lines.length} pairs from ${versions.length} versions`)
}

const go = osvVersions(path.join(corpora, 'osv-go/osv-go.jsonl.gz'))
const goExtra = []
for (let i = 0; i < 1500; i++) { // the same versions with the `v` prefix Go itself writes
  const a = pick(go)
  const b = pick(go)
  goExtra.push(`v${a}\t${b}`, `v${a}\tv${b}`, `${a}\tv${a}`)
}
build('golang.tsv.gz', go, goExtra, 'osv-go osv-go.jsonl.gz (golang/vulndb @ a752ea54fd1b989d208a270aeef772f55a36b87a, CC-BY-4.0)')

const cargo = osvVersions(path.join(corpora, 'osv-rustsec/osv-rustsec.jsonl.gz'))
  .filter((v) => !v.startsWith('v') && !v.startsWith('=') && v.trim() === v)
build('cargo.tsv.gz', cargo, [], 'osv-rustsec osv-rustsec.jsonl.gz (RustSec/advisory-db osv @ 72a63d12e6f3c880d8ab3dc773f937ac8fd19eb7, CC0-1.0)')
