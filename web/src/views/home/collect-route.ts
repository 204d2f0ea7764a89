// Where the home page's big 采集/登记 button leads: straight to the user's own intake form when
// they register on one channel (a grid worker's 网格采集), else to the choice of forms.
import type { RouteLocationRaw } from 'vue-router'
import type { Grants } from '@/utils/access'
import { INTAKE_PAGES } from '@/views/case/intake/intake-pages'

export function collectRoute(grants: Grants): RouteLocationRaw | null {
  const channels = grants.intakeChannels
  if (channels.length === 0) {
    return null
  }
  const page = channels.length === 1 ? INTAKE_PAGES.find((p) => p.channel === channels[0]) : undefined
  return page ? { name: `intake-${page.name}` } : { name: 'intake' }
}
