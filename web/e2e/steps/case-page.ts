// Driving the case detail page: open a case, take an action through its dialog, read the
// timeline. Shared by the case-action scenarios.
import type { Locator, Page } from 'playwright-core'
import { BASE_URL } from '../support'

export async function openCase(page: Page, id: number): Promise<void> {
  await page.goto(`${BASE_URL}/cases/${id}`)
  await page.locator('[data-test="case-number"], [data-test="no-access"]').first().waitFor()
}

/** The open dialog of an action (Element Plus puts it at the end of <body>). */
export function actionDialog(page: Page, action: string): Locator {
  return page.locator(`[data-test="action-dialog-${action}"]`)
}

/**
 * Clicks the action's button, lets `fill` complete the dialog, submits it and waits for the
 * success message ("受理已完成").
 */
export async function act(page: Page, action: string, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.locator(`[data-test="action-${action}"]`).click()
  const dialog = actionDialog(page, action)
  await dialog.waitFor()
  if (fill) {
    await fill(dialog)
  }
  await dialog.locator('[data-test="action-submit"]').click()
  await page.locator('.el-message--success', { hasText: `${label}已完成` }).first().waitFor()
  await dialog.waitFor({ state: 'hidden' })
}

export async function stateText(page: Page): Promise<string> {
  return ((await page.locator('[data-test="case-state"]').textContent()) ?? '').trim()
}

/** The actions of the timeline's entries, oldest first. */
export async function timelineActions(page: Page): Promise<string[]> {
  const items = page.locator('[data-test="timeline-item"]')
  const actions: string[] = []
  for (let i = 0; i < (await items.count()); i++) {
    actions.push((await items.nth(i).getAttribute('data-action')) ?? '')
  }
  return actions
}
