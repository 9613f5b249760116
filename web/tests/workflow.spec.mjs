#!/usr/bin/env node
// The web front end in a real browser (Debian's chromium, driven by playwright-core; no
// browser download): starts `gongkai serve --demo` on a free port with a fresh database,
// reads the demo users and passwords it prints, and walks what an officer does —
//
//   单位填报人 signs in, uploads a source (an example), sees its findings, submits it with an
//   explanation per 错误; 主管部门审核人 approves; 财政审核人 returns it with a reason;
//   单位填报人 resubmits; both approve (已批复); 财政审核人 publishes; the public pages list it
//   and its PDF answers application/pdf —
//
// with a broken source (422 with its location), another department's source (403, said in
// Chinese) and the sign-in page after sign-out on the way; then 财政审核人 uploads a batch of
// published PDFs for audit (公开文件审核: one read with its findings and tables, a hostile one
// refused with the reader's message). Screenshots of the main pages at
// 1366×768 go to the screenshot directory (not committed) for a person to look at.
//
// The workflow part needs the workflow endpoints (GET /api/me and the others); against a
// server without them it prints "SKIP workflow: …" and checks what that server has (sign-in,
// upload, findings, the portal, the PDF).
//
//   node web/tests/workflow.spec.mjs [build/gongkai] [screenshot-dir]
//
// Exit 0: passed; 1: failed; 77: skipped (no chromium, no web/node_modules or no build),
// with the reason printed.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SKIP = 77
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoDir = path.resolve(webDir, '..')
const gongkai = path.resolve(process.argv[2] || path.join(repoDir, 'build', 'gongkai'))
const shotDir = path.resolve(process.argv[3] || path.join(repoDir, 'build', 'web-screenshots'))
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium'
const distDir = path.join(webDir, 'dist')

function skip(why) {
  console.log(`SKIP web_workflow: ${why}`)
  process.exit(SKIP)
}

if (!fs.existsSync(chromiumPath)) skip(`没有 ${chromiumPath}（apt-get install chromium）`)
let chromium
try {
  ;({ chromium } = await import('playwright-core'))
} catch {
  skip('web/node_modules 中没有 playwright-core（cd web && npm ci）')
}
if (!fs.existsSync(path.join(distDir, 'index.html'))) skip('网页前端尚未构建（make web）')
if (!fs.existsSync(gongkai)) {
  console.error(`FAIL: 没有 ${gongkai}`)
  process.exit(1)
}

let passed = 0
const failures = []
function ok(what) {
  passed++
  console.log(`ok ${passed} - ${what}`)
}
function check(condition, what, detail = '') {
  if (condition) return ok(what)
  failures.push(what)
  console.log(`not ok - ${what}${detail ? `\n  ${detail}` : ''}`)
}

// --- the server ------------------------------------------------------------------------

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-web-test-'))
const server = spawn(
  gongkai,
  ['serve', '--demo', '--port', '0', '--database', path.join(tmp, 'web.db'), '--web', distDir],
  { stdio: ['ignore', 'pipe', 'pipe'] },
)
let serverOutput = ''
server.stderr.on('data', (d) => (serverOutput += d))

// "  tianbao  单位填报人  密码 abc123  所属部门 X", "已发布示例 a.yaml → #1", "公开门户：http://…/"
const started = await new Promise((resolve, reject) => {
  const users = {}
  const published = []
  const timer = setTimeout(() => reject(new Error('gongkai serve 在 120 秒内没有启动')), 120000)
  let buffer = ''
  server.stdout.on('data', (chunk) => {
    buffer += chunk
    serverOutput += chunk
    let end
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end)
      buffer = buffer.slice(end + 1)
      let m
      if ((m = /^\s+(\S+)\s+(单位填报人|主管部门审核人|财政审核人|管理员)\s+密码 (\S+)(?:\s+所属部门 (.+))?$/.exec(line))) {
        users[m[1]] = { name: m[1], role: m[2], password: m[3], department: m[4] || '' }
      } else if ((m = /^已发布示例 (\S+) → #(\d+)/.exec(line))) {
        published.push({ file: m[1], id: Number(m[2]) })
      } else if ((m = /^公开门户：(http:\/\/\S+?)\/?\s/.exec(line))) {
        clearTimeout(timer)
        resolve({ base: m[1], users, published })
      }
    }
  })
  server.on('exit', (code) => reject(new Error(`gongkai serve 退出（${code}）：${serverOutput}`)))
})
const { base, users, published } = started

