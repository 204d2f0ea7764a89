// End to end: log in as unit-handler against a running server and see the workbench.
// make test runs it (scripts/web e2e) against the real server serving the build. By hand,
// with a server and the web app up: MINQING_WEB_URL=http://127.0.0.1:5173 npx tsx
// e2e/login.spec.ts. Uses Debian's Chromium through playwright-core; nothing is downloaded.
import assert from 'node:assert/strict'
import { chromium, type Browser, type Page } from 'playwright-core'

const BASE_URL = process.env.MINQING_WEB_URL ?? 'http://127.0.0.1:5173'
const SCREENSHOTS = process.env.MINQING_E2E_SCREENSHOTS ?? ''
const USERNAME = 'unit-handler'
const PASSWORD = 'minqing-demo'

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

async function logIn(page: Page, password: string): Promise<void> {
  await page.goto(`${BASE_URL}/login`)
  await page.fill('input[name="username"]', USERNAME)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
}

async function shot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) {
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
  }
}

async function loginShowsTheWorkbench(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await logIn(page, PASSWORD)
  await page.waitForURL(`${BASE_URL}/workbench`)
  await page.getByRole('heading', { name: '工作台' }).waitFor()
  await page.locator('[data-bucket="to_handle"]').first().waitFor()
  assert.match((await page.locator('[data-test="current-user"]').textContent()) ?? '', /市住建局承办人/)
  assert.ok((await page.locator('[data-test="bucket-item"]').count()) > 0, 'the workbench lists cases')
  await shot(page, 'workbench-1280')

  await page.setViewportSize({ width: 360, height: 780 })
  await shot(page, 'workbench-360')

  await page.locator('[data-test="bucket-item"]').first().click()
  await page.waitForURL(/\/cases\/\d+$/)
  await page.locator('[data-test="case-number"]').waitFor()
  await page.setViewportSize({ width: 1280, height: 900 })
  await shot(page, 'case-detail')
  await context.close()
}

async function wrongPasswordIsSaidInChinese(browser: Browser): Promise<void> {
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  await logIn(page, 'not-the-password')
  const alert = page.locator('[data-test="login-error"]')
  await alert.waitFor()
  assert.match((await alert.textContent()) ?? '', /用户名或密码错误/)
  await context.close()
}

const browser = await launch()
try {
  // Log in correctly first so one wrong try never adds up to a lockout across runs.
  await loginShowsTheWorkbench(browser)
  await wrongPasswordIsSaidInChinese(browser)
  console.log('2 passed, 0 failed')
} finally {
  await browser.close()
}
