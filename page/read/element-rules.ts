/**
 * Which elements Context Lens reads, and how: the rules the block walk, the
 * survey and the live-change planner share. An element is skipped (never read),
 * inline (flows within a block's text) or a block (ends one and holds its own).
 */

/** An element, or a shadow root, whose direct inline content forms blocks. */
export type BlockContainer = Element | ShadowRoot;

/** Subtrees that readers don't read as prose, or where a highlight would get in the way. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'head',
  'title',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
]);

/** Elements that flow inside a line of text; every other element starts a new block. */
export const INLINE: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'img',
  'tspan',
  'textPath',
]);

/**
 * The built-in elements that attachShadow accepts; it refuses every other
 * one, so only these and custom elements (a hyphen in the name) need asking.
 */
export const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

export const mayHostShadow = (name: string) => SHADOW_HOSTS.has(name) || name.includes('-');

export const isInline = (node: Node): boolean => node.nodeType === 1 && INLINE.has((node as Element).localName);

export function isSkipped(el: Element, ownHost: Element | null | undefined): boolean {
  return isSkippedNamed(el, el.localName, ownHost);
}

/** `isSkipped` for a walk that has already read the element's name. */
export function isSkippedNamed(el: Element, name: string, ownHost: Element | null | undefined): boolean {
  if (SKIPPED.has(name) || el === ownHost) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether the node sits in a subtree the scanner never reads (itself included). */
export function isInsideSkipped(node: Node, ownHost: Element | null | undefined): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === 1 && isSkipped(n as Element, ownHost)) return true;
  }
  return false;
}

/** The container whose blocks include `node`: its nearest ancestor that is not inline. */
export function blockContainerOf(node: Node): BlockContainer | null {
  let n: Node | null = node.nodeType === 1 && !isInline(node) ? node : node.parentNode;
  while (n !== null && n.nodeType === 1 && isInline(n)) n = n.parentNode;
  if (n === null) return null;
  if (n.nodeType === 1) return n as Element;
  return n.nodeType === 11 && (n as ShadowRoot).host !== undefined ? (n as ShadowRoot) : null;
}

/** A char that is not white space. */
export const NOT_SPACE = /\S/;