let browser
async function finish(code) {
  await browser?.close().catch(() => {})
  server.kill('SIGTERM')
  fs.rmSync(tmp, { recursive: true, force: true })
  process.exit(code)
}

// --- the browser -----------------------------------------------------------------------

fs.mkdirSync(shotDir, { recursive: true })
browser = await chromium.launch({
  executablePath: chromiumPath,
  // As root in a container, without the network: no sandbox, and none of chromium's own
  // connections (they would be refused, many at a time).
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
const page = await context.newPage()
page.setDefaultTimeout(30000)
const pageErrors = []
page.on('pageerror', (e) => pageErrors.push(String(e)))
page.on('console', (m) => {
  // A refused script or style is a Content-Security-Policy too strict for the app.
  if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) pageErrors.push(m.text())
})

const testId = (id) => `[data-test="${id}"]`
// An Element Plus input: the data-test attribute lands on the <input>/<textarea> or its wrapper.
const field = (id) =>
  page.locator(`input${testId(id)}, textarea${testId(id)}, ${testId(id)} input, ${testId(id)} textarea`).first()

async function shot(name) {
  await page.waitForTimeout(300) // transitions
  await page.screenshot({ path: path.join(shotDir, `${name}.png`) })
}

async function login(user) {
  await page.goto(`${base}/app/login`)
  await field('login-name').fill(user.name)
  await field('login-password').fill(user.password)
  await page.click(testId('login-submit'))
  await page.locator(testId('user-name')).filter({ hasText: user.name }).waitFor()
}

async function logout() {
  await page.click(testId('logout'))
  await page.waitForURL(/\/app\/login/)
}

async function upload(file) {
  await page.goto(`${base}/app/upload`)
  await page.setInputFiles(`${testId('upload-file')} input[type=file]`, file)
  await page.click(`${testId('upload-check')}:not([disabled])`)
}

async function errorMessage() {
  return page.locator('.el-message--error').last().innerText()
}

async function state() {
  return (await page.locator(testId('submission-state')).innerText()).trim()
}

async function expectState(want, what) {
  await page.locator(testId('submission-state')).filter({ hasText: new RegExp(`^${want}$`) }).waitFor().catch(() => {})
  const got = await state().catch(() => '（无）')
  check(got === want, what, `状态为「${got}」，应为「${want}」`)
}

async function openSubmission(id) {
  await page.goto(`${base}/app/submissions/${id}`)
  await page.locator(testId('submission-title')).filter({ hasText: `#${id}` }).waitFor()
}

async function dialogButton(id) {
  await page.locator(testId(id)).click()
}

// On a submission's page: the action's button, then its dialog's confirmation.
async function act(action) {
  await page.locator(testId(`action-${action}`)).click()
  await dialogButton(`confirm-${action}`)
}

try {
  const filer = Object.values(users).find((u) => u.role === '单位填报人' && u.name === 'tianbao')
  const otherFiler = users.tianbao2
  const deptReviewer = users.zhuguan
  const reviewer = users.shenhe
  const admin = users.admin
  check(filer && deptReviewer && reviewer && admin, '演示用户已打印（单位填报人、主管部门审核人、财政审核人、管理员）')
  check(published.length > 0, '演示示例已发布')
  // A source of tianbao's department with 错误 to explain: examples/minimal.yaml (two
  // completeness errors) given that department's code.
  const minimal = fs.readFileSync(path.join(repoDir, 'examples', 'minimal.yaml'), 'utf8')
  const source = minimal.replace(/^department:\n  name: .*$/m, `department:\n  name: ${filer.department}\n  code: "${filer.department}"`)
  check(source !== minimal && filer.department, `源文件改为单位填报人的部门「${filer.department}」`)
  const example = path.join(tmp, 'minimal-of-filer.yaml')
  fs.writeFileSync(example, source)

  // Signed out, the workspace leads to the sign-in page, and a wrong password is said so.
  await page.goto(`${base}/app/upload`)
  await page.waitForURL(/\/app\/login\?next=/)
  ok('未登录时打开工作台转到登录页')
  await shot('01-login')
  await field('login-name').fill(filer.name)
  await field('login-password').fill('wrong-password')
  await page.click(testId('login-submit'))
  const loginError = await page.locator(testId('login-error')).innerText()
  check(/用户名或密码错误/.test(loginError), '密码错误时显示中文提示', loginError)

  // 单位填报人: upload, findings.
  await login(filer)
  ok(`以单位填报人 ${filer.name} 登录`)
  await upload(example)
  await page.locator(testId('upload-result')).waitFor()
  const uploadedTitle = await page.locator(testId('upload-result')).innerText()
  const id = Number(/#(\d+)/.exec(uploadedTitle)?.[1])
  check(id > 0, `上传源文件，保存为 #${id}`)
  const errors = Number(await page.locator(`${testId('count-error')} .n`).innerText())
  const warnings = Number(await page.locator(`${testId('count-warning')} .n`).innerText())
  const shownErrors = await page.locator(testId('finding-error')).count()
  check(errors > 0 && shownErrors === errors, `审核结果：${errors} 条错误、${warnings} 条警告，错误逐条列出`, `列出 ${shownErrors} 条`)
  await shot('02-upload-findings')

  // The same findings on the submission's page (a reload of /app/… works: index.html).
  await openSubmission(id)
  await page.locator(testId('finding-counts')).waitFor()
  const detailErrors = Number(await page.locator(`${testId('count-error')} .n`).innerText())
  check(detailErrors === errors, '提交详情页显示同样的审核结果')

  // A broken source: not kept, its location shown.
  await page.goto(`${base}/app/upload`)
  await page.getByText('粘贴文本').click()
  await field('upload-text').fill('department:\n  name: [未闭合\n')
  await page.click(`${testId('upload-check')}:not([disabled])`)
  const diagnostics = await page.locator(testId('diagnostics')).innerText()
  check(/:\d+:\d+|第\d+行/.test(diagnostics), '有错误的源文件不保存，列出位置（行、列）和问题', diagnostics)
  await shot('03-upload-broken')

  // The same source as a filled input workbook (.xlsx, made by gongkai convert): the same findings.
  const workbook = path.join(tmp, 'minimal-of-filer.xlsx')
  const converted = spawnSync(gongkai, ['convert', example, '-o', workbook], { encoding: 'utf8' })
  check(converted.status === 0, '源文件转为 Excel 录入表', converted.stderr)
  await upload(workbook)
  await page.locator(testId('upload-result')).waitFor()
  const workbookId = Number(/#(\d+)/.exec(await page.locator(testId('upload-result')).innerText())?.[1])
  const workbookErrors = Number(await page.locator(`${testId('count-error')} .n`).innerText())
  check(workbookId > id && workbookErrors === errors, `上传 Excel 录入表，保存为 #${workbookId}，审核结果相同（${workbookErrors} 条错误）`)
  await shot('03b-upload-workbook')

  // The main fields edited in the browser: the two missing texts filled in, a new version with
  // no error (the workbook's version stays as it was).
  await openSubmission(workbookId)
  await page.locator(testId('action-edit')).click()
  await field('edit-department.functions').fill('负责本部门示例事务。')
  await field('edit-goals').fill('完成年度示例任务。')
  await shot('03c-edit-fields')
  await page.locator(testId('confirm-edit')).click()
  await page.waitForURL((url) => /\/app\/submissions\/(\d+)$/.test(url.pathname) && !url.pathname.endsWith(`/${workbookId}`))
  const editedId = Number(/(\d+)$/.exec(new URL(page.url()).pathname)[1])
  await page.locator(testId('finding-counts')).waitFor()
  const editedErrors = Number(await page.locator(`${testId('count-error')} .n`).innerText())
  check(editedId > workbookId && editedErrors === 0, `在线修改主要内容，保存为新版本 #${editedId}，错误 ${errors} → ${editedErrors}`)

  const me = await page.request.get(`${base}/api/me`)
  const workflow = me.status() !== 404
  if (!workflow) {
    console.log('SKIP workflow: backend endpoints absent (GET /api/me 404)')
  } else {
    // Submit with an explanation for every 错误.
    await upload(example)
    await page.locator(testId('upload-result')).waitFor()
    const second = Number(/#(\d+)/.exec(await page.locator(testId('upload-result')).innerText())?.[1])
    await page.click(testId('submit'))
    if (errors > 0) {
      const note = await errorMessage()
      check(/没有填写说明/.test(note), '有错误而未填写说明时不能提交', note)
      const boxes = page.locator(`${testId('explanation')} textarea, textarea${testId('explanation')}`)
      const n = await boxes.count()
      for (let i = 0; i < n; i++) await boxes.nth(i).fill(`说明 ${i + 1}：该数字以批复文件为准。`)
      await page.click(testId('submit'))
    }
    await page.waitForURL(new RegExp(`/app/submissions/${second}$`))
    await expectState('主管部门审核', `#${second} 提交后为「主管部门审核」`)
    await logout()

    // 主管部门审核人 approves.
    await login(deptReviewer)
    await page.goto(`${base}/app/submissions`)
    await page.locator(testId(`open-${second}`)).click()
    // A comment on the first finding, kept with the submission.
    const remark = '请补充职能说明的依据。'
    await page.locator(`${testId('add-comment')} input`).first().fill(remark)
    await page.locator(testId('add-comment')).first().getByRole('button', { name: '评论' }).click()
    const commented = await page.locator(testId('comment')).filter({ hasText: remark }).waitFor().then(() => true, () => false)
    check(commented, '主管部门审核人对问题发表评论')
    await act('approve')
    await expectState('财政审核', '主管部门审核人通过后为「财政审核」')
    await shot('04-review')
    await logout()

    // 财政审核人 returns it, with a reason (required).
    await login(reviewer)
    await page.goto(`${base}/app/submissions`)
    await shot('05-pending-list')
    await openSubmission(second)
    await act('return')
    const required = await page.getByText('请填写退回原因').waitFor({ timeout: 5000 }).then(() => true, () => false)
    check(required, '退回原因必填')
    const reason = '“三公”经费说明与表格不一致，请核实后重新提交。'
    await field('return-input').fill(reason)
    await dialogButton('confirm-return')
    await expectState('已退回', '财政审核人退回后为「已退回」')
    await logout()

    // 单位填报人 sees the reason and resubmits (the explanations given before are kept).
    await login(filer)
    await openSubmission(second)
    const shownReason = await page.locator(testId('return-reason')).innerText()
    check(shownReason.includes(reason), '单位填报人看到退回原因', shownReason)
    await act('submit')
    await expectState('主管部门审核', '重新提交后为「主管部门审核」')
    await logout()

    await login(deptReviewer)
    await openSubmission(second)
    await act('approve')
    await expectState('财政审核', '主管部门审核人再次通过')
    await logout()

    await login(reviewer)
    await openSubmission(second)
    await act('approve')
    await expectState('已批复', '财政审核人通过后为「已批复」')
    await page.locator(testId('action-publish')).click()
    await page.locator('.el-message-box__btns button').filter({ hasText: '发布' }).click()
    await expectState('已公开', '财政审核人发布后为「已公开」')
    await shot('06-published')
    await page.goto(`${base}/app/submissions/${second}/score`)
    await page.locator(testId('score-table')).waitFor()
    await shot('07-score')
    await page.goto(`${base}/app/compare?b=${second}`)
    await page.waitForTimeout(1000)
    await shot('08-compare')
    await logout()

    // The public pages, without sign-in.
    await page.goto(`${base}/app/public`)
    const department = (await page.locator(testId('public-table')).innerText()).length
    check(department > 0, '公开文件页列出已公开的文件')
    const pdfLink = page.locator(testId(`pdf-${second}`))
    await pdfLink.waitFor()
    ok(`公开文件页列出 #${second}`)
    await shot('09-public-list')
    const pdf = await page.request.get(new URL(await pdfLink.getAttribute('href'), base).href)
    check(
      pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf',
      `#${second} 的 PDF 下载为 application/pdf`,
      `${pdf.status()} ${pdf.headers()['content-type']}`,
    )
    await page.goto(`${base}/`)
    check(await page.locator(`a[href="/portal/${second}.pdf"]`).count() > 0, `公开门户首页列出 #${second}`)
    await page.goto(`${base}/app/public/overview`)
    await page.locator(`${testId('chart-function')} canvas`).waitFor()
    ok('统计概览页画出图表')
    await shot('10-overview')

    await login(admin)
    await page.goto(`${base}/app/admin/audit`)
    await page.locator('.el-table__row').first().waitFor()
    ok('管理员查看审计日志')
    await shot('11-audit')
    await page.goto(`${base}/app/admin/users`)
    await page.locator('.el-table__row').first().waitFor()
    await shot('12-users')
    await logout()
  }

  // 财政审核人 audits published documents: the portal's PDF of a demo document and a hostile
  // PDF (tests/bad_pdfs) in one batch; the PDF is kept with its findings and the tables read,
  // and can be downloaded again byte for byte; the hostile one is refused with the reader's
  // message. A 单位填报人 has no such page, nor the file.
  {
    const portalPdf = await page.request.get(`${base}/portal/${published[0].id}.pdf`)
    const audited = path.join(tmp, '已公开的部门预算.pdf')
    fs.writeFileSync(audited, await portalPdf.body())
    const hostile = path.join(repoDir, 'tests', 'bad_pdfs', 'encrypted.pdf')
    await login(reviewer)
    await page.click(testId('menu-audits'))
    await page.waitForURL(/\/app\/audits$/)
    await page.setInputFiles(`${testId('audit-files')} input[type=file]`, [audited, hostile])
    await page.click(`${testId('audit-upload')}:not([disabled])`)
    const refusedPdf = await page.locator(testId('audit-refused')).first().innerText()
    check(/encrypted\.pdf/.test(refusedPdf) && /已加密/.test(refusedPdf), '加密的 PDF 未读取，显示读取器的原因', refusedPdf)
    const row = page.locator(`${testId('audit-table')} .el-table__row`).filter({ hasText: '已公开的部门预算.pdf' }).first()
    await row.waitFor()
    ok('公开文件审核：批量上传后列出已审核的文件')
    await shot('14-audit-list')
    await row.getByRole('button', { name: '查看' }).click()
    await page.locator(testId('audit-title')).filter({ hasText: '已公开的部门预算.pdf' }).waitFor()
    const findingsShown = await page.locator(testId('audit-findings')).innerText()
    check(findingsShown.length > 0, '审核结果页列出问题（或“没有发现问题”）')
    await page.getByText(/读出的表格/).click()
    const figures = await page.locator(`${testId('audit-figures')} .el-table__row`).count()
    check(figures > 0, `审核结果页显示读出的表格（${figures} 行）`)
    await shot('15-audit-result')
    // The PDF uploaded is kept: the result page links it, and the link gives its bytes back.
    const fileUrl = await page.locator(testId('audit-download')).getAttribute('href')
    check(/^\/api\/audits\/\d+\/file$/.test(fileUrl || ''), '审核结果页有下载原件的链接', String(fileUrl))
    const original = await page.request.get(`${base}${fileUrl}`)
    check(original.status() === 200 && original.headers()['content-type'] === 'application/pdf',
      '下载原件：200 application/pdf', `${original.status()} ${original.headers()['content-type']}`)
    check(Buffer.compare(await original.body(), fs.readFileSync(audited)) === 0, '下载的原件与上传的 PDF 逐字节相同')
    const disposition = original.headers()['content-disposition'] || ''
    check(/^attachment; filename="audit-\d+\.pdf"; filename\*=UTF-8''/.test(disposition) &&
      disposition.includes(encodeURIComponent('已公开的部门预算.pdf')), '下载原件以附件给出，文件名为上传时的名称', disposition)
    await logout()
    await login(filer)
    check(await page.locator(testId('menu-audits')).count() === 0, '单位填报人的菜单中没有公开文件审核')
    const denied = await page.request.get(`${base}/api/audits`)
    check(denied.status() === 403, '单位填报人请求审核列表被拒绝（403）', String(denied.status()))
    const deniedFile = await page.request.get(`${base}${fileUrl}`)
    check(deniedFile.status() === 403, '单位填报人下载审核原件被拒绝（403）', String(deniedFile.status()))
    await logout()
  }

  // Another department's source is refused, in Chinese.
  if (otherFiler) {
    await login(otherFiler)
    await upload(example)
    const refused = await errorMessage()
    check(/只能提交本部门/.test(refused), '其他部门的单位填报人不能提交本部门的源文件（403，中文提示）', refused)
    await logout()
  }

  // The portal's first page lists the published documents and leads to the workspace.
  await page.goto(`${base}/`)
  check(await page.locator('a[href="/app/"]').count() > 0, '公开门户首页有进入工作台的链接')
  const first = published[0].id
  check(await page.locator(`a[href="/portal/${first}.pdf"]`).count() > 0, `公开门户首页列出 #${first}`)
  const pdf = await page.request.get(`${base}/portal/${first}.pdf`)
  const body = await pdf.body()
  check(
    pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf' && body.subarray(0, 5).toString() === '%PDF-',
    `下载 #${first} 的 PDF（application/pdf）`,
    `${pdf.status()} ${pdf.headers()['content-type']}`,
  )
  await shot('13-portal')

  check(pageErrors.length === 0, '页面没有脚本错误或内容安全策略拒绝', pageErrors.join('\n  '))
} catch (e) {
  failures.push(String(e))
  console.log(`not ok - ${e.stack || e}`)
  await shot('failure').catch(() => {})
  console.log(`（失败时的截图：${path.join(shotDir, 'failure.png')}）`)
}

console.log(`截图：${shotDir}`)
console.log(`${passed} passed, ${failures.length} failed`)
await finish(failures.length ? 1 : 0)
