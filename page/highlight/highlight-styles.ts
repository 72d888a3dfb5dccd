import highlightCss from '../../entrypoints/content/highlights.css?inline';

let sheet: CSSStyleSheet | null = null;
/** The stories' colours, which the reader chooses: rewritten when they change. */
let storySheet: CSSStyleSheet | null = null;
/** Open shadow roots that took our sheets, so a new story sheet reaches them too. */
const roots = new Set<WeakRef<ShadowRoot>>();

/**
 * Gives an open shadow root our highlight styles: the document-level sheet
 * does not reach into shadow trees. Adopting a constructed sheet adds no node.
 * Where a browser refuses (an old engine, a page that froze the list), the
 * mentions there stay registered, just unstyled.
 */
export function adoptHighlightStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(highlightCss);
    adopt(root, sheet);
    if (storySheet !== null) adopt(root, storySheet);
    roots.add(new WeakRef(root));
  } catch {
    // Unstyled highlights are the defined fallback; see above.
  }
}

/**
 * Styles the stories' highlights in the document and in every shadow root
 * that has ours, through one constructed sheet: no node is added, and a
 * change of colour rewrites the sheet in place.
 */
export function setStoryHighlightStyles(doc: Document, css: string): void {
  try {
    if (storySheet === null) {
      storySheet = new CSSStyleSheet();
      adoptWhereAllowed(doc, storySheet);
      for (const ref of roots) {
        const root = ref.deref();
        if (root === undefined) roots.delete(ref);
        else adoptWhereAllowed(root, storySheet);
      }
    }
    storySheet.replaceSync(css);
  } catch {
    // As above: the mentions stay registered, unstyled.
  }
}

/** One holder that refuses the sheet (a page froze its list) leaves its own mentions unstyled, never the others'. */
function adoptWhereAllowed(holder: Document | ShadowRoot, added: CSSStyleSheet): void {
  try {
    adopt(holder, added);
  } catch {
    // Unstyled there, as above.
  }
}

function adopt(holder: Document | ShadowRoot, added: CSSStyleSheet): void {
  if (!holder.adoptedStyleSheets.includes(added)) holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, added];
}
