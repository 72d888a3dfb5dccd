/**
 * A highlight registry of our own for the private stories' mentions. The
 * page's `CSS.highlights` is shared with the page's scripts, so a name
 * painted there can be probed: a page plants a candidate and reads whether
 * it got a highlight. These highlights are never registered there. Their
 * ranges are painted as boxes inside our closed shadow root, which no page
 * script can enter, positioned from the ranges' client rects.
 *
 * What a page could still observe is kept out of reach: the boxes sit in a
 * fixed layer that takes no pointer, so hit tests and layout pass through it,
 * and they move by `transform`, which the Layout Instability API does not
 * report. The work runs only on pages where a private story is switched on,
 * and its code comes with the card's module, which such a page loads at its
 * start: pages without a private story never load it.
 */
import highlightCss from '../../entrypoints/content/highlights.css?inline';
import type { PrivatePaint } from '../../page/hover/card-view';

/** A box's look, read from a highlight's style rule. */
interface BoxStyle {
  tint: string;
  line: string;
  lineColour: string;
}

/** Box styles by highlight name, from `::highlight(name)` rules. */
function boxStylesOf(css: string): Map<string, BoxStyle> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const styles = new Map<string, BoxStyle>();
  // Indexed, not iterated: Firefox gives content scripts no iterator over a page object's lists (Xray wrappers).
  for (let i = 0; i < sheet.cssRules.length; i++) {
    const rule = sheet.cssRules[i];
    if (!(rule instanceof CSSStyleRule)) continue;
    const name = /::highlight\(([\w-]+)\)/u.exec(rule.selectorText)?.[1];
    if (name === undefined) continue;
    const { style } = rule;
    // A border has no wavy line: dotted is the nearest.
    const line = style.textDecorationStyle === 'wavy' ? 'dotted' : style.textDecorationStyle || 'solid';
    styles.set(name, {
      tint: style.backgroundColor,
      line,
      lineColour: style.textDecorationColor || style.color,
    });
  }
  return styles;
}

/** How long the page's scroll rests before the boxes are placed anew from the ranges. */
const SCROLL_REST_MS = 120;

/** The layer's own rules: boxes that take no pointer, tint the text under them, and mark the one open. */
const LAYER_CSS = `
.private-paint { position: fixed; inset: 0; overflow: hidden; pointer-events: none; contain: strict; z-index: 2147483646; }
.private-paint > div { position: absolute; left: 0; top: 0; box-sizing: border-box; mix-blend-mode: multiply;
  background-color: var(--tint); border-bottom: 2px var(--line) var(--line-colour); }
.private-paint > div.mark { mix-blend-mode: normal; background: none; border: none;
  box-shadow: 0 0 0 2px var(--tint), 0 0 0 4px var(--line-colour); }
`;

/**
 * A highlight of our own: a set of ranges we can read back. A platform
 * `Highlight` made by a Firefox content script belongs to the page, and
 * reading its ranges back is refused there ("Permission denied").
 */
class OwnHighlight extends Set<AbstractRange> {
  priority = 0;
  type: HighlightType = 'highlight';
}

