// Steps on the grid collection form (网格采集), for specs that need a case recorded the way a
// grid manager does it: on a phone, already logged in as a grid worker.
import type { Page } from 'playwright-core'

export interface GridComplaint {
  title: string
  content: string
  /** The second-level category's name as shown, e.g. 供暖供热 (or a search word that finds it). */
  categoryName: string
  address: string
  /** Photos to attach, e.g. from tinyPng(). */
  photos?: { name: string; mimeType: string; buffer: Buffer }[]
}

/** Opens the grid form (unless it is open), fills a complaint, submits it, and reads the new case. */
export async function recordGridComplaint(page: Page, complaint: GridComplaint): Promise<{ id: number; number: string }> {
  const origin = new URL(page.url()).origin
  if (!new URL(page.url()).pathname.endsWith('/intake/grid') || (await page.locator('[data-test="intake-form"]').count()) === 0) {
    await page.goto(`${origin}/intake/grid`)
  }
  const form = page.locator('[data-test="intake-form"]')
  await form.waitFor()
  await form.locator('[data-test="field-kind"] label', { hasText: '投诉' }).click()
  await form.locator('[data-test="field-title"]').fill(complaint.title)
  await form.locator('[data-test="field-content"]').fill(complaint.content)
  await pickCategory(page, complaint.categoryName)
  await form.locator('[data-test="field-address"]').fill(complaint.address)
  if (complaint.photos && complaint.photos.length > 0) {
    await form.locator('[data-test="photo-input"]').setInputFiles(complaint.photos)
    await form.locator('[data-test="photo-list"] img').nth(complaint.photos.length - 1).waitFor()
  }
  await form.locator('[data-test="intake-submit"]').click()
  const number = page.locator('[data-test="created-number"]')
  await number.waitFor()
  const href = (await page.locator('[data-test="created-link"]').getAttribute('href')) ?? ''
  const id = Number(/\/cases\/(\d+)/.exec(href)?.[1])
  if (!Number.isInteger(id)) {
    throw new Error(`no case link after registering: ${href}`)
  }
  return { id, number: ((await number.textContent()) ?? '').trim() }
}

/** Chooses a category by typing into the category picker's search and clicking the match. */
export async function pickCategory(page: Page, name: string): Promise<void> {
  const input = page.locator('[data-test="category-picker"] input').first()
  await input.click()
  await input.fill(name)
  await page.locator('.el-cascader__suggestion-item:visible', { hasText: name }).first().click()
}
