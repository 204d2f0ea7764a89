// Flat config: the recommended rules of ESLint, typescript-eslint (type-aware for `any`
// leaks) and eslint-plugin-vue, and the project's own rule that keeps user text out of HTML
// (eslint-rules/no-html-sinks.js; docs/architecture.md, "The web app and user text").
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import noHtmlSinks from './eslint-rules/no-html-sinks.js'

/** Template bindings that write HTML: `:innerHTML` is v-html by another name. */
const HTML_BINDINGS = '/^(inner-?h-?t-?m-?l|outer-?h-?t-?m-?l|srcdoc|raw-?content|dangerously-?use-?h-?t-?m-?l-?string)$/i'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,vue}'],
    plugins: { minqing: { rules: { 'no-html-sinks': noHtmlSinks } } },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': ['error', { html: { void: 'always', normal: 'always', component: 'always' } }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // User text is never markup: no v-html (there is no sanitised HTML to show), no HTML
      // bindings, no HTML-writing library calls, and nothing that evaluates strings as code.
      'vue/no-v-html': 'error',
      'vue/no-restricted-v-bind': [
        'error',
        { argument: HTML_BINDINGS, message: 'This binding writes HTML: show user text with {{ }} instead.' },
        { argument: '/^v-/', message: 'Using `:v-xxx` is not allowed. Instead, remove `:` and use it as directive.' },
      ],
      'vue/no-restricted-static-attribute': [
        'error',
        { key: '/^(raw-?content|dangerously-?use-?h-?t-?m-?l-?string)$/i', message: 'This attribute makes text render as HTML.' },
      ],
      'minqing/no-html-sinks': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['vite.config.ts', 'eslint.config.js', 'eslint-rules/**/*.{js,ts}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
)
