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

describe('what a page can read of them', () => {
  it('is one sheet, the same for every reader, and nothing in the document', () => {
    styles.adoptHighlightStyles(shadowRoot());
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('leaves the mentions unstyled, and the page untouched, where the browser cannot construct a sheet', () => {
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
    expect(root.adoptedStyleSheets).toEqual([]);
  });
});
