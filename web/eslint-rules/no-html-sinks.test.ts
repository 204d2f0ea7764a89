// The rule on its own (RuleTester: code it must accept and code it must report), then the
// project's lint config on whole files, so a rule left out of eslint.config.js fails here too.
import { fileURLToPath } from 'node:url'
import { ESLint, RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import rule from './no-html-sinks.js'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
})

tester.run('no-html-sinks', rule, {
  valid: [
    // Leaflet content as a text node, escaped text or a constant.
    'marker.bindTooltip(textElement(shape.name), { sticky: true })',
    'marker.bindPopup(textElement(unit.name, "div"))',
    'layer.bindTooltip("名称")',
    'layer.bindTooltip(`固定文字`)',
    'tooltip.setContent(escapeHtml(name))',
    'polygon.setTooltipContent(textElement(name) as HTMLElement)',
    'marker.setPopupContent(escapeHtml(name)!)',
    'control.addAttribution(escapeHtml(settings.mapAttribution))',
    'control.setPrefix(false)',
    'L.divIcon({ html: textElement(name), className: "label" })',
    'L.tileLayer(url, { attribution: "© 测绘院" })',
    // ECharts: constant string templates (escaped by ECharts) or the escaping helper.
    'const option = { tooltip: { formatter: "{b}: {c}" } }',
    'const option = { tooltip: { formatter: escapeFormatter((p: { name: string }) => p.name) } }',
    'const option = { label: { formatter: `{b}` } }',
    // Element Plus with the flags off, and text content.
    'ElMessageBox.confirm(t("x", { name }), t("y"), { dangerouslyUseHTMLString: false })',
    'ElMessage.success(t("saved", { name }))',
    'const options = { rawContent: false }',
    // The DOM by text; reading innerHTML is not writing it.
    'element.textContent = name',
    'const copy = element.innerHTML',
    'const { innerHTML } = element',
    'document.createElement("a")',
    'writer.write(bytes)',
  ],
  invalid: [
    // The original finding: a unit's name straight into a Leaflet tooltip.
    { code: 'L.polygon(p).bindTooltip(shape.name, { sticky: true })', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindTooltip(`<b>${name}</b>`)', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindTooltip("<b>" + name + "</b>")', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindTooltip(() => name)', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindTooltip(element)', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindTooltip()', errors: [{ messageId: 'content' }] },
    { code: 'marker.bindPopup(unit.name)', errors: [{ messageId: 'content' }] },
    { code: 'marker.setTooltipContent(name)', errors: [{ messageId: 'content' }] },
    { code: 'marker.setPopupContent(name)', errors: [{ messageId: 'content' }] },
    { code: 'L.tooltip().setContent(name)', errors: [{ messageId: 'content' }] },
    { code: 'marker["bindTooltip"](name)', errors: [{ messageId: 'content' }] },
    { code: 'control.addAttribution(settings.mapAttribution)', errors: [{ messageId: 'content' }] },
    { code: 'control.addAttribution(textElement(credit))', errors: [{ messageId: 'content' }] },
    { code: 'control.setPrefix(prefix)', errors: [{ messageId: 'content' }] },
    { code: 'L.divIcon({ html: name })', errors: [{ messageId: 'property' }] },
    { code: 'L.divIcon({ html: `<span>${name}</span>` })', errors: [{ messageId: 'property' }] },
    { code: 'L.divIcon({ html })', errors: [{ messageId: 'property' }] },
    { code: 'L.tileLayer(url, { attribution: settings.mapAttribution })', errors: [{ messageId: 'property' }] },
    // ECharts: a function's answer is tooltip HTML; a template with data in it is not escaped.
    { code: 'const o = { tooltip: { formatter: (p) => p.name } }', errors: [{ messageId: 'formatter' }] },
    { code: 'const o = { tooltip: { formatter(p) { return p.name } } }', errors: [{ messageId: 'formatter' }] },
    { code: 'const o = { tooltip: { formatter: function (p) { return p.name } } }', errors: [{ messageId: 'formatter' }] },
    { code: 'const o = { tooltip: { formatter: format } }', errors: [{ messageId: 'formatter' }] },
    { code: 'const o = { tooltip: { formatter: `${unit.name}: {c}` } }', errors: [{ messageId: 'formatter' }] },
    { code: 'const o = { tooltip: { "formatter": (p) => p.name } }', errors: [{ messageId: 'formatter' }] },
    // The DOM's HTML parsers.
    { code: 'element.innerHTML = name', errors: [{ messageId: 'html' }] },
    { code: 'element.innerHTML += name', errors: [{ messageId: 'html' }] },
    { code: 'element.outerHTML = "<b></b>"', errors: [{ messageId: 'html' }] },
    { code: 'element["innerHTML"] = name', errors: [{ messageId: 'html' }] },
    { code: 'frame.srcdoc = html', errors: [{ messageId: 'html' }] },
    { code: 'element.insertAdjacentHTML("beforeend", name)', errors: [{ messageId: 'html' }] },
    { code: 'document.createRange().createContextualFragment(name)', errors: [{ messageId: 'html' }] },
    { code: 'element.setHTMLUnsafe(name)', errors: [{ messageId: 'html' }] },
    { code: 'document.write(name)', errors: [{ messageId: 'html' }] },
    { code: 'document.writeln(name)', errors: [{ messageId: 'html' }] },
    { code: 'h("div", { innerHTML: name })', errors: [{ messageId: 'html' }] },
    // Element Plus switched to HTML.
    { code: 'ElMessage({ message: name, dangerouslyUseHTMLString: true })', errors: [{ messageId: 'flag' }] },
    { code: 'ElMessageBox.alert(name, "标题", { dangerouslyUseHTMLString: flag })', errors: [{ messageId: 'flag' }] },
    { code: 'ElNotification({ title: "x", message: name, dangerouslyUseHTMLString: true })', errors: [{ messageId: 'flag' }] },
    { code: 'const tooltipOptions = { rawContent: true }', errors: [{ messageId: 'flag' }] },
  ],
})

describe('the project lint config', () => {
  const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) })

  async function ruleIds(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath })
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message)
  }

  it('fails v-html and HTML bindings in a component', async () => {
    const ids = await ruleIds(
      [
        '<script setup lang="ts">',
        "const name = '<img src=x>'",
        '</script>',
        '',
        '<template>',
        '  <div>',
        '    <p v-html="name" />',
        '    <p :innerHTML="name" />',
        '    <ElTooltip raw-content :content="name" />',
        '  </div>',
        '</template>',
        '',
      ].join('\n'),
      'src/views/example/Example.vue',
    )
    expect(ids).toEqual(['vue/no-v-html', 'vue/no-restricted-v-bind', 'vue/no-restricted-static-attribute'])
  })

  it('fails a name given to a Leaflet tooltip in a component script', async () => {
    const ids = await ruleIds(
      [
        '<script setup lang="ts">',
        "import L from 'leaflet'",
        'const props = defineProps<{ name: string }>()',
        'L.marker([0, 0]).bindTooltip(props.name)',
        '</script>',
        '',
        '<template>',
        '  <div />',
        '</template>',
        '',
      ].join('\n'),
      'src/views/example/Example.vue',
    )
    expect(ids).toEqual(['minqing/no-html-sinks'])
  })

  it('fails string evaluation in TypeScript', async () => {
    const ids = await ruleIds("export const run = (code: string) => new Function(code)\nsetTimeout('alert(1)', 1)\n", 'src/utils/example.ts')
    expect(ids).toEqual(['no-new-func', 'no-implied-eval'])
  })

  it('passes the same map with text nodes', async () => {
    const ids = await ruleIds(
      [
        "import L from 'leaflet'",
        "import { textElement } from '@/utils/html-text'",
        'export function label(name: string): void {',
        '  L.marker([0, 0]).bindTooltip(textElement(name))',
        '}',
        '',
      ].join('\n'),
      'src/utils/example.ts',
    )
    expect(ids).toEqual([])
  })
})
