// End to end (scenario 1): a heating complaint goes the whole way through the case page. The
// grid worker records it on a phone (steps/register-heating.ts); community staff accept and forward
// it, the street and district offices forward it, the city office dispatches it to 吉林市住房
// 和城乡建设局 with an assisting unit, the unit's handler signs, contacts the reporter and
// answers with a photo, the unit's 分管领导 signs the answer (二级工作网络), the city office
// approves it and records the follow-up as 满意, which closes the case; the timeline then shows
// every step. Each user in their own context.
//
// The workflow as the server has it (server/src/domain/workflow.cpp): 上报 (forward) goes one
// office up unless the dialog names an office further up (action-dialogs.spec.ts skips a level);
// here the case climbs 社区 → 街道 → 区 → 市 before the city office dispatches it; the
// dispatching office reviews the answer and follows up; a satisfied follow-up closes the case by
// itself (no separate 办结).
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { loggedInPage, OFFICE_SCREEN, PHONE, runScenarios, shot } from './support'
import { act, openCase, stateText, timelineActions } from './steps/case-page'
import { registerHeatingComplaint } from './steps/register-heating'

// A 1×1 PNG, as the evidence photo of the answer.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

async function asUser(browser: Browser, username: string, id: number, work: (page: Page) => Promise<void>): Promise<void> {
  const page = await loggedInPage(browser, username)
  try {
    await openCase(page, id)
    await work(page)
  } finally {
    await page.context().close()
  }
}

async function heatingComplaintIsHandledToTheEnd(browser: Browser): Promise<void> {
  const id = await registerHeatingComplaint(browser)

  await asUser(browser, 'community-staff', id, async (page) => {
    assert.equal(await stateText(page), '待受理')
    await shot(page, 'heating-1-community-detail')
    await page.locator('[data-test="action-accept"]').click()
    await page.locator('[data-test="action-dialog-accept"]').waitFor()
    await shot(page, 'heating-1-accept-dialog')
    await page.locator('[data-test="action-dialog-accept"] [data-test="action-submit"]').click()
    await page.locator('.el-message--success', { hasText: '受理已完成' }).first().waitFor()
    await page.locator('[data-test="action-forward"]').waitFor()
    await act(page, 'forward', '上报')
  })

  for (const office of ['street-office', 'district-office']) {
    await asUser(browser, office, id, async (page) => {
      assert.equal(await stateText(page), '待分转')
      await act(page, 'forward', '上报')
    })
  }

  await asUser(browser, 'city-office', id, async (page) => {
    await page.locator('[data-test="action-dispatch"]').click()
    const dialog = page.locator('[data-test="action-dialog-dispatch"]')
    await dialog.waitFor()
    // The dispatch catalogue suggests the housing bureau as lead, with an assisting unit.
    await dialog.locator('[data-test="routing-suggestion"]', { hasText: '吉林市住房和城乡建设局' }).waitFor()
    await dialog.locator('[data-test="field-targetId"]', { hasText: '吉林市住房和城乡建设局' }).waitFor()
    const assisting = ((await dialog.locator('[data-test="field-assistingIds"]').textContent()) ?? '').trim()
    assert.ok(assisting.length > 0, 'an assisting unit is pre-filled')
    await shot(page, 'heating-2-dispatch-dialog')
    await dialog.locator('[data-test="action-submit"]').click()
    await page.locator('.el-message--success', { hasText: '分转已完成' }).first().waitFor()
    assert.equal(await stateText(page), '待签收')
    assert.match((await page.locator('[data-test="joint-assisting"]').textContent()) ?? '', /\S/)
    assert.match((await page.locator('[data-test="case-holder"]').textContent()) ?? '', /吉林市住房和城乡建设局/)
  })

  await asUser(browser, 'unit-handler', id, async (page) => {
    await act(page, 'sign', '签收')
    await act(page, 'contact_reporter', '联系诉求人', async (dialog) => {
      await dialog.locator('[data-test="field-note"]').fill('已电话联系王女士，约定明日上门检查暖气管线。')
    })
    await page.locator('[data-test="action-answer"]').click()
    const dialog = page.locator('[data-test="action-dialog-answer"]')
    await dialog.waitFor()
    // The server's rule, mirrored: nothing chosen or written yet, nothing is sent.
    await dialog.locator('[data-test="action-submit"]').click()
    await dialog.locator('[data-test="action-error"]').waitFor()
    await dialog.locator('[data-test="result-solved"]').click()
    await dialog.locator('[data-test="field-answerText"]').fill('经热力公司上门排查，系单元立管阀门故障，已更换阀门，室温恢复至20度。')
    await dialog.locator('[data-test="evidence-input"]').setInputFiles({ name: '维修现场.png', mimeType: 'image/png', buffer: PHOTO })
    await shot(page, 'heating-3-answer-dialog')
    await dialog.locator('[data-test="action-submit"]').click()
    await page.locator('.el-message--success', { hasText: '答复已完成' }).first().waitFor()
    // The answer waits inside the unit for its 分管领导 (on by default for every unit).
    await page.locator('[data-test="unit-review-pending"]').waitFor()
    assert.equal(await stateText(page), '办理中')
    await page.locator('[data-test="attachment-image"]').first().waitFor()
  })

  await asUser(browser, 'unit-leader', id, async (page) => {
    await act(page, 'approve_unit_answer', '签发')
    assert.equal(await stateText(page), '待审核')
  })

  await asUser(browser, 'city-office', id, async (page) => {
    await act(page, 'approve_answer', '审核通过')
    await page.locator('[data-test="action-follow_up"]').click()
    const dialog = page.locator('[data-test="action-dialog-follow_up"]')
    await dialog.waitFor()
    await dialog.locator('[data-test="satisfaction-satisfied"]').click()
    await shot(page, 'heating-4-follow-up-dialog')
    await dialog.locator('[data-test="action-submit"]').click()
    await page.locator('.el-message--success', { hasText: '回访已完成' }).first().waitFor()
    assert.equal(await stateText(page), '已办结')

    const steps = await timelineActions(page)
    const expected = [
      'create',
      'accept',
      'forward',
      'forward',
      'forward',
      'dispatch',
      'sign',
      'contact_reporter',
      'attach',
      'answer',
      'approve_unit_answer',
      'approve_answer',
      'follow_up',
    ]
    assert.deepEqual(
      steps.filter((step) => expected.includes(step)),
      expected,
      `the timeline shows every step in order: ${steps.join(', ')}`,
    )
    const timeline = (await page.locator('[data-test="timeline"]').textContent()) ?? ''
    assert.match(timeline, /满意/)
    assert.match(timeline, /吉林市住房和城乡建设局/)
    await page.locator('[data-test="timeline-item"][data-action="attach"] img').first().waitFor()
    await shot(page, 'heating-5-closed-detail')
    await page.setViewportSize(OFFICE_SCREEN)
    await shot(page, 'heating-5-closed-detail-1920')
    await page.setViewportSize(PHONE)
    await shot(page, 'heating-5-closed-detail-360')
  })
}

await runScenarios({ 'heating complaint from the grid to a satisfied close': heatingComplaintIsHandledToTheEnd })
