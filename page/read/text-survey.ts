/**
 * A first look at a subtree before it is read block by block. Most pages a
 * reader opens never name the story's entities, and walking every node of a
 * large page costs several times what reading its text does. The survey reads
 * the subtree's text in a few native calls; when no full name is in it, no block
 * of it can hold a mention, and only its open shadow roots (whose text the
 * subtree's own leaves out) need reading.
 */
import type { FullNameSpotter } from '../../engine/matcher/matcher';
import { INLINE, isInsideSkipped, isSkipped, mayHostShadow, SHADOW_HOSTS } from './element-rules';

/**
 * Subtrees with more elements are walked without a survey: reading all their
 * text in one call would make a long task (about 10 ms per 25,000 elements here).
 */
const SURVEY_MAX_ELEMENTS = 30_000;
/** Chars of text spotted, and shadow host checks made, between two chances for the caller to pause. */
const CHARS_PER_STEP = 32_768;
const HOSTS_PER_STEP = 256;

/**
 * Skipped elements that can hold far more text than a page shows (a news
 * page's inline data runs to megabytes), and above how many chars the
 * survey leaves one out: copying it into one string would be a long task.
 */
const BULKY = 'script, style, noscript';
const BULKY_CHARS = 4_096;

/** Elements the walk skips by their attributes (a list of tag names in the selector costs ten times more). */
const SKIPPED_BY_ATTRIBUTE = '[hidden], [contenteditable]';
const BUILT_IN_HOSTS = [...SHADOW_HOSTS].join(',');
/** Custom elements, the other elements that can host a shadow root: no CSS selector matches a hyphen in a tag name. */
const CUSTOM_ELEMENTS = ".//*[contains(local-name(), '-')]";

/**
 * Surveys `root`'s light DOM in short steps. Returns null when it must be
 * walked (it may hold a full name, or is too large to survey), else its open
 * shadow roots that the walk would read, in document order.
 */
export function* surveyLightDom(
  root: Element,
  spotter: FullNameSpotter,
  ownHost: Element | null | undefined,
): Generator<void, ShadowRoot[] | null> {
  // A live collection counts only as far as it is indexed.
  if (root.getElementsByTagName('*')[SURVEY_MAX_ELEMENTS] !== undefined) return null;
  yield;
  // Skipped inline text sits inside a block's text in `textContent`, not in
  // the walk's: it could split a name the walk reads whole.
  for (const el of root.querySelectorAll(SKIPPED_BY_ATTRIBUTE)) {
    if (INLINE.has(el.localName) && isSkipped(el, ownHost)) return null;
  }
  yield;
  if (yield* spotFullName(root, spotter)) return null;
  yield;

  const candidates: Element[] = mayHostShadow(root.localName) ? [root] : [];
  const custom = (root.ownerDocument ?? document).evaluate(
    CUSTOM_ELEMENTS,
    root,
    null,
    XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
    null,
  );
  for (let i = 0; i < custom.snapshotLength; i++) candidates.push(custom.snapshotItem(i) as Element);
  yield;
  const builtIn = root.querySelectorAll(BUILT_IN_HOSTS);
  yield;
  const hosts: Element[] = [];
  const check = (el: Element) => {
    if (el.shadowRoot !== null && !isInsideSkipped(el, ownHost)) hosts.push(el);
  };
  for (const el of candidates) check(el);
  for (let i = 0; i < builtIn.length; i++) {
    check(builtIn[i] as Element);
    if (i % HOSTS_PER_STEP === HOSTS_PER_STEP - 1) yield;
  }
  hosts.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return hosts.map((host) => host.shadowRoot as ShadowRoot);
}

/**
 * Feeds the spotter the text of `root` in document order, leaving out bulky
 * skipped elements; true once it spots a full name. Leaving text out can only
 * join text that a skipped element kept apart, and the walk never reads a
 * name across one.
 */
function* spotFullName(root: Element, spotter: FullNameSpotter): Generator<void, boolean> {
  const bulky = new Set<Node>();
  const onPath = new Set<Node>();
  for (const el of root.querySelectorAll(BULKY)) {
    let chars = 0;
    // A text node's data comes without a copy; textContent would make one.
    for (let child = el.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) chars += (child as Text).data.length;
    }
    if (chars <= BULKY_CHARS) continue;
    bulky.add(el);
    for (let n = el.parentNode; n !== null && n !== root; n = n.parentNode) onPath.add(n);
  }
  yield;
  const pieces = bulky.size === 0 ? [root.textContent ?? ''] : readAround(root, bulky, onPath);
  for (const text of pieces) {
    for (let from = 0; from < text.length; from += CHARS_PER_STEP) {
      if (spotter(text, from, Math.min(text.length, from + CHARS_PER_STEP))) return true;
      yield;
    }
  }
  return false;
}

/** The text of `el` in pieces: whole subtrees at once, except on the way to a bulky element. */
function* readAround(el: Node, bulky: Set<Node>, onPath: Set<Node>): Generator<string> {
  for (let child = el.firstChild; child !== null; child = child.nextSibling) {
    if (bulky.has(child)) continue;
    if (onPath.has(child)) yield* readAround(child, bulky, onPath);
    else if (child.nodeType === 3) yield (child as Text).data;
    else if (child.nodeType === 1) yield child.textContent ?? '';
  }
}
