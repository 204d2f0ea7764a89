import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useFormSubmit } from './use-form-submit'

const refused = new ApiError({
  status: 422,
  reason: 'validation.failed',
  message: 'invalid',
  fields: [{ field: 'name', reason: 'required', message: 'Required.' }],
})

describe('useFormSubmit', () => {
  it('stops at the problems found before sending', async () => {
    const send = vi.fn(() => Promise.resolve(1))
    const form = useFormSubmit({ check: () => ({ name: '必填' }), send })
    expect(await form.submit()).toBe(false)
    expect(form.errors.value).toEqual({ name: '必填' })
    expect(send).not.toHaveBeenCalled()
  })

  it('stops without texts for a form that shows its own problems', async () => {
    const send = vi.fn(() => Promise.resolve(1))
    const form = useFormSubmit({ check: () => false, send })
    expect(await form.submit()).toBe(false)
    expect(form.errors.value).toEqual({})
    expect(send).not.toHaveBeenCalled()
    expect(await useFormSubmit({ check: () => true, send }).submit()).toBe(true)
  })

  it('sends once at a time and hands the answer on', async () => {
    let release: (value: number) => void = () => undefined
    const send = vi.fn(() => new Promise<number>((resolve) => (release = resolve)))
    const done = vi.fn()
    const form = useFormSubmit({ send, done })
    const first = form.submit()
    expect(form.saving.value).toBe(true)
    expect(await form.submit()).toBe(false)
    release(7)
    expect(await first).toBe(true)
    expect(send).toHaveBeenCalledTimes(1)
    expect(done).toHaveBeenCalledWith(7)
    expect(form.saving.value).toBe(false)
  })

  it('puts a 422 under its fields with the form reasons and says the failure above', async () => {
    const form = useFormSubmit({ send: () => Promise.reject(refused), fieldReasons: 'org.fieldReasons' })
    expect(await form.submit()).toBe(false)
    expect(form.errors.value).toEqual({ name: '请填写此项' })
    expect(form.formError.value).not.toBe('')
    form.clear()
    expect(form.formError.value).toBe('')
  })

  it('takes the form own words for a failure it knows', async () => {
    const duplicate = new ApiError({ status: 409, reason: 'x.duplicate', message: 'dup' })
    const form = useFormSubmit({
      send: () => Promise.reject(duplicate),
      explain: (error) => (error === duplicate ? { message: '重复' } : null),
    })
    await form.submit()
    expect(form.formError.value).toBe('重复')
    expect(form.errors.value).toEqual({})
  })

  it('does nothing when there is nothing to send', async () => {
    const form = useFormSubmit({ send: () => null })
    expect(await form.submit()).toBe(false)
    expect(form.saving.value).toBe(false)
  })
})
