// What every end-to-end spec needs: Debian's Chromium, logging in through the page, screenshots,
// and a signed-in API session for setup that is not the behaviour under test. A spec fails if
// any of its pages asked another host for something or broke the server's Content-Security-Policy.
import assert from 'node:assert/strict'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const BASE_URL = process.env.MINQING_WEB_URL ?? 'http://127.0.0.1:5173'
export const DEMO_PASSWORD = 'minqing-demo'
const SCREENSHOTS = process.env.MINQING_E2E_SCREENSHOTS ?? ''

export const DESKTOP = { width: 1280, height: 900 }
export const OFFICE_SCREEN = { width: 1920, height: 1080 }
export const PHONE = { width: 360, height: 740 }

/** Headless Chromium from Debian's package; playwright-core downloads nothing. */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

/** Requests the pages made to any host but the server's own (the app must make none). */
const foreignRequests: string[] = []
/** What the server's Content-Security-Policy blocked on any page (the app must need nothing it forbids). */
const cspReports: string[] = []

export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
  const origin = new URL(BASE_URL).origin
  context.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      cspReports.push(`${message.page()?.url() ?? ''}: ${message.text()}`)
    }
  })
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http') && url.origin !== origin) {
      foreignRequests.push(request.url())
    }
  })
  return context
}

/** Fills and submits the login form (it does not wait for where it leads). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BASE_URL}/login`)
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
}

/** A new page of a new context, logged in as `username` and past the login page. */
export async function loggedInPage(browser: Browser, username: string, viewport = DESKTOP, password = DEMO_PASSWORD): Promise<Page> {
  const context = await newContext(browser, viewport)
  const page = await context.newPage()
  await submitLogin(page, username, password)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

/**
 * Fails when the page is wider than the viewport, naming what sticks out. The layout turns to
 * its phone form on the resize event, so this first waits a moment for it.
 */
export async function fitsThePhone(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5000 })
    .catch(() => undefined)
  const overflow = await page.evaluate(() => ({
    by: document.documentElement.scrollWidth - window.innerWidth,
    culprits: Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`),
  }))
  assert.ok(overflow.by <= 0, `the page fits a ${await page.evaluate(() => window.innerWidth)} px screen (${overflow.by} px too wide: ${overflow.culprits.join(', ')})`)
}

export async function shot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) {
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
  }
}

/** An error answer of the API, with its status and reason for the assertions. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

/** A signed-in API session (cookie and CSRF token), for a spec's setup and its checks. */
export class ApiSession {
  private constructor(
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    if (!response.ok) {
      throw new ApiFailure(response.status, '', `login as ${username}: ${response.status} ${await response.text()}`)
    }
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const body = (await response.json()) as { csrfToken: string }
    return new ApiSession(cookie, body.csrfToken)
  }

  /** The parsed JSON answer (undefined for 204); throws ApiFailure for an error status. */
  async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        'X-CSRF-Token': this.csrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      let reason = ''
      try {
        reason = (JSON.parse(text) as { error?: { reason?: string } }).error?.reason ?? ''
      } catch {
        // Not the API's error shape; the message carries the text.
      }
      throw new ApiFailure(response.status, reason, `${method} ${path}: ${response.status} ${text}`)
    }
    return (text ? JSON.parse(text) : undefined) as T
  }

  /** Sends a file's bytes as the body (an attachment upload); the parsed JSON answer. */
  async upload<T>(path: string, bytes: Buffer, contentType: string): Promise<T> {
    const response = await fetch(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrf, 'Content-Type': contentType },
      body: new Blob([new Uint8Array(bytes)]),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new ApiFailure(response.status, '', `POST ${path}: ${response.status} ${text}`)
    }
    return JSON.parse(text) as T
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path)
  }

  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.call<T>('POST', path, body ?? {}, headers)
  }

  /** Moves the server's clock forward (test mode only) and runs the deadline sweep. */
  async advanceClock(minutes: number): Promise<void> {
    await this.post('/api/v1/test/clock', { advanceMinutes: minutes })
    await this.post('/api/v1/test/sweep')
  }
}

/** Runs the named scenarios in one browser and reports them; a failure fails the process. */
export async function runScenarios(scenarios: Record<string, (browser: Browser) => Promise<void>>): Promise<void> {
  const browser = await launch()
  let failed = 0
  try {
    for (const [name, scenario] of Object.entries(scenarios)) {
      try {
        await scenario(browser)
        console.log(`  ok  ${name}`)
      } catch (error) {
        failed += 1
        console.error(`  FAIL ${name}\n`, error)
      }
    }
  } finally {
    await browser.close()
  }
  if (foreignRequests.length > 0) {
    failed += 1
    console.error(`  FAIL requests to other hosts: ${[...new Set(foreignRequests)].join(', ')}`)
  }
  if (cspReports.length > 0) {
    failed += 1
    console.error(`  FAIL Content-Security-Policy violations:\n${[...new Set(cspReports)].join('\n')}`)
  }
  const total = Object.keys(scenarios).length
  console.log(`${total - failed} passed, ${failed} failed`)
  if (failed > 0) {
    process.exitCode = 1
  }
}
