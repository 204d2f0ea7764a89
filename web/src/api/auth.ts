import { http } from './http'
import type { LoginRequest, LoginResponse, Me } from './types'

export const login = (body: LoginRequest) => http.post<LoginResponse>('/api/v1/auth/login', body)
export const logout = () => http.post<void>('/api/v1/auth/logout')
export const getMe = () => http.get<Me>('/api/v1/auth/me')
