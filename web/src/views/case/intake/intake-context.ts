// The form fill shared by a page and its field sections, so each section is its own component
// without passing the model and its errors down every level.
import { inject, provide, type InjectionKey } from 'vue'
import type { IntakeForm } from './use-intake-form'

const KEY: InjectionKey<IntakeForm> = Symbol('intake-form')

export function provideIntakeForm(fill: IntakeForm): void {
  provide(KEY, fill)
}

export function useIntakeFill(): IntakeForm {
  const fill = inject(KEY)
  if (!fill) {
    throw new Error('An intake section is used outside an intake form.')
  }
  return fill
}
