// The administration pages: one list for the routes, the side menu and the overview.
import type { Component } from 'vue'

export interface AdminPage {
  /** Route name and path segment under /admin. */
  name: string
  /** i18n key of its title. */
  title: string
  component: () => Promise<Component>
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  { name: 'org', title: 'org.title', component: () => import('./org/index.vue') },
  { name: 'users', title: 'users.title', component: () => import('./users/index.vue') },
  { name: 'categories', title: 'categories.title', component: () => import('./categories/index.vue') },
  { name: 'time-limits', title: 'timeRules.title', component: () => import('./time-limits/index.vue') },
  { name: 'calendar', title: 'calendar.title', component: () => import('./calendar/index.vue') },
  { name: 'direct-cards', title: 'directCards.title', component: () => import('./direct-cards/index.vue') },
  { name: 'tokens', title: 'tokens.title', component: () => import('./tokens/index.vue') },
  { name: 'templates', title: 'templates.title', component: () => import('./templates/index.vue') },
]
