// End to end: open the address `make run` prints (`/`), log in as unit-handler and land on the
// workbench (not on 无权访问: issue 11, point 1), at office and phone widths.
// make test runs every spec (scripts/web e2e) against the real server serving the build. By
// hand, with a server and the web app up: MINQING_WEB_URL=http://127.0.0.1:5173 npx tsx
// e2e/login.spec.ts.
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { caseAtHousingBureau } from './steps/case-setup'
import { BASE_URL, DEMO_PASSWORD, fitsThePhone, newContext, runScenarios, shot, submitLogin } from './support'

async function loginShowsTheWorkbench(browser: Browser): Promise<void> {
  // A case of its own waiting at the bureau, so the workbench has one whatever the demo data holds.
  await caseAtHousingBureau(`楼栋暖气不热（${Date.now().toString(36)}）`)
  const context = await newContext(browser)
  const page = await context.newPage()
  // As the README says: open the server's address, which asks for the login first.
  await page.goto(`${BASE_URL}/`)
  await page.waitForURL(`${BASE_URL}/login`)
  await page.fill('input[name="username"]', 'unit-handler')
  await page.fill('input[name="password"]', DEMO_PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${BASE_URL}/workbench`)
  await page.getByRole('heading', { name: '工作台' }).waitFor()
  await page.locator('[data-test="bucket-item"]').first().waitFor()
  assert.match((await page.locator('[data-test="current-user"]').textContent()) ?? '', /市住建局承办人/)
  assert.ok((await page.locator('[data-test="bucket-item"]').count()) > 0, 'the workbench lists cases')
  await shot(page, 'workbench-1280')

  await page.setViewportSize({ width: 360, height: 780 })
  await fitsThePhone(page)
  await shot(page, 'workbench-360')

  await page.locator('[data-test="bucket-item"]').first().click()
  await page.waitForURL(/\/cases\/\d+$/)
  await page.locator('[data-test="case-number"]').waitFor()
  await page.setViewportSize({ width: 1280, height: 900 })
  await shot(page, 'case-detail')
  await context.close()
}

async function wrongPasswordIsSaidInChinese(browser: Browser): Promise<void> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await submitLogin(page, 'unit-handler', 'not-the-password')
  const alert = page.locator('[data-test="login-error"]')
  await alert.waitFor()
  assert.match((await alert.textContent()) ?? '', /用户名或密码错误/)
  await context.close()
}

// Log in correctly first so one wrong try never adds up to a lockout across runs.
await runScenarios({ loginShowsTheWorkbench, wrongPasswordIsSaidInChinese })
