// Saved views of the case list: a name and the list's filters, per user (docs/api.md
// "Saved views"; the query's keys are the case-list filter names, its values strings as
// GET /api/v1/cases takes them — so `to` is the first day not wanted).
import type { SavedViewBody } from './generated/wire'
import { http } from './http'
import type { ItemList } from './types'

export interface SavedView {
  id: number
  name: string
  query: Record<string, string>
  createdAt: string
}

/** The server's rules, mirrored for the form. */
export const SAVED_VIEW_NAME_MAX = 40
export const SAVED_VIEWS_MAX = 50

/** The caller's own views, oldest first. */
export const listSavedViews = () => http.get<ItemList<SavedView>>('/api/v1/saved-views')

export const createSavedView = (view: SavedViewBody) => http.post<SavedView>('/api/v1/saved-views', view)

/** 204; 404 saved_view.not_found when it is not (or no longer) the caller's. */
export const removeSavedView = (id: number) => http.remove(`/api/v1/saved-views/${id}`)
