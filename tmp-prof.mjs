import { readFileSync } from 'node:fs'
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const byId = new Map(prof.nodes.map(n => [n.id, n]))
const self = new Map()
const dt = prof.timeDeltas
for (let i = 0; i < prof.samples.length; i++) { const id = prof.samples[i]; self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)) }
// aggregate self time by function+url
const agg = new Map()
for (const [id, t] of self) { const n = byId.get(id); const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-3).join('/')}:${cf.lineNumber}`; agg.set(key, (agg.get(key) ?? 0) + t) }
const total = [...agg.values()].reduce((a, b) => a + b, 0)
console.log('total ms', (total / 1000).toFixed(0))
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(0).padStart(6), k)
// inclusive by url file
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const incl = new Map()
for (const [id, t] of self) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const f = n.callFrame.url.split('/').slice(-2).join('/'); if (!seen.has(f)) { incl.set(f, (incl.get(f) ?? 0) + t); seen.add(f) } cur = parent.get(cur) } }
console.log('--- inclusive by file')
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / 1000).toFixed(0).padStart(6), k)
