// End to end (scenario 3): a case left unsigned at a unit runs past its time limit; after the
// sweep the case page shows the red card and 已超期; the city office issues a 督办单 from the
// page, the unit's handler replies to it from the page, and the reply shows on the case. Also:
// a page acting on a case someone else has changed meanwhile is told so and reloads.
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { ApiSession, BASE_URL, loggedInPage, runScenarios, shot } from './support'
import { openCase } from './steps/case-page'
import { caseAtHousingBureau } from './steps/case-setup'

// Signing takes 4 working hours; three calendar days leave any start time well overdue.
const OVERDUE_MINUTES = 3 * 24 * 60

async function advanceAndSweep(minutes: number): Promise<void> {
  // Sessions last 12 hours of the server's clock, so the sweep goes on a fresh login.
  await (await ApiSession.login('admin')).post('/api/v1/test/clock', { advanceMinutes: minutes })
  await (await ApiSession.login('admin')).post('/api/v1/test/sweep')
}

async function overdueCaseIsSupervisedAndAnswered(browser: Browser): Promise<void> {
  const id = await caseAtHousingBureau('供暖温度长期不达标（超期督办）')
  await advanceAndSweep(OVERDUE_MINUTES)

  const office = await loggedInPage(browser, 'city-office')
  await openCase(office, id)
  await office.locator('[data-test="case-deadline"] [data-warning="red"]').first().waitFor()
  assert.match((await office.locator('[data-test="case-deadline"]').first().textContent()) ?? '', /已超期/)
  // The sweep's 催办 is an event of the case, named in Chinese on its timeline (issue 11).
  await office.locator('[data-test="timeline-item"][data-action="auto_remind"]', { hasText: '催办' }).first().waitFor({ state: 'attached' })
  await office.locator('[data-test="supervision-issue"]').click()
  const dialog = office.locator('[data-test="supervision-dialog"]')
  await dialog.waitFor()
  // The note is required, as on the server.
  await dialog.locator('[data-test="supervision-submit"]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请填写此项' }).waitFor()
  await dialog.locator('[data-test="supervision-note"]').fill('该件签收已超期，请于回复期限内说明原因并立即签收办理。')
  await shot(office, 'overdue-1-supervision-dialog')
  await dialog.locator('[data-test="supervision-submit"]').click()
  await office.locator('.el-message--success', { hasText: '督办单已下发' }).first().waitFor()
  await office.locator('[data-test="supervision-item"][data-replied="no"]', { hasText: '督办单' }).first().waitFor()
  await shot(office, 'overdue-1-red-card-and-order')
  // The supervision centre lists the order under its case's number.
  const number = ((await office.locator('[data-test="case-number"]').first().textContent()) ?? '').trim()
  await office.goto(`${BASE_URL}/supervision?tab=orders`)
  await office.locator('[data-test="orders-table"]', { hasText: number }).waitFor()
  // …a page at a time, with the totals by level of everything the filter matches.
  await office.locator('[data-test="orders-totals"]', { hasText: '催办' }).waitFor()
  // …and under the unit it was issued to, by name.
  await office.locator('[data-test="orders-table"] .el-table__row', { hasText: number }).first().getByText('吉林市住房和城乡建设局').waitFor()
  await shot(office, 'overdue-1-supervision-centre-orders')
  await office.context().close()

  const handler = await loggedInPage(browser, 'unit-handler')
  await openCase(handler, id)
  await handler.locator('[data-test="case-deadline"] [data-warning="red"]').first().waitFor()
  const reply = '因值班人员调整未及时签收，现已安排专人负责，今日内签收并联系诉求人。'
  await handler.locator('[data-test="supervision-reply-input"]').first().fill(reply)
  await handler.locator('[data-test="supervision-reply-submit"]').first().click()
  await handler.locator('.el-message--success', { hasText: '督办单已回复' }).first().waitFor()
  await handler.locator('[data-test="supervision-reply"]', { hasText: reply }).waitFor()
  assert.ok((await handler.locator('[data-test="timeline-item"][data-action="supervision_reply"]').count()) > 0, 'the reply is on the timeline')
  await shot(handler, 'overdue-2-reply-shown')
  await handler.context().close()
}

// A page left open while someone else acts sends a stale version: the server refuses it
// (409 case.version_conflict) and the page says so and shows the case as it is now.
async function stalePageIsToldTheCaseChanged(browser: Browser): Promise<void> {
  const id = await caseAtHousingBureau('供暖温度不达标（并发办理）')
  const handler = await loggedInPage(browser, 'unit-handler')
  await openCase(handler, id)
  await (await ApiSession.login('unit-handler')).post(`/api/v1/cases/${id}/actions/sign`, {})
  await handler.locator('[data-test="action-sign"]').click()
  await handler.locator('[data-test="action-dialog-sign"] [data-test="action-submit"]').click()
  await handler.locator('.el-message--warning', { hasText: '案件已被他人更新' }).waitFor()
  await handler.locator('[data-test="case-state"]', { hasText: '办理中' }).waitFor()
  assert.equal(await handler.locator('[data-test="action-sign"]').count(), 0, 'the stale action is gone')
  await handler.context().close()
}

// 提醒设置 under the bell: an office's 催办 default to the morning digest; the user switches them
// to 即时 and the server keeps the choice (issue 11).
async function officeChoosesHowNoticesReachIt(browser: Browser): Promise<void> {
  const office = await loggedInPage(browser, 'district-office')
  await office.locator('[data-test="notification-bell"]').click()
  await office.locator('[data-test="notice-settings"]').click()
  const dialog = office.locator('[data-test="notice-preferences"]')
  const reminder = dialog.locator('[data-kind="reminder"]')
  await reminder.locator('.el-radio-button.is-active', { hasText: '每日汇总' }).waitFor()
  await reminder.getByText('即时').click()
  await shot(office, 'notice-preferences')
  await dialog.locator('[data-test="notice-preferences-save"]').click()
  await office.locator('.el-message--success', { hasText: '提醒方式已保存' }).first().waitFor()
  const api = await ApiSession.login('district-office')
  const saved = await api.call<{ items: { kind: string; mode: string; chosen: boolean }[] }>('GET', '/api/v1/notifications/preferences')
  assert.deepEqual(
    saved.items.find((item) => item.kind === 'reminder'),
    { kind: 'reminder', label: '催办', automatic: true, mode: 'immediate', chosen: true },
  )
  await api.call('PUT', '/api/v1/notifications/preferences', { modes: { reminder: 'digest' } })
  await office.context().close()
}

await runScenarios({
  'an overdue case gets a 督办单 and the unit replies': overdueCaseIsSupervisedAndAnswered,
  'an office chooses how notices reach it': officeChoosesHowNoticesReachIt,
  'a stale page is told the case changed': stalePageIsToldTheCaseChanged,
})
