// Loads what the org map draws for a unit: its own boundary and those of the units below it.
// Boundaries sit on grids in the seed data, so the grids are fetched once and kept; the
// subtree's ids (from the light tree answer) pick the ones below the selected unit.
import { getOrgTree, listOrgUnits, type OrgUnit } from '@/api/org'
import { getWebSettings, type WebSettings } from '@/api/web-settings'
import { subtreeIds } from './org-tree'

let grids: Promise<OrgUnit[]> | null = null
let settings: Promise<WebSettings> | null = null

function allGrids(): Promise<OrgUnit[]> {
  grids ??= listOrgUnits({ level: 'grid' }).then(
    (answer) => answer.items,
    (error: unknown) => {
      grids = null
      throw error
    },
  )
  return grids
}

/** The unit first, then its direct children, then the grids anywhere below it. */
export async function subtreeBoundaries(unit: OrgUnit): Promise<OrgUnit[]> {
  if (unit.level === 'grid') {
    return [unit]
  }
  const [tree, children, gridUnits] = await Promise.all([
    getOrgTree({ root: unit.id }),
    listOrgUnits({ parent: unit.id }),
    allGrids(),
  ])
  const below = subtreeIds(tree.items)
  return [unit, ...children.items, ...gridUnits.filter((grid) => below.has(grid.id))]
}

/** After a unit was created or changed: the kept grids may be out of date. */
export function forgetBoundaries(): void {
  grids = null
}

/** The web settings, asked once per page load. */
export function mapSettings(): Promise<WebSettings> {
  settings ??= getWebSettings().catch((error: unknown) => {
    settings = null
    throw error
  })
  return settings
}
