import { describe, expect, it } from 'vitest'
import { mergeMessages } from './merge'

describe('mergeMessages', () => {
  it('keeps every part and merges the keys they share, later parts winning on a leaf', () => {
    const merged = mergeMessages<Record<string, unknown>>(
      { app: { name: '民情直通' }, errors: { generic: '失败', auth: { required: '请先登录。' } } },
      { org: { title: '组织机构' }, errors: { org: { code_taken: '代码已被使用。' } } },
      { errors: { auth: { forbidden: '没有权限。' }, generic: '操作失败' } },
    )
    expect(merged).toEqual({
      app: { name: '民情直通' },
      org: { title: '组织机构' },
      errors: {
        generic: '操作失败',
        auth: { required: '请先登录。', forbidden: '没有权限。' },
        org: { code_taken: '代码已被使用。' },
      },
    })
  })

  it('does not change the parts it merges', () => {
    const core = { errors: { auth: { required: '请先登录。' } } }
    mergeMessages(core, { errors: { auth: { forbidden: '没有权限。' } } })
    expect(core).toEqual({ errors: { auth: { required: '请先登录。' } } })
  })
})
