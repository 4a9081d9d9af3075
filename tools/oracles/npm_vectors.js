#!/usr/bin/env node
// Builds labelled npm vectors with the npm `semver` package as the oracle:
//   version-vectors/npm.tsv.gz             A<TAB>B<TAB>sign of semver.compare(A, B)
//   version-vectors/npm-satisfies.tsv.gz   VERSION<TAB>RANGE<TAB>semver.satisfies(VERSION, RANGE)
//   version-vectors/npm-ranges-invalid.txt.gz   ranges `new semver.Range(r)` rejects, one a line
// Versions and ranges come from the staged corpora (Node.js security-wg advisories, Retire.js, juice-shop
// SBOM purls, vers-spec native npm ranges, OSV npm records) plus constructed edge cases.
//
// Usage: mkdir -p /tmp/oracle-npm && (cd /tmp/oracle-npm && npm install semver@7)
//        node tools/oracles/npm_vectors.js /tmp/oracle-npm/node_modules/semver [/work/shared/corpora]
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const semverDir = process.argv[2]
const corpora = process.argv[3] || '/work/shared/corpora'
const semver = require(path.resolve(semverDir))
const semverVersion = JSON.parse(fs.readFileSync(path.join(semverDir, 'package.json'), 'utf8')).version
const root = path.resolve(__dirname, '..', '..')
const outDir = path.join(root, 'mamori-core/src/test/resources/version-vectors')

// seeded PRNG (mulberry32) so the vectors are reproducible
let seed = 20261125
const rnd = () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}
const pick = (a) => a[Math.floor(rnd() * a.length)]

const walk = (dir, out = []) => {
  if (!fs.existsSync(dir)) return out
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}
const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')) } catch (e) { return null } }

