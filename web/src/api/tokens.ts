// API tokens (docs/api.md "API tokens"): a system's key that acts as one user.
import type { TokenBody } from './generated/wire'
import { http } from './http'
import type { ItemList } from './types'

export interface ApiToken {
  id: number
  name: string
  userId: number
  /** The display name of the user it acts as ("" when the account is gone). */
  userName: string
  createdBy: number
  createdByName: string
  createdAt: string
  revokedAt: string | null
}

/** POST /api/v1/tokens: the token and, this once, its secret. */
export interface CreatedApiToken extends ApiToken {
  token: string
}

export const listTokens = () => http.get<ItemList<ApiToken>>('/api/v1/tokens')

export const createToken = (token: TokenBody) => http.post<CreatedApiToken>('/api/v1/tokens', token)

/** Revokes: the token stops working at once; the record stays in the list. */
export const removeToken = (id: number) => http.remove(`/api/v1/tokens/${id}`)
