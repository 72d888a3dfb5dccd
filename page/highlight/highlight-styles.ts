import highlightCss from '../../entrypoints/content/highlights.css?inline';

let sheet: CSSStyleSheet | null = null;

/**
 * Gives an open shadow root our highlight styles: the document-level sheet
 * does not reach into shadow trees. Adopting a constructed sheet adds no node.
 * The sheet is the same for every reader (the kinds' colours and the
 * palette's swatches), so a page that reads it learns no choice of theirs.
 * Where a browser refuses (an old engine, a page that froze the list), the
 * mentions there stay registered, just unstyled.
 */
export function adoptHighlightStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(highlightCss);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Unstyled highlights are the defined fallback; see above.
  }
}