const ranges = new Set()
const versions = new Set()
const VERSION_TOKEN = /v?\d+(?:\.(?:\d+|[xX*]))*(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g
const addRange = (r) => {
  if (typeof r !== 'string' || r.includes('\t') || r.includes('\n') || r.length > 200) return
  ranges.add(r)
  for (const m of r.match(VERSION_TOKEN) || []) versions.add(m)
}

// Node.js security-wg: npm, core and deps advisories
for (const f of walk(path.join(corpora, 'advisories-nodejs-security-wg/vuln'))) {
  const d = readJson(f)
  if (!d) continue
  for (const k of ['vulnerable_versions', 'patched_versions', 'vulnerable', 'patched']) addRange(d[k])
}
// Retire.js: atOrAbove / below bounds
for (const name of ['npmrepository.json', 'jsrepository.json', 'jsrepository-v4.json']) {
  const d = readJson(path.join(corpora, 'advisories-retirejs/repository', name)) || {}
  for (const lib of Object.values(d)) {
    for (const v of (lib && lib.vulnerabilities) || []) {
      const parts = []
      if (v.atOrAbove) { versions.add(v.atOrAbove); parts.push('>=' + v.atOrAbove) }
      if (v.above) { versions.add(v.above); parts.push('>' + v.above) }
      if (v.below) { versions.add(v.below); parts.push('<' + v.below) }
      if (parts.length) addRange(parts.join(' '))
    }
  }
}
// vers-spec native npm ranges
for (const t of (readJson(path.join(corpora, 'vers-spec/tests/npm_range_from_native_test.json')) || { tests: [] }).tests) {
  addRange(t.input.native_range)
}
// OSV npm records
for (const f of walk(path.join(corpora, 'vuls-data-update-fixtures/npm'))) {
  if (!f.endsWith('.json')) continue
  const d = readJson(f)
  for (const a of (d && d.affected) || []) {
    for (const v of a.versions || []) versions.add(v)
    for (const r of a.ranges || []) {
      const parts = []
      for (const e of r.events || []) {
        if (e.introduced && e.introduced !== '0') { versions.add(e.introduced); parts.push('>=' + e.introduced) }
        if (e.fixed) { versions.add(e.fixed); parts.push('<' + e.fixed) }
        if (e.last_affected) { versions.add(e.last_affected); parts.push('<=' + e.last_affected) }
      }
      if (parts.length) addRange(parts.join(' '))
    }
  }
}
// juice-shop SBOM purls
for (const f of walk(path.join(corpora, 'cyclonedx-bom-examples/SBOM/juice-shop'))) {
  const text = fs.readFileSync(f, 'utf8')
  for (const m of text.matchAll(/pkg:npm\/[^"'<\s]*?@([^"'<?#\s]+)/g)) versions.add(decodeURIComponent(m[1]))
}

const realVersions = [...versions].filter((v) => semver.valid(v) !== null)
const realCount = realVersions.length

// constructed edge cases
const PRE = ['0', '1', '2', '10', 'alpha', 'alpha.1', 'alpha.2', 'alpha.10', 'alpha.beta', 'beta', 'beta.2', 'beta.11',
  'rc.1', 'rc1', 'RC.1', 'rc.1.1', 'a.b.c', '0.0', '1-2', 'x-y-z', '-', '--', 'a-', '00a', '0a', 'A', 'a', 'Z', 'z',
  '9007199254740991', '9007199254740992', '99999999999999999999', '99999999999999999998', '123456789012345678',
  'pre.0.20200101120000', 'dev.20200101']
const BUILD = ['', '+build', '+001', '+sha.5114f85', '+exp.sha.5114f85', '+build.1-a', '+20130313144700']
const CORE = ['0.0.0', '0.0.1', '0.1.0', '1.0.0', '1.2.3', '1.2.4', '1.10.0', '2.0.0', '10.0.0', '9007199254740991.0.0',
  '0.9007199254740991.0', '1.0.9007199254740991', '999.999.999']
const edge = new Set()
for (const c of CORE) {
  edge.add(c)
  for (const b of BUILD) edge.add(c + b)
  for (const p of PRE) { edge.add(c + '-' + p); edge.add(c + '-' + p + pick(BUILD)) }
  edge.add('v' + c); edge.add('=' + c); edge.add('v' + c + '-beta'); edge.add(' ' + c + ' ')
}
for (const v of ['01.2.3', '1.02.3', '1.2.03', '1.2.3-01', '1.2', '1', '1.2.3.4', '9007199254740992.0.0', '1.2.3-',
  '1.2.3+', '1.2.3-a..b', 'V1.2.3', 'vv1.2.3', '==1.2.3', '1.2.3beta', 'x.2.3', '1.2.3 4']) edge.add(v)
const edgeVersions = [...edge]
const validEdge = edgeVersions.filter((v) => { try { new semver.SemVer(v); return true } catch (e) { return false } })

// ---- compare vectors
const all = [...new Set([...realVersions, ...validEdge])]
const pairs = new Set()
const byMain = new Map()
for (const v of all) {
  const k = semver.parse(v).version.split('-')[0]
  if (!byMain.has(k)) byMain.set(k, [])
  byMain.get(k).push(v)
}
const sorted = [...realVersions].sort(semver.compare)
for (let i = 0; i + 1 < sorted.length; i++) pairs.add(sorted[i] + '\t' + sorted[i + 1])
while (pairs.size < 8000) pairs.add(pick(realVersions) + '\t' + pick(realVersions))
for (let i = 0; i < 5000; i++) pairs.add(pick(validEdge) + '\t' + pick(validEdge))
for (const group of byMain.values()) { // same major.minor.patch: prerelease and build decide
  for (let i = 0; i < Math.min(40, group.length * 2); i++) pairs.add(pick(group) + '\t' + pick(group))
}
for (let i = 0; i < 1500; i++) pairs.add(pick(validEdge) + '\t' + pick(realVersions))
const cmpLines = [...pairs].sort().map((p) => {
  const [a, b] = p.split('\t')
  return `${a}\t${b}\t${semver.compare(a, b)}`
})
const invalidVersions = edgeVersions.filter((v) => !validEdge.includes(v))

// ---- satisfies vectors
const bump = (v) => {
  const s = semver.parse(v)
  if (!s) return []
  const out = [s.version, `${s.major}.${s.minor}.${s.patch}`]
  if (s.patch > 0) out.push(`${s.major}.${s.minor}.${s.patch - 1}`)
  if (s.minor > 0) out.push(`${s.major}.${s.minor - 1}.0`)
  if (s.major > 0) out.push(`${s.major - 1}.9.9`)
  out.push(`${s.major}.${s.minor}.${s.patch + 1}`, `${s.major}.${s.minor + 1}.0`, `${s.major + 1}.0.0`)
  out.push(`${s.major}.${s.minor}.${s.patch}-0`, `${s.major}.${s.minor}.${s.patch}-alpha.1`,
    `${s.major}.${s.minor}.${s.patch}-rc.2`, `${s.major}.${s.minor}.${s.patch + 1}-beta`,
    `${s.major}.${s.minor + 1}.0-0`, `${s.major + 1}.0.0-rc.1`, `${s.major}.${s.minor}.${s.patch}+build.7`)
  return out
}
const OPS = ['', '=', '>', '>=', '<', '<=', '^', '~', '~>', 'v', '=v', '> ', '>= ', '^ ', '~ ', '< ']
const partial = (v) => {
  const s = semver.parse(v)
  return pick([s.version, `${s.major}.${s.minor}`, `${s.major}`, `${s.major}.${s.minor}.x`, `${s.major}.x`,
    `${s.major}.*`, `${s.major}.${s.minor}.*`, `${s.major}.X.X`, `${s.major}.${s.minor}.${s.patch}`])
}
const constructedRanges = new Set(['*', '', 'x', 'X', '>=0.0.0', '<0.0.0', '<0.0.0-0', '>*', '<*', '<=*', '>=*',
  '1.2.3 - 2.3.4', '1.2 - 2.3', '1 - 2', '1.2.3 - 2', 'v1.2.3 - v2.0.0', '1.2.3-beta.1 - 2.0.0-rc.1',
  '^0.0.1', '^0.0', '^0', '^0.1', '^0.1.2', '^1.2.3-beta.2', '~1.2.3-beta.2', '^0.0.1-rc.1', '~0', '~0.0',
  '>=1.2.3-alpha <1.2.4', '>1.2.3-alpha.1', '1.2.3-alpha || >=2.0.0-beta', '1.2.x || 2.x', '* || 1.0.0-beta',
  '>=1.0.0-beta <1.0.0', '~> 1.2', '~>1.2.3', '< 2.0.0 >= 1.0.0', '>= 1.0.0  <  2.0.0', '  1.2.3  ',
  '1.2.3 || ', '|| 1.2.3', '||', '1.2.3+build', '>=1.2.3+build <2.0.0+build', '=1.2.3', '= 1.2.3',
  'v1.2.3', '=v1.2.3', '>v1.2.3', '1.x.x', '1.*.*', '<=1.2', '>1.2', '<1.2', '>=1.2', '<=1', '>1', '<1', '>=1',
  '=1.2', '=1', '>=1.2.3 <=1.2.3', '>=2 <1', '^1.2.3 ^1.5.0', '1.2.3 1.2.3', '>=9007199254740991.0.0'])
const real = [...realVersions]
for (let i = 0; i < 500; i++) {
  const a = pick(real)
  const b = pick(real)
  const [lo, hi] = semver.lte(a, b) ? [a, b] : [b, a]
  const r = pick([
    () => pick(OPS) + partial(a),
    () => `${pick(['>', '>='])}${partial(lo)} ${pick(['<', '<='])}${partial(hi)}`,
    () => `${partial(lo)} - ${partial(hi)}`,
    () => `${pick(OPS)}${partial(a)} || ${pick(OPS)}${partial(b)}`,
    () => `${pick(['^', '~', ''])}${a}`,
    () => `>=${lo} <${hi}`,
  ])()
  constructedRanges.add(r)
}
const allRanges = [...ranges, ...constructedRanges]
const validRanges = []
const invalidRanges = []
for (const r of allRanges) {
  try { new semver.Range(r); validRanges.push(r) } catch (e) { invalidRanges.push(r) }
}
const satisfyLines = new Set()
for (const r of validRanges) {
  const cands = new Set()
  for (const m of r.match(VERSION_TOKEN) || []) {
    const c = semver.coerce(m, { includePrerelease: true })
    if (c) for (const b of bump(c.version)) cands.add(b)
    if (semver.valid(m)) cands.add(m)
  }
  for (let i = 0; i < 4; i++) cands.add(pick(real))
  cands.add(pick(validEdge))
  const chosen = [...cands].filter((v) => semver.valid(v) !== null)
  while (chosen.length > 8) chosen.splice(Math.floor(rnd() * chosen.length), 1)
  for (const v of chosen) {
    satisfyLines.add(`${v}\t${r}\t${semver.satisfies(v, r)}`)
  }
}

const header = (what, count) => [
  `# oracle: npm semver ${semverVersion} (${what})`,
  `# command: node tools/oracles/npm_vectors.js /tmp/oracle-npm/node_modules/semver /work/shared/corpora`,
  `# date: ${new Date().toISOString().slice(0, 10)}`,
  '# sources: advisories-nodejs-security-wg (nodejs/security-wg, MIT), advisories-retirejs (RetireJS/retire.js,' +
    ' Apache-2.0), cyclonedx-bom-examples juice-shop purls (CC0-1.0), vers-spec npm_range_from_native_test.json' +
    ' (MIT), vuls-data-update-fixtures npm OSV (Apache-2.0), constructed edge cases',
  `# lines: ${count}`,
].join('\n') + '\n'
const write = (name, head, lines) => {
  fs.mkdirSync(outDir, { recursive: true })
  fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(head + lines.join('\n') + '\n', { level: 9 }))
  console.log(`${name}: ${lines.length}`)
}
write('npm.tsv.gz', header('semver.compare(A, B)', cmpLines.length) +
  `# real versions: ${realCount}, constructed valid versions: ${validEdge.length}\n` +
  '# format: A<TAB>B<TAB>sign of semver.compare(A, B)\n', cmpLines)
const sat = [...satisfyLines].sort()
write('npm-satisfies.tsv.gz', header('semver.satisfies(VERSION, RANGE)', sat.length) +
  '# format: VERSION<TAB>RANGE<TAB>true|false\n', sat)
write('npm-invalid.txt.gz', header('new semver.SemVer(V) / new semver.Range(R) throw', invalidVersions.length +
  invalidRanges.length) + '# format: version<TAB>V or range<TAB>R, each rejected by the oracle\n',
  [...invalidVersions.map((v) => `version\t${v}`), ...invalidRanges.map((r) => `range\t${r}`)])
