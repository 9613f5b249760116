#!/usr/bin/env node
// Crash safety of `gongkai serve` (issue 16): the server is killed with SIGKILL in the middle of
// a stream of submissions, three times; after each restart every submission it acknowledged
// (201 with an id) is there with the findings it answered, and every stored submission — also
// those in flight when it died — reads back whole (its findings parse, its document renders).
// Node's own fetch only: no packages needed.
//
//   node tests/server_crash_test.mjs build/gongkai SOURCE_DIR
//
// Exit 0: passed; 1: failed; 77: skipped (node too old for fetch).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

if (typeof fetch !== 'function') {
  console.log('SKIP server_crash: this node has no fetch (node 18 or later needed)')
  process.exit(77)
}
const gongkai = path.resolve(process.argv[2])
const sourceDir = path.resolve(process.argv[3])
const source = fs.readFileSync(path.join(sourceDir, 'examples', 'minimal.yaml'), 'utf8')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-crash-test-'))
const database = path.join(tmp, 'crash.db')

let failures = 0
function check(condition, what) {
  console.log(`${condition ? 'ok' : 'not ok'} - ${what}`)
  if (!condition) failures++
}

// Starts the server on a free port; resolves with its base URL and the 管理员's password.
function start() {
  const server = spawn(gongkai, ['serve', '--demo', '--port', '0', '--database', database], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise((r) => server.once('exit', r))
  return new Promise((resolve, reject) => {
    let out = ''
    let admin = null
    const timer = setTimeout(() => reject(new Error(`no start in 60 s: ${out}`)), 60000)
    server.stderr.on('data', (d) => (out += d))
    server.stdout.on('data', (d) => {
      out += d
      const m = /^\s+(\S+)\s+管理员\s+密码 (\S+)/m.exec(out)
      if (m) admin = { name: m[1], password: m[2] }
      const url = /公开门户：(http:\/\/\S+?)\/?\s/.exec(out)
      if (url && admin) {
        clearTimeout(timer)
        resolve({ server, exited, base: url[1], admin })
      }
    })
    server.on('exit', (code) => reject(new Error(`gongkai serve exited (${code}): ${out}`)))
  })
}

async function login(base, admin) {
  const res = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: admin.name, password: admin.password }),
  })
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie').split(';')[0]
  const { csrf_token } = await res.json()
  return { cookie, csrf: csrf_token }
}

// Submits until the server stops answering; returns the acknowledged {id, counts}.
async function submitStream(base, session, acked) {
  for (;;) {
    let res
    try {
      res = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'text/yaml' },
        body: source,
      })
    } catch {
      return // the server is gone
    }
    let body
    try {
      body = await res.json()
    } catch {
      return // cut off in the middle of the answer: not acknowledged
    }
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(body)}`)
    acked.push({ id: body.id, counts: body.counts })
  }
}

const allAcked = []
try {
  for (let round = 1; round <= 3; round++) {
    const { server, exited, base, admin } = await start()
    const session = await login(base, admin)
    const acked = []
    const streams = [1, 2, 3, 4].map(() => submitStream(base, session, acked))
    // Kill after a while that varies by round, while the four streams are writing.
    await new Promise((r) => setTimeout(r, 700 + round * 450))
    server.kill('SIGKILL')
    await Promise.all(streams)
    await exited
    check(acked.length > 0, `round ${round}: ${acked.length} submissions acknowledged before SIGKILL`)
    allAcked.push(...acked)
  }

  const { server, exited, base, admin } = await start()
  const session = await login(base, admin)
  const get = async (url) => {
    const res = await fetch(`${base}${url}`, { headers: { Cookie: session.cookie } })
    return { status: res.status, text: await res.text() }
  }
  let missing = 0
  let wrong = 0
  for (const a of allAcked) {
    const r = await get(`/api/submissions/${a.id}/findings`)
    if (r.status !== 200) {
      missing++
      continue
    }
    const f = JSON.parse(r.text)
    if (JSON.stringify(f.counts) !== JSON.stringify(a.counts) || !Array.isArray(f.findings)) wrong++
  }
  check(missing === 0, `after restart: every one of ${allAcked.length} acknowledged submissions is there (${missing} missing)`)
  check(wrong === 0, `after restart: each has the findings it was acknowledged with (${wrong} differ)`)

  // Everything stored — acknowledged or in flight — reads back whole.
  const list = JSON.parse((await get('/api/submissions')).text).items
  check(list.length >= allAcked.length, `the list has ${list.length} submissions, at least the ${allAcked.length} acknowledged`)
  // Findings of every one; the rendered document (slower) of those not acknowledged (the
  // demo's and the ones in flight) and of every 25th acknowledged one.
  const ackedIds = new Set(allAcked.map((a) => a.id))
  let broken = 0
  let rendered = 0
  for (const [i, s] of list.entries()) {
    const f = await get(`/api/submissions/${s.id}/findings`)
    const render = !ackedIds.has(s.id) || i % 25 === 0
    const d = render ? await get(`/api/submissions/${s.id}/document`) : { status: 200, text: '</html>' }
    if (render) rendered++
    let parsed = null
    try {
      parsed = JSON.parse(f.text)
    } catch {}
    if (f.status !== 200 || !parsed || !Array.isArray(parsed.findings) || d.status !== 200 || !d.text.includes('</html>')) {
      broken++
      console.log(`  #${s.id}: findings ${f.status}, document ${d.status}`)
    }
  }
  check(broken === 0, `every stored submission reads back whole (${broken} broken; ${rendered} documents rendered)`)
  // The server still takes submissions after the crashes.
  const res = await fetch(`${base}/api/submissions`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'text/yaml' },
    body: source,
  })
  check(res.status === 201, `a new submission after the crashes is accepted (${res.status})`)
  server.kill('SIGTERM')
  await exited
} catch (e) {
  console.log(`not ok - ${e.message}`)
  failures++
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
console.log(failures === 0 ? 'passed' : `${failures} failed`)
process.exit(failures === 0 ? 0 : 1)
