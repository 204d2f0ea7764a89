// End to end (scenario 4): a user opening a case outside their scope sees 无权访问 on the page,
// with a way back to the workbench, and the API refuses them the case (404, as for a case that
// does not exist, so its existence is not given away).
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { ApiFailure, ApiSession, BASE_URL, loggedInPage, runScenarios, shot } from './support'
import { openCase } from './steps/case-page'
import { registerAtCityOffice } from './steps/case-setup'

async function apiRefuses(username: string, id: number): Promise<void> {
  const session = await ApiSession.login(username)
  await assert.rejects(session.get(`/api/v1/cases/${id}`), (error: unknown) => {
    assert.ok(error instanceof ApiFailure)
    assert.ok([403, 404].includes(error.status), `status ${error.status}`)
    return true
  })
}

async function caseOutsideScopeIsRefused(browser: Browser): Promise<void> {
  // Registered at the city office: neither a grid in 船营区 nor the housing bureau has a stake.
  const cityOffice = await ApiSession.login('city-office')
  const id = await registerAtCityOffice(cityOffice, '昌邑区供暖投诉（范围外）')

  for (const username of ['grid-worker', 'unit-handler']) {
    await apiRefuses(username, id)
    const page = await loggedInPage(browser, username)
    await openCase(page, id)
    const notice = page.locator('[data-test="no-access"]')
    assert.match((await notice.textContent()) ?? '', /无权访问/)
    assert.equal(await page.locator('[data-test="action-bar"]').count(), 0, 'no actions are offered')
    await shot(page, `out-of-scope-${username}`)
    await page.locator('[data-test="no-access-back"]').click()
    await page.waitForURL(`${BASE_URL}/workbench`)
    await page.context().close()
  }
}

await runScenarios({ 'a case outside the user scope says 无权访问': caseOutsideScopeIsRefused })
