import type { LoginBody } from './generated/wire'
import { http } from './http'
import type { LoginResponse, Me } from './types'

/** POST /api/v1/auth/login: the server's wire table. */
export type LoginRequest = LoginBody

export const login = (body: LoginRequest) => http.post<LoginResponse>('/api/v1/auth/login', body)
export const logout = () => http.post<void>('/api/v1/auth/logout')
export const getMe = () => http.get<Me>('/api/v1/auth/me')
