import { describe, expect, it } from 'vitest'
import { ApiError } from './http'
import { isMissingRoute } from '@/api/http'

describe('isMissingRoute', () => {
  it('knows a server without the route: no such path, or the path with other methods only', () => {
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(true)
    expect(isMissingRoute(new ApiError({ status: 405, reason: 'route.method_not_allowed', message: '' }))).toBe(true)
  })

  it('is not fooled by a missing resource on a route that exists', () => {
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'category.not_found', message: '' }))).toBe(false)
    expect(isMissingRoute(new Error('x'))).toBe(false)
  })
})
