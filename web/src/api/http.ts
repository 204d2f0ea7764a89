// The only HTTP client of the app: JSON in and out, the session cookie, the CSRF header on
// writes, and the server's error shape turned into ApiError.
import type { ApiErrorBody, ApiFieldError } from './types'

/** An error answer of the server, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly reason: string
  readonly fields: ApiFieldError[]
  readonly requestId: string
  /** From the Retry-After header of a 429 (or 503); null when absent. */
  readonly retryAfterSeconds: number | null

  constructor(init: {
    status: number
    reason: string
    message: string
    fields?: ApiFieldError[]
    requestId?: string
    retryAfterSeconds?: number | null
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.reason = init.reason
    this.fields = init.fields ?? []
    this.requestId = init.requestId ?? ''
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  /** The server's messages per field, for a form. */
  fieldMessages(): Record<string, string> {
    const byField: Record<string, string> = {}
    for (const field of this.fields) {
      byField[field.field] ??= field.message
    }
    return byField
  }
}

/** True when the server has no such route or method (a server older than this app). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && (error.reason === 'route.not_found' || error.reason === 'route.method_not_allowed')
}

/** True for the server's answer with this status (and this reason, when given). */
export function isApiError(error: unknown, status: number | null, reason?: string): error is ApiError {
  return (
    error instanceof ApiError &&
    (status === null || error.status === status) &&
    (reason === undefined || error.reason === reason)
  )
}

/** True for a 422 that names fields: the form can say what is wrong where. */
export function hasFieldErrors(error: unknown): error is ApiError {
  return isApiError(error, 422) && error.fields.length > 0
}

// ---- the texts a person reads for a failed request ----
// The one place where an error becomes words: the translation of the server's stable `reason`
// where we have one, else the server's own message; a 422's fields as texts by form field.

/** vue-i18n's t and te (composables/use-translator.ts gives the app's). */
export interface Translator {
  t: (key: string, named?: Record<string, number | string>, plural?: number) => string
  te: (key: string) => boolean
}

/** "15 分钟" / "30 秒" for a Retry-After in seconds. */
export function waitText(seconds: number, { t }: Translator): string {
  if (seconds < 60) {
    return t('wait.seconds', { n: seconds }, seconds)
  }
  const minutes = Math.ceil(seconds / 60)
  return t('wait.minutes', { n: minutes }, minutes)
}

const WAITING_REASONS = new Set(['auth.account_locked', 'auth.too_many_attempts'])

/** The sentence for any failure: errors.<reason>, errors.http.<status>, else the server's words. */
export function errorText(error: unknown, tr: Translator): string {
  if (!(error instanceof ApiError)) {
    return tr.t('errors.generic', { message: error instanceof Error ? error.message : String(error) })
  }
  if (WAITING_REASONS.has(error.reason)) {
    return error.retryAfterSeconds
      ? tr.t(`errors.${error.reason}`, { wait: waitText(error.retryAfterSeconds, tr) })
      : tr.t(`errors.${error.reason}_nowait`)
  }
  const key = `errors.${error.reason}`
  if (tr.te(key)) {
    return tr.t(key)
  }
  if (tr.te(`errors.http.${error.status}`)) {
    return tr.t(`errors.http.${error.status}`)
  }
  return tr.t('errors.generic', { message: error.message })
}

/**
 * How a form words a field error: a locale prefix whose `<prefix>.<reason>` texts it has
 * (org.fieldReasons), or a function giving a text or null; the server's own message otherwise.
 */
export type FieldReasons = string | ((field: ApiFieldError) => string | null)

function fieldText(field: ApiFieldError, reasons: FieldReasons | undefined, tr: Translator): string {
  if (typeof reasons === 'function') {
    return reasons(field) ?? field.message
  }
  if (reasons !== undefined && tr.te(`${reasons}.${field.reason}`)) {
    return tr.t(`${reasons}.${field.reason}`)
  }
  return field.message
}

/** A 422's field errors, the first text per field as the server names it (`handlers[0].name`). */
export function fieldErrorTexts(error: unknown, tr: Translator, reasons?: FieldReasons): Record<string, string> {
  const texts: Record<string, string> = {}
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      texts[field.field] ??= fieldText(field, reasons, tr)
    }
  }
  return texts
}

