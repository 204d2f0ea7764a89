// End to end: what the web takes from the server instead of copying its rules. The action
// forms the unit tests of the dialogs are written against (the fixture) are what the running
// server answers, and the intake channels of each collecting role come with the session.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { ApiSession, BASE_URL, DESKTOP, loggedInPage, PHONE, runScenarios, shot } from './support'

await runScenarios({
  'the action forms fixture is the server answer': async () => {
    const session = await ApiSession.login('city-office')
    const answer = await session.call<unknown>('GET', '/api/v1/case-actions/forms')
    const fixture: unknown = JSON.parse(await readFile(new URL('../src/views/case/detail/action-forms.fixture.json', import.meta.url), 'utf8'))
    assert.deepEqual(answer, fixture, 'paste the server answer into action-forms.fixture.json')
  },

  'the session names the intake channels of each role': async () => {
    const expected: Record<string, string[]> = {
      'grid-worker': ['grid'],
      cadre: ['cadre_report'],
      director: ['direct_card'],
      'street-office': ['walk_in'],
      'unit-handler': [],
    }
    for (const [username, channels] of Object.entries(expected)) {
      const session = await ApiSession.login(username)
      const me = await session.call<{ intakeChannels: string[] }>('GET', '/api/v1/auth/me')
      assert.deepEqual(me.intakeChannels, channels, username)
    }
  },

  'a grid worker is offered the grid form only': async (browser: Browser) => {
    const page = await loggedInPage(browser, 'grid-worker', DESKTOP)
    try {
      await page.goto(`${BASE_URL}/intake`)
      await page.locator('[data-test="intake-grid"]').waitFor()
      for (const other of ['walk-in', 'cadre-report', 'direct-card']) {
        assert.equal(await page.locator(`[data-test="intake-${other}"]`).count(), 0, other)
      }
      await page.locator('[data-test="intake-grid"]').click()
      await page.locator('[data-test="intake-submit"]').waitFor()
      await shot(page, 'intake-grid-1280')
      await page.setViewportSize(PHONE)
      await shot(page, 'intake-grid-360')
    } finally {
      await page.context().close()
    }
  },
})
