import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { homeOf, type Area, type IntakeChannel } from '@/utils/access'
import { i18n } from '@/i18n'
import { INTAKE_PAGES } from '@/views/case/intake/intake-pages'
import { ADMIN_PAGES } from '@/views/system/admin-pages'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (the login page). */
    public?: boolean
    /** The menu area a user must be allowed to enter. */
    area?: Area
    /** The i18n key of the page title. */
    title?: string
    /** An intake form: the channel the user must register on. */
    intakeChannel?: IntakeChannel
  }
}

const AREA_HOME: Record<Area, string> = {
  workbench: 'workbench',
  intake: 'intake',
  cases: 'case-list',
  supervision: 'supervision',
  bulletins: 'bulletin-list',
  admin: 'admin',
  assessment: 'assessment',
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: { public: true, title: 'login.submit' },
  },
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [
      // A page, not a redirect: a route's redirect is resolved before the guard below has
      // restored the session, so `/` sent everyone to 无权访问 (issue 11). Roles without a home
      // of their own are sent on by the guard, once it knows who is asking.
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/index.vue'),
        meta: { title: 'home.title' },
      },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('@/views/case/workbench/index.vue'),
        meta: { area: 'workbench', title: 'menu.workbench' },
      },
      {
        path: 'intake',
        name: 'intake',
        component: () => import('@/views/case/intake/index.vue'),
        meta: { area: 'intake', title: 'intake.title' },
      },
      ...INTAKE_PAGES.map((page) => ({
        path: `intake/${page.name}`,
        name: `intake-${page.name}`,
        component: page.component,
        meta: { area: 'intake' as const, title: page.title, intakeChannel: page.channel },
      })),
      {
        path: 'cases',
        name: 'case-list',
        component: () => import('@/views/case/list/index.vue'),
        meta: { area: 'cases', title: 'menu.cases' },
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'case-detail',
        component: () => import('@/views/case/detail/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { area: 'cases', title: 'caseDetail.title' },
      },
      {
        path: 'supervision',
        name: 'supervision',
        component: () => import('@/views/supervision/center/index.vue'),
        meta: { area: 'supervision', title: 'menu.supervision' },
      },
      {
        path: 'assessment',
        name: 'assessment',
        component: () => import('@/views/assessment/ranking/index.vue'),
        meta: { area: 'assessment', title: 'assessment.ranking.title' },
      },
      {
        path: 'assessment/units/:key(org-\\d+|user-\\d+)',
        name: 'assessment-unit',
        component: () => import('@/views/assessment/unit/index.vue'),
        props: (route) => ({ unitKey: String(route.params.key) }),
        meta: { area: 'assessment', title: 'assessment.unit.title' },
      },
      {
        path: 'assessment/appeals',
        name: 'assessment-appeals',
        component: () => import('@/views/assessment/appeals/index.vue'),
        meta: { area: 'assessment', title: 'assessment.queue.title' },
      },
      {
        path: 'bulletins',
        name: 'bulletin-list',
        component: () => import('@/views/bulletin/list/index.vue'),
        meta: { area: 'bulletins', title: 'menu.bulletins' },
      },
      {
        path: 'bulletins/:id(\\d+)',
        name: 'bulletin-reader',
        component: () => import('@/views/bulletin/reader/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { area: 'bulletins', title: 'bulletin.title' },
      },
      {
        path: 'bulletins/:id(\\d+)/edit',
        name: 'bulletin-editor',
        component: () => import('@/views/bulletin/editor/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { area: 'bulletins', title: 'bulletin.editor.title' },
      },
      {
        path: 'bulletins/:id(\\d+)/receipts',
        name: 'bulletin-receipts',
        component: () => import('@/views/bulletin/receipts/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { area: 'bulletins', title: 'bulletin.receipts.title' },
      },
      {
        path: 'admin',
        name: 'admin',
        component: () => import('@/views/system/overview/index.vue'),
        meta: { area: 'admin', title: 'menu.admin' },
      },
      ...ADMIN_PAGES.map((page) => ({
        path: `admin/${page.name}`,
        name: `admin-${page.name}`,
        component: page.component,
        meta: { area: 'admin' as const, title: page.title },
      })),
      {
        path: ':rest(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/not-found/index.vue'),
        meta: { title: 'notFound.title' },
      },
    ],
  },
]

/** The user's home: their own page at `/` (utils/access.ts, homeOf), else the first area they may enter. */
export function homeRoute(): RouteLocationRaw {
  const auth = useAuthStore()
  if (homeOf(auth.grants) !== null) {
    return { name: 'home' }
  }
  const first = auth.areas[0]
  return first ? { name: AREA_HOME[first] } : { name: 'not-found', params: { rest: ['forbidden'] } }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (!auth.checked) {
    try {
      await auth.restore()
    } catch {
      // The server is unreachable: the login page says so when it is tried.
    }
  }
  if (to.meta.public) {
    return auth.loggedIn && to.name === 'login' ? homeRoute() : true
  }
  if (!auth.loggedIn) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.name === 'home') {
    return homeOf(auth.grants) !== null ? true : homeRoute()
  }
  if (to.meta.area && !auth.may(to.meta.area)) {
    return homeRoute()
  }
  if (to.meta.intakeChannel && !auth.grants.intakeChannels.includes(to.meta.intakeChannel)) {
    return { name: 'intake' }
  }
  return true
})

router.afterEach((to) => {
  const { t } = i18n.global
  const name = t('app.name')
  document.title = to.meta.title ? `${t(to.meta.title)} · ${name}` : name
})
