import { http } from './http'
import type { NotificationPage, NotificationQuery } from './types'

export const listNotifications = (query: NotificationQuery = {}) =>
  http.get<NotificationPage>('/api/v1/notifications', { ...query })

export const readNotification = (id: number) => http.post<void>(`/api/v1/notifications/${id}/read`)

export const readAllNotifications = () => http.post<{ updated: number }>('/api/v1/notifications/read-all')

/** ws:// or wss:// on the page's own host. */
export function notificationSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/api/v1/ws`
}
