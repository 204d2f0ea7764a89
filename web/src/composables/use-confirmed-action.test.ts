import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'

const confirm = vi.fn<(...args: unknown[]) => Promise<unknown>>()
const success = vi.fn()
const error = vi.fn()
vi.mock('element-plus', () => ({
  ElMessageBox: { confirm: (...args: unknown[]) => confirm(...args) },
  ElMessage: { success: (...args: unknown[]) => success(...args), error: (...args: unknown[]) => error(...args) },
}))

const { useConfirmedAction } = await import('./use-confirmed-action')

const question = { title: '撤销', message: '确定撤销？', confirm: '撤销', cancel: '取消' }

beforeEach(() => {
  confirm.mockReset()
  success.mockReset()
  error.mockReset()
})

describe('useConfirmedAction', () => {
  it('asks, acts, says so and reloads', async () => {
    confirm.mockResolvedValue('confirm')
    const act = vi.fn((id: number) => Promise.resolve(id * 2))
    const then = vi.fn()
    const action = useConfirmedAction({ ask: () => question, act, success: (id, doubled) => `done ${id} ${doubled}`, then, key: (id) => id })
    expect(await action.run(3)).toBe(true)
    expect(confirm).toHaveBeenCalledWith('确定撤销？', '撤销', expect.objectContaining({ confirmButtonText: '撤销', cancelButtonText: '取消' }))
    expect(success).toHaveBeenCalledWith('done 3 6')
    expect(then).toHaveBeenCalledWith(3, 6)
    expect(action.busy.value).toBeNull()
  })

  it('does nothing when the question is declined', async () => {
    confirm.mockRejectedValue('cancel')
    const act = vi.fn(() => Promise.resolve())
    const action = useConfirmedAction({ ask: () => question, act, success: () => 'done' })
    expect(await action.run(1)).toBe(false)
    expect(act).not.toHaveBeenCalled()
  })

  it('acts without asking when there is no question, and says a failure in words', async () => {
    const refusal = new ApiError({ status: 403, reason: 'auth.forbidden', message: 'x' })
    const action = useConfirmedAction({ ask: () => null, act: () => Promise.reject(refusal), success: () => 'done' })
    expect(await action.run(1)).toBe(false)
    expect(confirm).not.toHaveBeenCalled()
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: '没有权限执行此操作。' }))
  })

  it('takes the action own words for a failure', async () => {
    const action = useConfirmedAction({
      ask: () => null,
      act: () => Promise.reject(new Error('x')),
      success: () => 'done',
      failure: () => '接口不存在',
    })
    await action.run(1)
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: '接口不存在' }))
  })
})
