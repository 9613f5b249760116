// Pages and who may open them. The workspace (meta.auth) needs a session; a page with
// meta.roles only those roles (others are sent to their list). The public pages need nothing.
import { createRouter, createWebHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { onUnauthorized } from './api.js'
import { session, signedIn, refreshSession, clearSession, ROLES } from './session.js'
import WorkLayout from './layouts/WorkLayout.vue'
import PublicLayout from './layouts/PublicLayout.vue'
import LoginView from './views/LoginView.vue'

const { filer, reviewer, admin } = ROLES

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { title: '登录' } },
  {
    path: '/',
    component: WorkLayout,
    meta: { auth: true },
    children: [
      { path: '', redirect: { name: 'submissions' } },
      {
        path: 'submissions',
        name: 'submissions',
        component: () => import('./views/SubmissionListView.vue'),
        meta: { title: '提交列表' },
      },
      {
        path: 'upload',
        name: 'upload',
        component: () => import('./views/UploadView.vue'),
        meta: { title: '上传源文件', roles: [filer, admin] },
      },
      {
        path: 'submissions/:id(\\d+)',
        name: 'submission',
        component: () => import('./views/SubmissionView.vue'),
        meta: { title: '提交详情' },
      },
      {
        path: 'submissions/:id(\\d+)/score',
        name: 'score',
        component: () => import('./views/ScoreView.vue'),
        meta: { title: '绩效评分' },
      },
      {
        path: 'compare',
        name: 'compare',
        component: () => import('./views/CompareView.vue'),
        meta: { title: '版本比较' },
      },
      {
        path: 'audits',
        name: 'audits',
        component: () => import('./views/AuditListView.vue'),
        meta: { title: '公开文件审核', roles: [reviewer, admin] },
      },
      {
        path: 'audits/:id(\\d+)',
        name: 'audit-result',
        component: () => import('./views/AuditView.vue'),
        meta: { title: '审核结果', roles: [reviewer, admin] },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('./views/AdminUsersView.vue'),
        meta: { title: '用户管理', roles: [admin] },
      },
      {
        path: 'admin/departments',
        name: 'departments',
        component: () => import('./views/AdminDepartmentsView.vue'),
        meta: { title: '部门管理', roles: [admin] },
      },
      {
        path: 'admin/audit',
        name: 'audit',
        component: () => import('./views/AdminAuditView.vue'),
        meta: { title: '审计日志', roles: [admin] },
      },
    ],
  },
  {
    path: '/public',
    component: PublicLayout,
    children: [
      {
        path: '',
        name: 'public',
        component: () => import('./views/PublicListView.vue'),
        meta: { title: '公开文件' },
      },
      {
        path: 'overview',
        name: 'overview',
        component: () => import('./views/PublicOverviewView.vue'),
        meta: { title: '统计概览' },
      },
    ],
  },
  { path: '/:rest(.*)*', redirect: { name: 'submissions' } },
]

export const router = createRouter({ history: createWebHistory('/app/'), routes })

router.beforeEach(async (to) => {
  if (!to.matched.some((r) => r.meta.auth)) return true
  await refreshSession()
  if (!signedIn()) return { name: 'login', query: { next: to.fullPath } }
  const roles = to.meta.roles
  if (roles && !roles.includes(session.role)) {
    ElMessage.warning(`角色「${session.role}」不能打开「${to.meta.title}」`)
    return { name: 'submissions' }
  }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}部门预决算编制审核与公开平台`
})

// A 401 from any request: the session is over; sign in again and come back here.
onUnauthorized(() => {
  const current = router.currentRoute.value
  clearSession()
  if (current.name !== 'login' && current.matched.some((r) => r.meta.auth)) {
    ElMessage.warning('登录已过期，请重新登录')
    router.push({ name: 'login', query: { next: current.fullPath } })
  }
})
