// @ts-check
// no-html-sinks: user text must not reach a call that writes HTML into the page. Unit, user,
// category and case names are written by people with fewer rights than those who read them
// (a district administrator names a street the city administrator then hovers on the map), so
// a name taken as markup runs the writer's script with the reader's session.
//
// What is reported, and what is accepted instead (helpers from src/utils/html-text.ts):
// - Leaflet `bindTooltip`, `bindPopup`, `setTooltipContent`, `setPopupContent`, `setContent`,
//   `addAttribution`, `setPrefix`: the content must be a constant string, `false` (setPrefix), or a
//   call of `textElement(…)` (an element holding a text node) or `escapeHtml(…)`; the last three
//   take strings only, so `escapeHtml(…)` there.
// - An `html` (Leaflet's divIcon) or `attribution` (Leaflet's layers) property: the same.
// - An ECharts `formatter` property: a constant string template ('{b}: {c}', which ECharts
//   escapes itself in tooltips) or `escapeFormatter(fn)`; a bare function's answer is HTML in a
//   tooltip.
// - Assigning `innerHTML`, `outerHTML` or `srcdoc`, or an object property of those names (a
//   render function's props); `insertAdjacentHTML`, `createContextualFragment`,
//   `setHTMLUnsafe`, `document.write` and `document.writeln`: always.
// - `dangerouslyUseHTMLString` (Element Plus messages and boxes) and `rawContent` (Element Plus
//   tooltips) unless the literal `false`.
// Templates are covered by eslint-plugin-vue's vue/no-v-html and vue/no-restricted-v-bind.

/** @typedef {import('estree').Node} Node */
/** @typedef {import('estree').Expression | import('estree').SpreadElement | import('estree').Pattern | import('estree').PrivateIdentifier | import('estree').Super} Value */

const CONTENT_CALLS = new Set([
  'bindTooltip',
  'bindPopup',
  'setTooltipContent',
  'setPopupContent',
  'setContent',
  'addAttribution',
  'setPrefix',
])
const CONTENT_PROPERTIES = new Set(['html', 'attribution'])
const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc'])
const HTML_CALLS = new Set(['insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe'])
const DOCUMENT_WRITES = new Set(['write', 'writeln'])
const FLAG_PROPERTIES = new Set(['dangerouslyUseHTMLString', 'rawContent'])
/** Sinks that take a string only: an element would show as "[object HTMLSpanElement]". */
const STRING_SINKS = new Set(['addAttribution', 'setPrefix', 'attribution'])
const TEXT_HELPERS = new Set(['textElement', 'escapeHtml'])
const STRING_HELPERS = new Set(['escapeHtml'])
const FORMATTER_HELPERS = new Set(['escapeFormatter'])

/**
 * The name of a property or member key when it is written as a name or a string.
 * @param {Value | import('estree').Expression | import('estree').PrivateIdentifier} key
 * @param {boolean} computed
 * @returns {string | null}
 */
function keyName(key, computed) {
  if (key.type === 'Identifier' && !computed) {
    return key.name
  }
  if (key.type === 'Literal' && typeof key.value === 'string') {
    return key.value
  }
  return null
}

/**
 * A string written in the source: no user data can be in it.
 * @param {Value} node
 */
function isConstantString(node) {
  return (
    (node.type === 'Literal' && typeof node.value === 'string') ||
    (node.type === 'TemplateLiteral' && node.expressions.length === 0)
  )
}

/**
 * A call of one of the named helpers, e.g. textElement(name).
 * @param {Value} node
 * @param {Set<string>} helpers
 */
function isHelperCall(node, helpers) {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && helpers.has(node.callee.name)
}

/**
 * TypeScript's `x as T` and `x!` around a value say nothing about its content.
 * @param {Value} node
 * @returns {Value}
 */
function unwrap(node) {
  /** @type {any} */
  let current = node
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') {
    current = current.expression
  }
  return current
}

/**
 * Content that cannot carry markup from user text, for the sink of this name.
 * @param {Value} node
 * @param {string} sink
 */
function isSafeContent(node, sink) {
  const value = unwrap(node)
  return isConstantString(value) || isHelperCall(value, STRING_SINKS.has(sink) ? STRING_HELPERS : TEXT_HELPERS)
}

/** @param {string} sink */
function helpersFor(sink) {
  return STRING_SINKS.has(sink) ? 'escapeHtml(text)' : 'textElement(text) or escapeHtml(text)'
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow user text in calls and properties that write HTML (Leaflet, ECharts, Element Plus, the DOM)',
    },
    schema: [],
    messages: {
      content: '`{{name}}` writes its content as HTML: pass {{helpers}} from @/utils/html-text, or a constant string.',
      property: 'The `{{name}}` property is written as HTML: use {{helpers}} from @/utils/html-text, or a constant string.',
      formatter:
        "An ECharts formatter function's answer is HTML in a tooltip: use a constant string template ('{b}: {c}') or escapeFormatter(fn) from @/utils/html-text.",
      html: '`{{name}}` parses HTML: build the DOM with textContent or a Vue template instead.',
      flag: '`{{name}}` makes a message or tooltip render HTML: leave it off and pass text.',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee
        if (callee.type !== 'MemberExpression') {
          return
        }
        const name = keyName(callee.property, callee.computed)
        if (name === null) {
          return
        }
        if (CONTENT_CALLS.has(name)) {
          const first = node.arguments[0]
          const prefixOff = name === 'setPrefix' && first?.type === 'Literal' && first.value === false
          if (!first || !(isSafeContent(first, name) || prefixOff)) {
            context.report({ node, messageId: 'content', data: { name, helpers: helpersFor(name) } })
          }
        } else if (HTML_CALLS.has(name)) {
          context.report({ node, messageId: 'html', data: { name } })
        } else if (
          DOCUMENT_WRITES.has(name) &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'document'
        ) {
          context.report({ node, messageId: 'html', data: { name: `document.${name}` } })
        }
      },
      AssignmentExpression(node) {
        const target = node.left
        if (target.type !== 'MemberExpression') {
          return
        }
        const name = keyName(target.property, target.computed)
        if (name !== null && HTML_PROPERTIES.has(name)) {
          context.report({ node, messageId: 'html', data: { name } })
        }
      },
      Property(node) {
        // Only properties of object literals (not destructuring patterns).
        if (node.parent.type !== 'ObjectExpression') {
          return
        }
        const name = keyName(node.key, node.computed)
        if (name === null) {
          return
        }
        const value = unwrap(node.value)
        if (HTML_PROPERTIES.has(name)) {
          context.report({ node, messageId: 'html', data: { name } })
        } else if (FLAG_PROPERTIES.has(name)) {
          if (!(value.type === 'Literal' && value.value === false)) {
            context.report({ node, messageId: 'flag', data: { name } })
          }
        } else if (CONTENT_PROPERTIES.has(name)) {
          if (!isSafeContent(value, name)) {
            context.report({ node, messageId: 'property', data: { name, helpers: helpersFor(name) } })
          }
        } else if (name === 'formatter') {
          if (!(isConstantString(value) || isHelperCall(value, FORMATTER_HELPERS))) {
            context.report({ node, messageId: 'formatter' })
          }
        }
      },
    }
  },
}

export default rule
