// The unread inbox: its count and newest messages, kept live over /api/v1/ws.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listNotifications, notificationSocketUrl, readAllNotifications, readNotification } from '@/api/notifications'
import type { Notification, NotificationPush } from '@/api/types'

const RECENT_LIMIT = 10
const RECONNECT_BASE_MS = 2000
const RECONNECT_CAP_MS = 60000

function isPush(value: unknown): value is NotificationPush {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'notification' &&
    typeof (value as { notification?: unknown }).notification === 'object'
  )
}

export const useNotificationsStore = defineStore('notifications', () => {
  const unreadCount = ref(0)
  const recent = ref<Notification[]>([])
  const live = ref(false)

  let socket: WebSocket | null = null
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null
  let attempts = 0
  let wanted = false

  async function refresh(): Promise<void> {
    const page = await listNotifications({ unread: true, limit: RECENT_LIMIT })
    unreadCount.value = page.unreadCount
    recent.value = page.items
  }

  function receive(notification: Notification): void {
    // A message may arrive twice (docs/api.md): keep one per id.
    if (recent.value.some((n) => n.id === notification.id)) {
      return
    }
    recent.value = [notification, ...recent.value].slice(0, RECENT_LIMIT)
    if (!notification.read) {
      unreadCount.value += 1
    }
  }

  async function markRead(id: number): Promise<void> {
    await readNotification(id)
    const wasUnread = recent.value.some((n) => n.id === id && !n.read)
    recent.value = recent.value.filter((n) => n.id !== id)
    if (wasUnread) {
      unreadCount.value = Math.max(0, unreadCount.value - 1)
    }
  }

  async function markAllRead(): Promise<void> {
    await readAllNotifications()
    unreadCount.value = 0
    recent.value = []
  }

  function scheduleReconnect(): void {
    if (!wanted || reconnectTimer !== null) {
      return
    }
    const delay = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempts)
    attempts += 1
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null
      open()
    }, delay)
  }

  function open(): void {
    if (typeof WebSocket === 'undefined') {
      return
    }
    const ws = new WebSocket(notificationSocketUrl(window.location))
    socket = ws
    ws.onopen = () => {
      attempts = 0
      live.value = true
      // What arrived while we were away.
      void refresh().catch(() => undefined)
    }
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') {
        return
      }
      try {
        const message: unknown = JSON.parse(event.data)
        if (isPush(message)) {
          receive(message.notification)
        }
      } catch {
        // Not ours to understand.
      }
    }
    ws.onclose = () => {
      live.value = false
      if (socket === ws) {
        socket = null
      }
      scheduleReconnect()
    }
  }

  /** Loads the unread count and opens the live socket (once). */
  function start(): void {
    wanted = true
    void refresh().catch(() => undefined)
    if (socket === null && reconnectTimer === null) {
      open()
    }
  }

  function stop(): void {
    wanted = false
    if (reconnectTimer !== null) {
      clearTimeout(reconnectTimer)
      reconnectTimer = null
    }
    socket?.close()
    socket = null
    live.value = false
    unreadCount.value = 0
    recent.value = []
  }

  return { unreadCount, recent, live, refresh, receive, markRead, markAllRead, start, stop }
})
