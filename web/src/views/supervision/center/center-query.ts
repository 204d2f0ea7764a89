// The centre's tab and the 督办单 filters in the address bar, so a link opens the same view.
import type { LocationQuery } from 'vue-router'
import { SUPERVISION_STATUSES, type SupervisionStatus } from '@/api/supervision'

export const TABS = ['warnings', 'orders', 'escalations'] as const
export type Tab = (typeof TABS)[number]

export interface CenterState {
  tab: Tab
  status: SupervisionStatus
  unit: number | null
}

const first = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''

export function stateFromQuery(query: LocationQuery): CenterState {
  const tab = first(query.tab)
  const status = first(query.status)
  const unit = first(query.unit)
  return {
    tab: (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'warnings',
    status: (SUPERVISION_STATUSES as readonly string[]).includes(status) ? (status as SupervisionStatus) : 'all',
    unit: /^[1-9]\d{0,15}$/.test(unit) ? Number(unit) : null,
  }
}

export function stateToQuery(state: CenterState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.tab !== 'warnings') query.tab = state.tab
  if (state.tab === 'orders') {
    if (state.status !== 'all') query.status = state.status
    if (state.unit !== null) query.unit = String(state.unit)
  }
  return query
}
