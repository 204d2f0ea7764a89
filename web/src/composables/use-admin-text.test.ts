import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminText } from './use-admin-text'

describe('useAdminText', () => {
  const text = useAdminText()

  it('words the form problems found before sending', () => {
    expect(text.problemTexts({ name: { key: 'org.fieldReasons.required' } })).toEqual({ name: '请填写此项' })
    expect(text.problemText(undefined)).toBe('')
  })

  it('words the server answer with the admin field reasons', () => {
    const error = new ApiError({
      status: 422,
      reason: 'validation.failed',
      message: 'x',
      fields: [{ field: 'orgUnitId', reason: 'user.role_scope_mismatch', message: 'This role cannot…' }],
    })
    expect(text.fieldErrors(error)).toEqual({ orgUnitId: '该角色不能分配到此类单位' })
    expect(text.errorText(new ApiError({ status: 403, reason: 'auth.forbidden', message: 'x' }))).toBe('没有权限执行此操作。')
  })
})
