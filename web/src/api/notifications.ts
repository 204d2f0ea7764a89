import type { NoticePreferencesBody } from './generated/wire'
import { http } from './http'
import type { ItemList, NoticePreference, NotificationPage, NotificationQuery } from './types'

export const listNotifications = (query: NotificationQuery = {}) =>
  http.get<NotificationPage>('/api/v1/notifications', { ...query })

export const readNotification = (id: number) => http.post<void>(`/api/v1/notifications/${id}/read`)

export const readAllNotifications = () => http.post<{ updated: number }>('/api/v1/notifications/read-all')

export const getNoticePreferences = () => http.get<ItemList<NoticePreference>>('/api/v1/notifications/preferences')

/** Sets the modes of the kinds named; the others stay as they are. */
export const updateNoticePreferences = (modes: NoticePreferencesBody['modes']) =>
  http.put<ItemList<NoticePreference>>('/api/v1/notifications/preferences', { modes } satisfies NoticePreferencesBody)

/** ws:// or wss:// on the page's own host. */
export function notificationSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/api/v1/ws`
}
