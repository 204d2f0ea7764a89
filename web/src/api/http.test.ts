import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, NETWORK_ERROR_REASON, configureHttp, http, withQuery } from './http'

type FetchArgs = [input: string, init: RequestInit]

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>()
const onUnauthorized = vi.fn<(error: ApiError) => void>()

beforeEach(() => {
  fetchMock.mockReset()
  onUnauthorized.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  configureHttp({ csrfToken: () => 'csrf-123', onUnauthorized })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

function sentHeaders(call = 0): Record<string, string> {
  const init = fetchMock.mock.calls[call]?.[1]
  return (init?.headers ?? {}) as Record<string, string>
}

describe('withQuery', () => {
  it.each([
    [undefined, '/api/v1/cases'],
    [{}, '/api/v1/cases'],
    [{ limit: 20 }, '/api/v1/cases?limit=20'],
    [{ state: ['handling', 'dispatched'] }, '/api/v1/cases?state=handling%2Cdispatched'],
    [{ state: [], keyword: '', cursor: undefined, warning: null }, '/api/v1/cases'],
    [{ unread: true, keyword: '暖气' }, '/api/v1/cases?unread=true&keyword=%E6%9A%96%E6%B0%94'],
  ])('%j', (query, expected) => {
    expect(withQuery('/api/v1/cases', query)).toBe(expected)
  })
})

describe('http', () => {
  it('GETs JSON with the session cookie and no CSRF header', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { buckets: [] }))
    await expect(http.get('/api/v1/workbench')).resolves.toEqual({ buckets: [] })
    const init = fetchMock.mock.calls[0]?.[1]
    expect(init?.credentials).toBe('same-origin')
    expect(init?.method).toBe('GET')
    expect(sentHeaders()['X-CSRF-Token']).toBeUndefined()
  })

  it.each(['post', 'put', 'patch', 'remove'] as const)('%s sends the CSRF token', async (verb) => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await http[verb]('/api/v1/x')
    expect(sentHeaders()['X-CSRF-Token']).toBe('csrf-123')
  })

  it('sends a JSON body', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }))
    await http.post('/api/v1/auth/login', { username: 'a', password: 'b' })
    const init = fetchMock.mock.calls[0]?.[1]
    expect(init?.body).toBe('{"username":"a","password":"b"}')
    expect(sentHeaders()['Content-Type']).toBe('application/json')
  })

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(http.post('/api/v1/auth/logout')).resolves.toBeUndefined()
  })

  it('maps the error shape to ApiError with fields and request id', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, {
        error: {
          status: 422,
          reason: 'validation.failed',
          message: 'The request has invalid fields; see `fields`.',
          fields: [{ field: 'password', reason: 'length', message: '8 to 128 characters.' }],
          requestId: '5f0c2a9e41d3b7c8',
        },
      }),
    )
    const error = await http.post('/api/v1/users', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(422)
    expect(apiError.reason).toBe('validation.failed')
    expect(apiError.requestId).toBe('5f0c2a9e41d3b7c8')
    expect(apiError.fieldMessages()).toEqual({ password: '8 to 128 characters.' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('reads Retry-After on a throttled login and does not treat its 401s as a lost session', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        429,
        { error: { status: 429, reason: 'auth.account_locked', message: 'locked', fields: [], requestId: 'r1' } },
        { 'Retry-After': '900' },
      ),
    )
    const error = (await http.post('/api/v1/auth/login', {}).catch((e: unknown) => e)) as ApiError
    expect(error.reason).toBe('auth.account_locked')
    expect(error.retryAfterSeconds).toBe(900)

    fetchMock.mockResolvedValue(
      jsonResponse(401, {
        error: { status: 401, reason: 'auth.invalid_credentials', message: 'wrong', fields: [], requestId: 'r2' },
      }),
    )
    await http.post('/api/v1/auth/login', {}).catch(() => undefined)
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('reports a lost session elsewhere', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, {
        error: { status: 401, reason: 'auth.session_invalid', message: 'gone', fields: [], requestId: 'r3' },
      }),
    )
    await expect(http.get('/api/v1/workbench')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect(onUnauthorized.mock.calls[0]?.[0].reason).toBe('auth.session_invalid')
  })

  it('maps an answer without the error shape by its status', async () => {
    fetchMock.mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    const error = (await http.get('/api/v1/workbench').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.reason).toBe('http.502')
  })

  it('maps a network failure to status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const error = (await http.get('/api/v1/workbench').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(error.reason).toBe(NETWORK_ERROR_REASON)
  })
})

describe('raw bodies', () => {
  it('sends a Blob as its bytes with its own type and the CSRF header', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 7 }))
    const file = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })
    await http.post('/api/v1/cases/1/attachments', file, { query: { filename: 'a.png' } })
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/v1/cases/1/attachments?filename=a.png')
    expect(init?.body).toBe(file)
    expect(sentHeaders()['Content-Type']).toBe('image/png')
    expect(sentHeaders()['X-CSRF-Token']).toBe('csrf-123')
  })
})
