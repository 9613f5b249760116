// Who is signed in (name, role, department) and the session's CSRF token. The server is the
// authority (GET /api/me); the last answer is also kept in sessionStorage so that a reload of
// a page does not flash the sign-in page, and is dropped as soon as the server says 401.
import { reactive } from 'vue'
import { api, setCsrfToken, ApiError } from './api.js'

export const ROLES = {
  filer: '单位填报人',
  departmentReviewer: '主管部门审核人',
  reviewer: '财政审核人',
  admin: '管理员',
}

export const STATES = ['编制', '主管部门审核', '财政审核', '已退回', '已批复', '已公开']

const STORAGE_KEY = 'gongkai.session'

export const session = reactive({
  name: '',
  role: '',
  department: null,
  checked: false, // whether /api/me has been asked since the page loaded
})

function apply(user) {
  session.name = user?.name || ''
  session.role = user?.role || ''
  session.department = user?.department ?? null
  setCsrfToken(user?.csrf_token || '')
  if (user?.name) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(user))
  } else {
    sessionStorage.removeItem(STORAGE_KEY)
  }
}

try {
  const kept = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null')
  if (kept) apply(kept)
} catch {
  sessionStorage.removeItem(STORAGE_KEY)
}

export function signedIn() {
  return !!session.name
}

export function clearSession() {
  apply(null)
}

export async function login(name, password) {
  const user = await api.login(name, password)
  apply(user)
  session.checked = true
  return user
}

export async function logout() {
  try {
    await api.logout()
  } finally {
    apply(null)
  }
}

// Asks the server who is signed in (once per page load). A server without /api/me (404)
// leaves the kept session as it is.
export async function refreshSession() {
  if (session.checked) return
  session.checked = true
  try {
    apply(await api.me())
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) apply(null)
  }
}

export const can = {
  upload: () => session.role === ROLES.filer || session.role === ROLES.admin,
  administer: () => session.role === ROLES.admin,
  // Audit uploads of published documents: the bureau's reviewers and administrators.
  audit: () => session.role === ROLES.reviewer || session.role === ROLES.admin,
  publish: () => session.role === ROLES.reviewer || session.role === ROLES.admin,
  score: () => session.role === ROLES.reviewer,
  // Whether the signed-in user may approve or return a submission in `state`.
  review: (state) =>
    (session.role === ROLES.departmentReviewer && state === '主管部门审核') ||
    (session.role === ROLES.reviewer && state === '财政审核'),
  submit: (state) => can.upload() && (state === '编制' || state === '已退回'),
}

// The state a reviewer's list shows first: what waits for that role.
export function pendingState() {
  if (session.role === ROLES.departmentReviewer) return '主管部门审核'
  if (session.role === ROLES.reviewer) return '财政审核'
  return ''
}
