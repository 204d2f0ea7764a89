import { describe, expect, it } from 'vitest'
import { createAppI18n, type AppLocale } from '@/i18n'
import { ApiError, dialogErrors, errorText, fieldErrorTexts, hasFieldErrors, isApiError, isMissingRoute, type Translator } from './http'

function translator(locale: AppLocale): Translator {
  const { t, te } = createAppI18n(locale).global
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
  }
}

const zh = translator('zh-CN')
const error = (reason: string, status: number, retryAfterSeconds: number | null = null, message = 'server text') =>
  new ApiError({ status, reason, message, retryAfterSeconds })

describe('errorText', () => {
  it.each([
    [error('auth.invalid_credentials', 401), '用户名或密码错误。'],
    [error('auth.account_locked', 429, 900), '连续登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员解锁。'],
    [error('auth.account_locked', 429), '连续登录失败次数过多，账号已锁定，请稍后再试或联系管理员解锁。'],
    [error('auth.too_many_attempts', 429, 30), '登录尝试过于频繁，请 30 秒后再试。'],
    [error('auth.too_many_attempts', 429, 61), '登录尝试过于频繁，请 2 分钟后再试。'],
    [error('network.unreachable', 0), '无法连接服务器，请检查网络后重试。'],
    [error('case.something_new', 409, null, 'Something new.'), '操作失败：Something new.'],
    [error('http.500', 500), '服务器内部错误。'],
    [error('org.has_active_children', 409), '该单位下仍有启用的下级单位，请先停用下级单位。'],
    [error('auth.forbidden', 403), '没有权限执行此操作。'],
  ])('%o', (apiError, expected) => {
    expect(errorText(apiError, zh)).toBe(expected)
  })

  it('speaks English too', () => {
    expect(errorText(error('auth.too_many_attempts', 429, 60), translator('en'))).toBe(
      'Too many login attempts. Try again in 1 minute.',
    )
  })

  it('says what went wrong for an error that is not the server answer', () => {
    expect(errorText(new Error('boom'), zh)).toBe('操作失败：boom')
  })
})

const invalid = new ApiError({
  status: 422,
  reason: 'validation.failed',
  message: 'x',
  fields: [
    { field: 'orgUnitId', reason: 'user.role_scope_mismatch', message: 'This role cannot…' },
    { field: 'handlers[0].name', reason: 'required', message: 'At most…' },
    { field: 'handlers[0].name', reason: 'too_long', message: 'second' },
    { field: 'x', reason: 'brand_new', message: 'Server words.' },
  ],
})

describe('fieldErrorTexts', () => {
  it('keys by the server field, translating the reasons of a locale prefix and keeping unknown ones', () => {
    expect(fieldErrorTexts(invalid, zh, 'org.fieldReasons')).toEqual({
      orgUnitId: '该角色不能分配到此类单位',
      'handlers[0].name': '请填写此项',
      x: 'Server words.',
    })
  })

  it('takes a function for the reasons, and the server words without any', () => {
    const reasons = (field: { reason: string }) => (field.reason === 'brand_new' ? '新' : null)
    expect(fieldErrorTexts(invalid, zh, reasons).x).toBe('新')
    expect(fieldErrorTexts(invalid, zh)['handlers[0].name']).toBe('At most…')
  })

  it('is empty for other errors', () => {
    expect(fieldErrorTexts(new Error('boom'), zh)).toEqual({})
  })
})

describe('dialogErrors', () => {
  const failed = new ApiError({
    status: 422,
    reason: 'validation.failed',
    message: 'invalid',
    fields: [
      { field: 'reason', reason: 'required', message: 'This field is required.' },
      { field: 'reason', reason: 'too_long', message: 'second problem on the same field' },
      { field: 'targetId', reason: 'case.bad_target', message: 'Forward to the office directly above.' },
      { field: 'version', reason: 'type', message: 'Expected an integer.' },
    ],
  })
  const texts = (field: { reason: string }) => (field.reason === 'required' ? '必填' : null)

  it('puts each field error under its field, translated where a text exists', () => {
    const errors = dialogErrors(failed, ['reason', 'targetId'], zh, texts)
    expect(errors.byField).toEqual({ reason: '必填', targetId: 'Forward to the office directly above.' })
    expect(errors.other).toEqual(['version: Expected an integer.'])
  })

  it('maps server field names onto the dialog field that shows them', () => {
    expect(dialogErrors(failed, ['target'], zh, texts, { targetId: 'target' }).byField).toEqual({
      target: 'Forward to the office directly above.',
    })
  })

  it('has nothing for errors that are not the server answer', () => {
    expect(dialogErrors(new Error('x'), ['reason'], zh, texts)).toEqual({ byField: {}, other: [] })
  })
})

describe('isApiError and friends', () => {
  it('tells a missing route from a missing record', () => {
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(true)
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'direct_card.not_found', message: '' }))).toBe(false)
  })

  it('matches a status and a reason', () => {
    const taken = error('category.code_taken', 409)
    expect(isApiError(taken, 409)).toBe(true)
    expect(isApiError(taken, null, 'category.code_taken')).toBe(true)
    expect(isApiError(taken, 409, 'other')).toBe(false)
    expect(isApiError(new Error('x'), null)).toBe(false)
    expect(hasFieldErrors(invalid)).toBe(true)
    expect(hasFieldErrors(error('validation.failed', 422))).toBe(false)
  })
})
