// The intake forms, one per channel staff register on (the server says who uses which: auth/me
// intakeChannels), and the fields of the sections they share.
import type { Component } from 'vue'
import type { IntakeChannel } from '@/utils/access'

export interface IntakePage {
  channel: IntakeChannel
  /** Route name and path segment under /intake. */
  name: string
  /** i18n key of its title. */
  title: string
  component: () => Promise<Component>
}

export const INTAKE_PAGES: readonly IntakePage[] = [
  { channel: 'grid', name: 'grid', title: 'channel.grid', component: () => import('./grid/index.vue') },
  {
    channel: 'cadre_report',
    name: 'cadre-report',
    title: 'channel.cadre_report',
    component: () => import('./cadre-report/index.vue'),
  },
  {
    channel: 'direct_card',
    name: 'direct-card',
    title: 'channel.direct_card',
    component: () => import('./direct-card/index.vue'),
  },
  { channel: 'walk_in', name: 'walk-in', title: 'channel.walk_in', component: () => import('./walk-in/index.vue') },
]

// The fields each shared section shows, for IntakeAlert: a server error on any other field is
// listed above the form, so that nothing the server said is lost.
/** CaseBasicsFields. */
export const BASICS_FIELDS = ['kind', 'title', 'content', 'categoryCode', 'peopleInvolved'] as const
/** LocationFields' address (a page adds the grid it asks for). */
export const LOCATION_FIELDS = ['location', 'location.address'] as const
/** ReporterFields. */
export const REPORTER_FIELDS = ['reporter.name', 'reporter.phone'] as const
