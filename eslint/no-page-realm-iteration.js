/*
 * In a Firefox content script, DOM objects (the page's `URL`, `URLSearchParams`, collections,
 * `location`…) are the page's, seen through Xray wrappers. The iterators their `keys()`,
 * `values()` and `entries()` return have no visible `Symbol.iterator` there: spreading one or
 * `for…of` over it throws "is not iterable", and `Array.from` quietly returns []. Chromium has no
 * such wrappers, so the bug shows in Firefox only. Iterating the DOM object itself, or its
 * `forEach`, works.
 *
 * Needs type information (parserOptions.projectService) to know which objects are the DOM's.
 */

const ITERATOR_METHODS = new Set(['keys', 'values', 'entries']);
const DOM_LIB = /[\\/]lib\.dom(\.[\w.]+)?\.d\.ts$/;
const TAKES_ITERABLE = {
  Array: ['from'],
  Object: ['fromEntries'],
  Promise: ['all', 'allSettled', 'any', 'race'],
};
const ITERABLE_CONSTRUCTORS = new Set(['Set', 'Map', 'WeakSet', 'WeakMap']);

function unwrap(node) {
  while (node && (node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSSatisfiesExpression')) node = node.expression;
  return node;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid iterating the iterators of DOM objects in code that runs in web pages (Firefox Xray wrappers hide them)' },
    messages: {
      domIterator:
        "`{{text}}` iterates the iterator of a DOM object ({{type}}). In a Firefox content script it is the page's, behind an Xray wrapper that hides its iterator (spread throws, Array.from returns []). Use `forEach`, or iterate the object itself.",
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) {
      throw new Error('kliping/no-page-realm-iteration needs type information: set parserOptions.projectService for these files.');
    }
    const checker = services.program.getTypeChecker();

    const domTypeName = (type) => {
      const parts = type.isUnion() ? type.types : [type];
      for (const part of parts) {
        const symbol = checker.getApparentType(part).getSymbol();
        if (symbol?.getDeclarations()?.some((d) => DOM_LIB.test(d.getSourceFile().fileName))) return symbol.getName();
      }
      return null;
    };

    const check = (iterated) => {
      const node = unwrap(iterated);
      if (node?.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
      const { property, computed, object } = node.callee;
      const named = !computed && property.type === 'Identifier' && ITERATOR_METHODS.has(property.name);
      const symbolIterator =
        computed && property.type === 'MemberExpression' && property.object.type === 'Identifier' && property.object.name === 'Symbol' && property.property.name === 'iterator';
      if (!named && !symbolIterator) return;
      const type = domTypeName(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(object)));
      if (type) context.report({ node, messageId: 'domIterator', data: { text: context.sourceCode.getText(node), type } });
    };

    return {
      SpreadElement(node) {
        if (node.parent.type !== 'ObjectExpression') check(node.argument);
      },
      ForOfStatement(node) {
        check(node.right);
      },
      YieldExpression(node) {
        if (node.delegate) check(node.argument);
      },
      VariableDeclarator(node) {
        if (node.id.type === 'ArrayPattern' && node.init) check(node.init);
      },
      AssignmentExpression(node) {
        if (node.left.type === 'ArrayPattern') check(node.right);
      },
      CallExpression(node) {
        const { callee } = node;
        if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return;
        if (TAKES_ITERABLE[callee.object.name]?.includes(callee.property.name) && node.arguments[0]) check(node.arguments[0]);
      },
      NewExpression(node) {
        if (node.callee.type === 'Identifier' && ITERABLE_CONSTRUCTORS.has(node.callee.name) && node.arguments[0]) check(node.arguments[0]);
      },
    };
  },
};
