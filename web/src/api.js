// The JSON API of `gongkai serve` (docs: the API contract in the README), one function per
// endpoint. Every change (POST) but the sign-in carries the session's CSRF token in the
// X-CSRF-Token header; the session cookie itself is HttpOnly and travels by itself.
//
// Errors come back as ApiError with the server's Chinese message ({"error": "…"}). A 401 on
// anything but the sign-in means the session has ended: the handler set with
// onUnauthorized (the router's: go to the sign-in page) is called before the error is thrown.
import { ElMessage } from 'element-plus'

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message)
    this.status = status
    this.body = body || {}
  }
}

const fallbackMessages = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '没有找到',
  409: '当前状态不允许此操作',
  413: '文件太大',
  415: '不支持的内容类型',
  422: '内容有错误',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误',
}

let csrfToken = ''
let unauthorizedHandler = null

export function setCsrfToken(token) {
  csrfToken = token || ''
}

export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

async function request(method, path, { body, contentType, text = false } = {}) {
  const headers = { Accept: text ? 'text/html, */*' : 'application/json' }
  if (method !== 'GET' && path !== '/api/login') headers['X-CSRF-Token'] = csrfToken
  let payload
  if (body !== undefined) {
    if (body instanceof FormData) {
      payload = body // multipart/form-data: the browser writes the Content-Type with its boundary
    } else if (typeof body === 'string' || body instanceof Blob) {
      payload = body
      headers['Content-Type'] = contentType || 'text/plain; charset=utf-8'
    } else {
      payload = JSON.stringify(body)
      headers['Content-Type'] = 'application/json'
    }
  }
  let res
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, '无法连接服务器，请检查网络或服务是否在运行')
  }
  const type = res.headers.get('Content-Type') || ''
  let data = null
  if (type.includes('application/json')) {
    data = await res.json().catch(() => null)
  } else if (text || !res.ok) {
    data = await res.text().catch(() => '')
  }
  if (!res.ok) {
    const message =
      (data && typeof data === 'object' && data.error) ||
      fallbackMessages[res.status] ||
      `请求失败（HTTP ${res.status}）`
    const error = new ApiError(res.status, message, typeof data === 'object' ? data : null)
    if (res.status === 401 && path !== '/api/login' && unauthorizedHandler) {
      unauthorizedHandler(error)
    }
    throw error
  }
  return data
}

// Shows a failed request's message (a 401 is shown by the sign-in page it leads to).
export function showError(error, prefix = '') {
  if (error instanceof ApiError && error.status === 401) return
  ElMessage({ type: 'error', message: prefix + (error.message || String(error)), duration: 5000 })
}

const enc = encodeURIComponent

function query(params) {
  const parts = Object.entries(params || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
  return parts.length ? '?' + parts.join('&') : ''
}

export const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// A source text is JSON when it starts with "{", else YAML.
export function sourceContentType(text) {
  return /^\s*\{/.test(text) ? 'application/json' : 'text/yaml; charset=utf-8'
}

export const api = {
  login: (name, password) => request('POST', '/api/login', { body: { name, password } }),
  logout: () => request('POST', '/api/logout', { body: {} }),
  me: () => request('GET', '/api/me'),

  listSubmissions: (filters) => request('GET', '/api/submissions' + query(filters)),
  upload: (text) =>
    request('POST', '/api/submissions', { body: text, contentType: sourceContentType(text) }),
  // A filled input workbook (.xlsx, a File or Blob): read by the server like a source.
  uploadWorkbook: (blob) =>
    request('POST', '/api/submissions', { body: blob, contentType: WORKBOOK_TYPE }),
  submission: (id) => request('GET', `/api/submissions/${enc(id)}`),
  // The main fields, edited in the browser into a new version (edit_api.cc).
  fields: (id) => request('GET', `/api/submissions/${enc(id)}/fields`),
  editFields: (id, values) => request('POST', `/api/submissions/${enc(id)}/fields`, { body: { values } }),
  findings: (id) => request('GET', `/api/submissions/${enc(id)}/findings`),
  documentHtml: (id) => request('GET', `/api/submissions/${enc(id)}/document`, { text: true }),
  submit: (id, explanations) =>
    request('POST', `/api/submissions/${enc(id)}/submit`, { body: { explanations } }),
  approve: (id, comment) =>
    request('POST', `/api/submissions/${enc(id)}/approve`, { body: comment ? { comment } : {} }),
  returnBack: (id, reason) =>
    request('POST', `/api/submissions/${enc(id)}/return`, { body: { reason } }),
  publish: (id) => request('POST', `/api/submissions/${enc(id)}/publish`, { body: {} }),
  comment: (id, finding, text) =>
    request('POST', `/api/submissions/${enc(id)}/comments`, { body: { finding, text } }),
  compare: (a, b) => request('GET', `/api/submissions/${enc(a)}/compare/${enc(b)}`),
  score: (id) => request('GET', `/api/submissions/${enc(id)}/score`),
  saveScore: (id, items) => request('POST', `/api/submissions/${enc(id)}/score`, { body: { items } }),

  users: () => request('GET', '/api/users'),
  putUser: (user) => request('POST', '/api/users', { body: user }),
  departments: () => request('GET', '/api/departments'),
  importDepartments: (csv) =>
    request('POST', '/api/departments/import', { body: csv, contentType: 'text/csv; charset=utf-8' }),
  auditLog: (limit) => request('GET', '/api/audit-log' + query({ limit, format: 'json' })),
  auditCsvUrl: (limit) => '/api/audit-log' + query({ limit, format: 'csv' }),

  // Audit uploads (财政审核人, 管理员): published PDFs, .txt or .xlsx, one or many at once.
  uploadAudits: (files, { department, year } = {}) => {
    const form = new FormData()
    for (const f of files) form.append('file', f, f.name)
    if (department) form.append('department', department)
    if (year) form.append('year', String(year))
    return request('POST', '/api/audits', { body: form })
  },
  listAudits: (filters) => request('GET', '/api/audits' + query(filters)),
  audit: (id) => request('GET', `/api/audits/${enc(id)}`),

  published: (filters) => request('GET', '/api/public/published' + query(filters)),
  overview: (year) => request('GET', '/api/public/overview' + query({ year })),
}