/** A dialog's field errors: those of the fields it shows, and the rest ("field: text"). */
export interface DialogErrors {
  /** Field name → text, for the fields on the dialog. */
  byField: Record<string, string>
  /** Texts of the fields the dialog does not show, so that nothing the server said is lost. */
  other: string[]
}

/**
 * Splits an error's fields between the dialog's own (`shown`) and the rest. Aliases map the
 * server's field name to the dialog's (the follow-up dialog shows satisfaction as one group).
 */
export function dialogErrors(
  error: unknown,
  shown: readonly string[],
  tr: Translator,
  reasons?: FieldReasons,
  aliases: Record<string, string> = {},
): DialogErrors {
  const result: DialogErrors = { byField: {}, other: [] }
  if (!(error instanceof ApiError)) {
    return result
  }
  for (const field of error.fields) {
    const name = aliases[field.field] ?? field.field
    const text = fieldText(field, reasons, tr)
    if (shown.includes(name)) {
      result.byField[name] ??= text
    } else {
      result.other.push(`${field.field}: ${text}`)
    }
  }
  return result
}

export const NETWORK_ERROR_REASON = 'network.unreachable'
export const BAD_RESPONSE_REASON = 'response.invalid'

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[]
export type Query = Record<string, QueryValue>

export interface HttpHooks {
  /** The session's CSRF token, sent on POST, PUT, PATCH and DELETE. */
  csrfToken: () => string | null
  /** Called when a request other than the login itself answers 401. */
  onUnauthorized: (error: ApiError) => void
}

const hooks: HttpHooks = {
  csrfToken: () => null,
  onUnauthorized: () => undefined,
}

/** Wires the client to the auth store and the router (main.ts). */
export function configureHttp(next: Partial<HttpHooks>): void {
  Object.assign(hooks, next)
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SESSION_ROUTES = ['/api/v1/auth/login']

/** `/api/v1/cases` + `{state: ['a','b'], limit: 20, x: undefined}` → `/api/v1/cases?state=a%2Cb&limit=20` */
export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue
    }
    if (Array.isArray(value)) {
      if (value.length > 0) {
        params.set(key, value.join(','))
      }
      continue
    }
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) {
    return false
  }
  const error = (value as { error: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { reason?: unknown }).reason === 'string'
  )
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After')
  if (header === null) {
    return null
  }
  const seconds = Number.parseInt(header, 10)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') {
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    if (response.ok) {
      throw new ApiError({
        status: response.status,
        reason: BAD_RESPONSE_REASON,
        message: 'The server answered with something other than JSON.',
      })
    }
    return undefined
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError({
      status: body.error.status || response.status,
      reason: body.error.reason,
      message: body.error.message,
      fields: Array.isArray(body.error.fields) ? body.error.fields : [],
      requestId: body.error.requestId || response.headers.get('X-Request-Id') || '',
      retryAfterSeconds: retryAfter(response),
    })
  }
  return new ApiError({
    status: response.status,
    reason: `http.${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
    requestId: response.headers.get('X-Request-Id') ?? '',
    retryAfterSeconds: retryAfter(response),
  })
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** Sends one request; resolves with the decoded JSON (undefined for 204), rejects with ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  // A file goes as its own bytes (attachments); everything else as JSON.
  const raw = options.body instanceof Blob
  if (options.body !== undefined) {
    headers['Content-Type'] = raw ? (options.body as Blob).type || 'application/octet-stream' : 'application/json'
  }
  if (WRITE_METHODS.has(method)) {
    const token = hooks.csrfToken()
    if (token) {
      headers['X-CSRF-Token'] = token
    }
  }
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause
    }
    throw new ApiError({ status: 0, reason: NETWORK_ERROR_REASON, message: String(cause) })
  }
  const body = await readBody(response)
  if (!response.ok) {
    const error = toApiError(response, body)
    if (error.status === 401 && !SESSION_ROUTES.includes(path)) {
      hooks.onUnauthorized(error)
    }
    throw error
  }
  return body as T
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  remove: <T = void>(path: string) => request<T>('DELETE', path),
}
