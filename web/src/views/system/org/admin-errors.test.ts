import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { createAppI18n } from '@/i18n'
import type { Translator } from '@/utils/api-error-message'
import { apiErrorMessage } from '@/utils/api-error-message'
import { isMissingRoute } from '@/api/http'
import { fieldErrorTexts } from './admin-errors'

const { t, te } = createAppI18n('zh-CN').global
const zh: Translator = { t: (key, named = {}) => t(key, named), te: (key) => te(key) }

describe('apiErrorMessage on the admin reasons', () => {
  it('speaks the admin reasons in Chinese', () => {
    const error = new ApiError({ status: 409, reason: 'org.has_active_children', message: 'x' })
    expect(apiErrorMessage(error, zh)).toBe('该单位下仍有启用的下级单位，请先停用下级单位。')
  })

  it('falls back to the app-wide text', () => {
    expect(apiErrorMessage(new ApiError({ status: 403, reason: 'auth.forbidden', message: 'x' }), zh)).toBe(
      '没有权限执行此操作。',
    )
  })
})

describe('fieldErrorTexts', () => {
  it('keys by the server field, translating known reasons and keeping unknown ones', () => {
    const error = new ApiError({
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
    expect(fieldErrorTexts(error, zh)).toEqual({
      orgUnitId: '该角色不能分配到此类单位',
      'handlers[0].name': '请填写此项',
      x: 'Server words.',
    })
  })

  it('is empty for other errors', () => {
    expect(fieldErrorTexts(new Error('boom'), zh)).toEqual({})
  })
})

describe('isMissingRoute', () => {
  it('tells a missing route from a missing record', () => {
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(true)
    expect(isMissingRoute(new ApiError({ status: 404, reason: 'direct_card.not_found', message: '' }))).toBe(false)
  })
})