export class PrivateHighlights implements PrivatePaint {
  private readonly byName = new Map<string, Highlight>();
  /** The boxes' looks, from our highlight style sheet: the kinds', the palette's swatches' and the marks'. */
  private readonly styles = boxStylesOf(highlightCss);
  private readonly boxes: HTMLElement[] = [];
  private frame = 0;
  private shiftFrame = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private watching = false;
  /** The page's scroll position at the last paint: the boxes are placed for it. */
  private paintedAt = { x: 0, y: 0 };
  private readonly resized = new ResizeObserver(() => this.schedule());
  private readonly onResize = () => this.schedule();
  /**
   * The page's own scroll moves every box alike: the layer follows it by a
   * transform in the next frame, with no rect read, and the boxes are placed
   * anew once the scroll rests (a sticky header's names move otherwise). A
   * scrolling box inside the page moves only its own text: placed anew.
   */
  private readonly onScroll = (event: Event) => {
    if (event.target !== this.doc && event.target !== this.doc.defaultView) {
      this.schedule();
      return;
    }
    if (this.shiftFrame === 0) {
      this.shiftFrame = requestAnimationFrame(() => {
        this.shiftFrame = 0;
        const view = this.doc.defaultView;
        if (view === null) return;
        this.layer.style.transform = `translate(${this.paintedAt.x - view.scrollX}px, ${this.paintedAt.y - view.scrollY}px)`;
      });
    }
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.schedule(), SCROLL_REST_MS);
  };

  constructor(
    /** The layer's element, inside our closed shadow root. */
    private readonly layer: HTMLElement,
    private readonly doc: Document,
    /** Our UI's host: a hit on it is ours (the card above a mention), not the page covering the mention. */
    private readonly host: Element,
    /** Told of each paint: when it began and how many boxes it placed (the page records it as a measure). */
    private readonly onPainted: (startedAt: number, boxes: number) => void,
  ) {
    layer.className = 'private-paint';
    const root = layer.getRootNode();
    if (root instanceof ShadowRoot) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(LAYER_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  createHighlight(): Highlight {
    // A Set of ranges with a priority is all a Highlight is to the renderer and to this registry.
    return new OwnHighlight() as unknown as Highlight;
  }

  get(name: string): Highlight | undefined {
    return this.byName.get(name);
  }

  set(name: string, highlight: Highlight): this {
    this.byName.set(name, highlight);
    this.watch();
    this.schedule();
    return this;
  }

  delete(name: string): boolean {
    const had = this.byName.delete(name);
    if (had) this.schedule();
    return had;
  }

  changed(): void {
    this.schedule();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.shiftFrame);
    clearTimeout(this.settleTimer);
    this.byName.clear();
    this.resized.disconnect();
    this.doc.defaultView?.removeEventListener('scroll', this.onScroll, true);
    this.doc.defaultView?.removeEventListener('resize', this.onResize);
    for (const box of this.boxes) box.remove();
    this.boxes.length = 0;
  }

  /** Scrolling (of the page or any box in it) and resizing move the ranges: paint again in the next frame. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const view = this.doc.defaultView;
    view?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view?.addEventListener('resize', this.onResize, { passive: true });
    this.resized.observe(this.doc.documentElement);
    if (this.doc.body !== null) this.resized.observe(this.doc.body);
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /**
   * One box per client rect of each range in view, in priority order,
   * reusing the boxes of the last paint. Every rect is read before any box
   * is written: a write between two reads would lay the page out again.
   */
  private paint(): void {
    const started = performance.now();
    const width = this.doc.documentElement.clientWidth;
    const height = this.doc.documentElement.clientHeight;
    const named = [...this.byName].sort(([, a], [, b]) => a.priority - b.priority);
    const shown: { rect: DOMRect; style: BoxStyle; mark: boolean }[] = [];
    for (const [name, highlight] of named) {
      const style = this.styles.get(name);
      if (style === undefined) continue;
      for (const range of highlight) {
        if (!(range instanceof Range) || !range.startContainer.isConnected) continue;
        // Indexed: Firefox gives content scripts no iterator over a page's lists (Xray wrappers).
        const rects = range.getClientRects();
        for (let i = 0; i < rects.length; i++) {
          const rect = rects[i] as DOMRect;
          if (rect.width === 0 || rect.height === 0) continue;
          if (rect.bottom < 0 || rect.right < 0 || rect.top > height || rect.left > width) continue;
          if (this.isOnTop(range, rect)) shown.push({ rect, style, mark: highlight.priority > 0 });
        }
      }
    }
    const view = this.doc.defaultView;
    this.paintedAt = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 };
    this.layer.style.transform = '';
    for (const [index, { rect, style, mark }] of shown.entries()) this.place(index, rect, style, mark);
    for (const box of this.boxes.splice(shown.length)) box.remove();
    this.onPainted(started, shown.length);
  }

  /** Whether the text is what the reader sees at the rect's middle, not something the page laid over it. */
  private isOnTop(range: Range, rect: DOMRect): boolean {
    const hit = this.doc.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit === null || hit === this.host) return hit !== null;
    const node = range.startContainer;
    const element = node instanceof Element ? node : node.parentElement;
    // The rect may fall on an inline element inside the text's own (a name half in bold).
    if (element?.contains(hit)) return true;
    for (let at: Node | null = element; at !== null; at = at.parentNode ?? (at as ShadowRoot).host ?? null) {
      if (at === hit) return true;
    }
    return false;
  }

  private place(index: number, rect: DOMRect, style: BoxStyle, mark: boolean): void {
    let box = this.boxes[index];
    if (box === undefined) {
      box = this.doc.createElement('div');
      this.boxes.push(box);
      this.layer.append(box);
    }
    box.className = mark ? 'mark' : '';
    box.style.setProperty('--tint', style.tint);
    box.style.setProperty('--line', style.line);
    box.style.setProperty('--line-colour', style.lineColour);
    box.style.width = `${rect.width}px`;
    box.style.height = `${rect.height}px`;
    box.style.transform = `translate(${rect.left}px, ${rect.top}px)`;
  }
}
