// The two-level subject categories (GET /api/v1/categories; no login needed).
import { http } from './http'
import type { ItemList } from './types'

/** A top-level category has `parentCode` null. */
export interface Category {
  code: string
  name: string
  parentCode: string | null
  keywords: string[]
  active: boolean
}

/** With `includeInactive` (administrators), deactivated categories too. */
export const listCategories = (includeInactive = false) =>
  http.get<ItemList<Category>>('/api/v1/categories', { includeInactive: includeInactive || undefined })
