// A feature's messages live in features/<feature>.ts beside the core ones, so each feature's
// text can change without touching the others'. The English side must have the same keys.

/** The same keys as T, every leaf a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }

export interface FeatureMessages<T> {
  zh: T
  en: Translation<T>
}

export function defineMessages<T extends object>(zh: T, en: Translation<T>): FeatureMessages<T> {
  return { zh, en }
}
