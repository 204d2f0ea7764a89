// End to end: the 《社情民意专报》 from draft to the leader's desk. Starting at the app's root,
// the city office generates the monthly bulletin for the last full month of the demo data,
// edits a section, picks two typical cases and reports it to the city (its leaders), and
// submits it; the office head issues it; the leader opens it from the inbox and downloads the
// PDF. pdftotext must find the issue number, the period and the total that GET
// /api/v1/stats/cases gives for the same period; pdftoppm writes page 1 to
// test-results/bulletin-page1.png. Photographs of the editor and the reader at 1280 and 360 px.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, DESKTOP, PHONE, fitsThePhone, newContext, runScenarios, shot } from './support'

interface Bulletin {
  id: number
  number: number | null
  issueLabel: string
  periodText: string
  from: string
  to: string
  title: string
  state: string
}

const RESULTS = resolve(process.env.MINQING_E2E_SCREENSHOTS ?? 'test-results')

/** "2026-11": the month before this one, the last full month of the demo data. */
function lastFullMonth(today = new Date()): string {
  const month = today.getMonth()
  return month === 0 ? `${today.getFullYear() - 1}-12` : `${today.getFullYear()}-${String(month).padStart(2, '0')}`
}

/** Opens the app's root, logs in on the page it is sent to, and waits to be let in. */
async function startAt(browser: Browser, username: string): Promise<Page> {
  const context = await newContext(browser, DESKTOP)
  const page = await context.newPage()
  await page.goto(`${BASE_URL}/`)
  await page.waitForURL((url) => url.pathname === '/login')
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', 'minqing-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return page
}

/** A photograph at 1280 px, then at 360 px (which must fit), back to 1280. */
async function bothWidths(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  await shot(page, `${name}-1280`)
  await page.setViewportSize(PHONE)
  await fitsThePhone(page)
  await page.waitForTimeout(300)
  await shot(page, `${name}-360`)
  await page.setViewportSize(DESKTOP)
}

/** The city office's part: generate, edit, pick, distribute, submit. Returns the bulletin's id. */
async function officeWritesIt(browser: Browser, month: string): Promise<number> {
  const page = await startAt(browser, 'city-office')
  await page.click('[data-test="menu-bulletins"]')
  await page.waitForURL((url) => url.pathname === '/bulletins')
  await page.click('[data-test="bulletin-create"]')
  const dialog = page.locator('[data-test="bulletin-create-dialog"]')
  await dialog.waitFor()
  assert.equal(await dialog.locator('[data-test="bulletin-period"] input').inputValue(), month, 'the last full month is proposed')
  await page.click('[data-test="bulletin-create-save"]')
  await page.waitForURL((url) => /^\/bulletins\/\d+\/edit$/.test(url.pathname))
  const id = Number(/\/bulletins\/(\d+)\/edit/.exec(new URL(page.url()).pathname)?.[1])
  await page.locator('[data-test="section-overview"]').waitFor()

  // Edit a section: the office's own words beside the computed figures.
  const concerns = page.locator('[data-test="section-concerns"] textarea')
  await concerns.fill(`${await concerns.inputValue()}建议有关部门对群众反映集中的问题开展专项整治。`)

  // Two typical cases of the month, found through the case list.
  await page.click('[data-test="typical-cases"] .typical-picker')
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.nth(1).waitFor()
  await options.nth(0).click()
  await options.nth(1).click()
  await page.keyboard.press('Escape')

  // 报: the city, whose leaders receive it.
  const reportTo = page.locator('[data-test="distribution-reportTo"] .unit-picker')
  await reportTo.click()
  await page.keyboard.type('吉林市')
  await page.locator('.el-select-dropdown__item:visible', { hasText: /^吉林市$/ }).first().click()
  await page.keyboard.press('Escape')

  await page.click('[data-test="bulletin-save"]')
  await page.locator('[data-test="section-typical"] .bulletin-editor__cases li').nth(1).waitFor()
  await page.locator('[data-test="section-concerns"] .el-tag', { hasText: /已修改/ }).waitFor()
  await bothWidths(page, 'bulletin-editor')

  await page.click('[data-test="bulletin-submit"]')
  await page.waitForURL((url) => url.pathname === `/bulletins/${id}`)
  await page.context().close()
  return id
}

/** The office head issues it from the review tab. */
async function headIssuesIt(browser: Browser, id: number): Promise<void> {
  const page = await startAt(browser, 'office-head')
  await page.click('[data-test="menu-bulletins"]')
  await page.waitForURL((url) => url.pathname === '/bulletins')
  await page.locator('[data-test="bulletin-table"] [data-test="bulletin-open"]').first().waitFor()
  await page.goto(`${BASE_URL}/bulletins/${id}`)
  await page.click('[data-test="bulletin-issue"]')
  await page.locator('[data-test="bulletin-issue-label"]', { hasText: /第\d+期/ }).waitFor()
  await page.context().close()
}

/** The leader opens it from the inbox, reads it and downloads the PDF; returns the PDF's path. */
async function leaderReadsIt(browser: Browser, id: number, directory: string): Promise<string> {
  const page = await startAt(browser, 'leader')
  await page.click('[data-test="notification-bell"]')
  await page.locator('.bell__item', { hasText: '社情民意专报' }).first().click()
  await page.waitForURL((url) => url.pathname === `/bulletins/${id}`)
  await page.locator('[data-test="reader-section-overview"]').waitFor()
  await page.click('[data-test="bulletin-reader-title"]') // closes the inbox popover
  await page.locator('.bell__list').waitFor({ state: 'hidden' }).catch(() => undefined)
  await bothWidths(page, 'bulletin-reader')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="bulletin-download-pdf"]')])
  const path = join(directory, 'bulletin.pdf')
  await download.saveAs(path)
  await page.context().close()
  return path
}

async function fromDraftToTheLeader(browser: Browser): Promise<void> {
  const month = lastFullMonth()
  const id = await officeWritesIt(browser, month)
  await headIssuesIt(browser, id)
  const directory = mkdtempSync(join(tmpdir(), 'minqing-bulletin-'))
  try {
    const pdf = await leaderReadsIt(browser, id, directory)
    const office = await ApiSession.login('city-office')
    const bulletin = await office.call<Bulletin>('GET', `/api/v1/bulletins/${id}`)
    assert.equal(bulletin.state, 'issued')
    assert.ok(bulletin.number !== null && bulletin.number >= 1, 'the issue is numbered')
    const stats = await office.call<{ total: { count: number } }>('GET', `/api/v1/stats/cases?from=${bulletin.from}&to=${bulletin.to}`)
    // Letter-spaced CJK text comes out of pdftotext with spaces: compare without them.
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    assert.ok(text.includes(`第${bulletin.number}期`), `the PDF names the issue 第${bulletin.number}期`)
    assert.ok(text.includes(bulletin.periodText), `the PDF names the period ${bulletin.periodText}`)
    assert.ok(text.includes(`共受理群众诉求${stats.total.count}件`), `the PDF's total is the statistics' ${stats.total.count}`)
    assert.ok(text.includes('建议有关部门对群众反映集中的问题开展专项整治'), 'the edited section is in the PDF')
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(RESULTS, 'bulletin-page1')])
    // The leader's copy is read; the office sees it.
    const receipts = await office.call<{ read: number; items: { name: string; readAt: string | null }[] }>(
      'GET',
      `/api/v1/bulletins/${id}/receipts`,
    )
    assert.ok(receipts.items.some((r) => r.name === '市分管领导' && r.readAt !== null), 'the leader’s receipt is marked read')
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

await runScenarios({ fromDraftToTheLeader })
