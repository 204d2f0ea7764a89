// The org tree as the page shows it: nodes for the lazy ElTree, search over the whole tree,
// and where a new unit may go (server/src/domain/org_unit.cpp, CheckPlacement).
import type { OrgTreeNode } from '@/api/org'
import type { OrgKind, OrgLevel } from '@/api/types'

/** A node of the ElTree: the unit's essentials and whether it can be opened. */
export interface TreeItem {
  id: number
  name: string
  code: string
  kind: OrgKind
  level: OrgLevel
  active: boolean
  /** No units below it (as far as the server said). */
  leaf: boolean
}

/**
 * The children of a node from GET /org/tree?root=id&depth=2: the root's children, each with
 * its own children present, so leafness is known without another request.
 */
export function childItems(subtree: readonly OrgTreeNode[]): TreeItem[] {
  const root = subtree[0]
  return root ? root.children.map(toItem) : []
}

export function toItem(node: OrgTreeNode): TreeItem {
  return {
    id: node.id,
    name: node.name,
    code: node.code,
    kind: node.kind,
    level: node.level,
    active: node.active,
    leaf: node.children.length === 0,
  }
}

export interface SearchHit {
  item: TreeItem
  /** Names from the top of the tree down to the hit's parent. */
  path: string[]
}

/** Units whose name or code contains the keyword, tree order, at most `limit`. */
export function searchTree(roots: readonly OrgTreeNode[], keyword: string, limit: number): SearchHit[] {
  const needle = keyword.trim().toLowerCase()
  const hits: SearchHit[] = []
  if (!needle) {
    return hits
  }
  const visit = (node: OrgTreeNode, path: string[]): boolean => {
    if (node.name.toLowerCase().includes(needle) || node.code.toLowerCase().includes(needle)) {
      hits.push({ item: toItem(node), path })
      if (hits.length >= limit) {
        return false
      }
    }
    const below = [...path, node.name]
    return node.children.every((child) => visit(child, below))
  }
  roots.every((root) => visit(root, []))
  return hits
}

/** The ids of a subtree, its root included. */
export function subtreeIds(roots: readonly OrgTreeNode[]): Set<number> {
  const ids = new Set<number>()
  const visit = (node: OrgTreeNode): void => {
    ids.add(node.id)
    node.children.forEach(visit)
  }
  roots.forEach(visit)
  return ids
}

const LEVEL_BELOW: Record<OrgLevel, OrgLevel | null> = {
  city: 'district',
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: null,
}

/**
 * The kinds of unit that may be created below a parent: a division one level down, a member
 * unit under the city or a district, a section under a member unit.
 */
export function childKinds(parent: { kind: OrgKind; level: OrgLevel }): OrgKind[] {
  switch (parent.kind) {
    case 'division': {
      const kinds: OrgKind[] = []
      if (LEVEL_BELOW[parent.level]) {
        kinds.push('division')
      }
      if (parent.level === 'city' || parent.level === 'district') {
        kinds.push('unit')
      }
      return kinds
    }
    case 'unit':
      return ['section']
    case 'section':
      return []
  }
}

/** The level the server gives a new unit: divisions go one down, the others stay level. */
export function childLevel(parent: { kind: OrgKind; level: OrgLevel }, kind: OrgKind): OrgLevel {
  return kind === 'division' ? (LEVEL_BELOW[parent.level] ?? parent.level) : parent.level
}
