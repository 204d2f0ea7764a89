// The signed-in user, their roles and permissions, and the session's CSRF token.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { LoginRequest } from '@/api/auth'
import { isApiError } from '@/api/http'
import type { Me } from '@/api/types'
import { allowedAreas, mayEnter, type Area } from '@/utils/access'

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  /** True once GET /me has answered (or login succeeded) in this page's life. */
  const checked = ref(false)

  const loggedIn = computed(() => me.value !== null)
  const csrfToken = computed(() => me.value?.csrfToken ?? null)
  const displayName = computed(() => me.value?.user.displayName ?? '')
  const unitName = computed(() => me.value?.roles[0]?.orgUnit.name ?? '')
  const grants = computed(() => ({
    roles: me.value?.roles.map((r) => r.role) ?? [],
    permissions: me.value?.permissions ?? [],
    intakeChannels: me.value?.intakeChannels ?? [],
  }))
  const areas = computed(() => allowedAreas(grants.value))

  function may(area: Area): boolean {
    return mayEnter(area, grants.value)
  }

  async function login(credentials: LoginRequest): Promise<void> {
    me.value = await authApi.login(credentials)
    checked.value = true
  }

  /** Restores a session from its cookie; no session is not an error. */
  async function restore(): Promise<void> {
    try {
      me.value = await authApi.getMe()
    } catch (error) {
      if (!isApiError(error, 401)) {
        throw error
      }
      me.value = null
    } finally {
      checked.value = true
    }
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  /** Forgets the session locally (it ended on the server). */
  function clear(): void {
    me.value = null
    checked.value = true
  }

  return { me, checked, loggedIn, csrfToken, displayName, unitName, grants, areas, may, login, restore, logout, clear }
})
