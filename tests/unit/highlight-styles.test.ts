import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * happy-dom drops `::highlight()` rules as it parses a sheet, so the sheets
 * here hold plain rules: what is tested is which sheet holds which text, and
 * where it is adopted.
 */
const KINDS_CSS = '.kinds { color: #111827; }';
vi.mock('../../entrypoints/content/highlights.css?inline', () => ({ default: '.kinds { color: #111827; }' }));

type Styles = typeof import('../../page/highlight/highlight-styles');
let styles: Styles;

beforeEach(async () => {
  // The module keeps its sheets for the page's life: each test is a new page.
  vi.resetModules();
  styles = await import('../../page/highlight/highlight-styles');
  document.adoptedStyleSheets = [];
  document.body.replaceChildren();
});
afterEach(() => vi.unstubAllGlobals());

function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

/** A sheet's rules as text, to tell sheets apart by what they hold. */
const rulesOf = (sheets: readonly CSSStyleSheet[]) => sheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText));

const story = (colour: string) => `.story-0 { background-color: ${colour}; }`;

describe('highlight styles in shadow roots', () => {
  it('gives a shadow root the kinds’ styles once, after the sheets it had', () => {
    const root = shadowRoot();
    const own = new CSSStyleSheet();
    own.replaceSync('.own { color: red; }');
    root.adoptedStyleSheets = [own];
    styles.adoptHighlightStyles(root);
    styles.adoptHighlightStyles(root);
    expect(rulesOf(root.adoptedStyleSheets)).toEqual([['.own { color: red; }'], [KINDS_CSS]]);
  });

  it('shares one sheet between every shadow root, adding no node', () => {
    const [a, b] = [shadowRoot(), shadowRoot()];
    styles.adoptHighlightStyles(a);
    styles.adoptHighlightStyles(b);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    expect(a.childNodes).toHaveLength(0);
  });
});

describe('the stories’ colours', () => {
  it('style the document and every shadow root with ours, those found before and after', () => {
    const before = shadowRoot();
    styles.adoptHighlightStyles(before);
    styles.setStoryHighlightStyles(document, story('#fde68a'));
    const after = shadowRoot();
    styles.adoptHighlightStyles(after);
    expect(rulesOf(document.adoptedStyleSheets)).toEqual([[story('#fde68a')]]);
    for (const root of [before, after]) {
      expect(rulesOf(root.adoptedStyleSheets)).toEqual([[KINDS_CSS], [story('#fde68a')]]);
    }
  });

  it('are rewritten in place when the reader changes them: the same sheet, no second one', () => {
    const root = shadowRoot();
    styles.adoptHighlightStyles(root);
    styles.setStoryHighlightStyles(document, story('#fde68a'));
    const [sheet] = document.adoptedStyleSheets;
    styles.setStoryHighlightStyles(document, story('#bfdbfe'));
    expect(document.adoptedStyleSheets).toEqual([sheet]);
    expect(rulesOf(document.adoptedStyleSheets)).toEqual([[story('#bfdbfe')]]);
    expect(root.adoptedStyleSheets[1]).toBe(sheet);
  });

  it('still style the document and the other roots where one shadow root refuses them', () => {
    const refusing = shadowRoot();
    styles.adoptHighlightStyles(refusing);
    // A page that froze one root's sheets once ours were in.
    const frozen = refusing.adoptedStyleSheets;
    Object.defineProperty(refusing, 'adoptedStyleSheets', {
      get: () => frozen,
      set: () => {
        throw new DOMException('The list is frozen.', 'NotAllowedError');
      },
    });
    const other = shadowRoot();
    styles.adoptHighlightStyles(other);
    styles.setStoryHighlightStyles(document, story('#fde68a'));
    expect(rulesOf(document.adoptedStyleSheets)).toEqual([[story('#fde68a')]]);
    expect(rulesOf(other.adoptedStyleSheets)).toEqual([[KINDS_CSS], [story('#fde68a')]]);
    expect(rulesOf(refusing.adoptedStyleSheets)).toEqual([[KINDS_CSS]]);
  });

  it('leave the mentions unstyled, and the page untouched, where the browser cannot construct a sheet', () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new TypeError('Illegal constructor');
        }
      },
    );
    const root = shadowRoot();
    styles.adoptHighlightStyles(root);
    styles.setStoryHighlightStyles(document, story('#fde68a'));
    expect(root.adoptedStyleSheets).toEqual([]);
    expect(document.adoptedStyleSheets).toEqual([]);
  });
});
