// The map's colours: a sequential scale of case counts in at most five classes of equal width
// (whole numbers), and a pale grey for none. Counts, not rates: the seed has no population.

export interface ColourStep {
  /** The least count of the class (inclusive). */
  from: number
  /** The greatest count of the class (inclusive). */
  to: number
  colour: string
}

export interface ColourScale {
  steps: ColourStep[]
  colourOf: (count: number) => string
}

/** No cases. */
export const ZERO_COLOUR = '#dde1e7'
/** Light to dark (ColorBrewer OrRd), readable by most colour-blind readers. */
export const PALETTE: readonly string[] = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000']
const DARKEST = '#b30000'

export function colourScale(counts: readonly number[]): ColourScale {
  const max = Math.max(0, ...counts)
  const classes = Math.min(PALETTE.length, max)
  const width = classes > 0 ? Math.ceil(max / classes) : 0
  const steps: ColourStep[] = []
  for (let i = 0; i < classes; i++) {
    const from = i * width + 1
    if (from > max) {
      break
    }
    steps.push({ from, to: Math.min(max, (i + 1) * width), colour: '' })
  }
  // With fewer classes than colours, use the darker end so the top class is always the darkest.
  const offset = PALETTE.length - steps.length
  steps.forEach((step, i) => (step.colour = PALETTE[i + offset] ?? DARKEST))
  return {
    steps,
    colourOf: (count) => {
      if (count <= 0) {
        return ZERO_COLOUR
      }
      return steps.find((step) => count <= step.to)?.colour ?? steps[steps.length - 1]?.colour ?? ZERO_COLOUR
    },
  }
}
