import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { createAppI18n, type AppLocale } from '@/i18n'
import { apiErrorMessage, type Translator } from './api-error-message'

function translator(locale: AppLocale): Translator {
  const { t, te } = createAppI18n(locale).global
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
  }
}

const error = (reason: string, status: number, retryAfterSeconds: number | null = null, message = 'server text') =>
  new ApiError({ status, reason, message, retryAfterSeconds })

describe('apiErrorMessage', () => {
  const zh = translator('zh-CN')
  it.each([
    [error('auth.invalid_credentials', 401), '用户名或密码错误。'],
    [error('auth.account_locked', 429, 900), '连续登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员解锁。'],
    [error('auth.account_locked', 429), '连续登录失败次数过多，账号已锁定，请稍后再试或联系管理员解锁。'],
    [error('auth.too_many_attempts', 429, 30), '登录尝试过于频繁，请 30 秒后再试。'],
    [error('auth.too_many_attempts', 429, 61), '登录尝试过于频繁，请 2 分钟后再试。'],
    [error('network.unreachable', 0), '无法连接服务器，请检查网络后重试。'],
    [error('case.something_new', 409, null, 'Something new.'), '操作失败：Something new.'],
    [error('http.500', 500), '服务器内部错误。'],
  ])('%o', (apiError, expected) => {
    expect(apiErrorMessage(apiError, zh)).toBe(expected)
  })

  it('speaks English too', () => {
    expect(apiErrorMessage(error('auth.too_many_attempts', 429, 60), translator('en'))).toBe(
      'Too many login attempts. Try again in 1 minute.',
    )
  })
})
