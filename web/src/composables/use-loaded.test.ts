import { describe, expect, it, vi } from 'vitest'
import { useLoaded } from './use-loaded'

describe('useLoaded', () => {
  it('loads, tells of the answer and keeps the error of a failure', async () => {
    const onLoad = vi.fn()
    const fetch = vi.fn((n: number) => (n > 0 ? Promise.resolve(n * 2) : Promise.reject(new Error('no'))))
    const thing = useLoaded(fetch, 0, { onLoad })
    expect(await thing.load(2)).toBe(true)
    expect(thing.value.value).toBe(4)
    expect(thing.loaded.value).toBe(true)
    expect(onLoad).toHaveBeenCalledWith(4, 2)
    expect(await thing.load(0)).toBe(false)
    expect(thing.error.value).toBeInstanceOf(Error)
    expect(thing.value.value).toBe(4)
    expect(thing.loading.value).toBe(false)
  })

  it('tells a thing that is not there from a failure', async () => {
    const gone = new Error('404')
    const thing = useLoaded(() => Promise.reject(gone), 0, { absentWhen: (error) => error === gone })
    await thing.load()
    expect(thing.absent.value).toBe(true)
    expect(thing.error.value).toBeNull()
  })

  it('takes the value given for a failure', async () => {
    const thing = useLoaded(() => Promise.reject(new Error('no')), 'x' as string | null, { onError: null })
    await thing.load()
    expect(thing.value.value).toBeNull()
  })

  it('drops the answer to a request a newer one overtook', async () => {
    let release: (value: number) => void = () => undefined
    const fetch = vi
      .fn<() => Promise<number>>()
      .mockReturnValueOnce(new Promise((resolve) => (release = resolve)))
      .mockResolvedValueOnce(9)
    const thing = useLoaded(fetch, 0)
    const first = thing.load()
    await thing.load()
    release(1)
    expect(await first).toBe(false)
    expect(thing.value.value).toBe(9)
  })
})
