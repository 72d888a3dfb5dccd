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
 * report. The work runs only on pages where a private story is switched on.
 */
import highlightCss from '../../entrypoints/content/highlights.css?inline';
import { MEASURE } from '../measure-names';
import { measureWork, oneSlice } from '../read/time-slices';
import type { HighlightRegistryLike } from './highlight-renderer';

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
  for (const rule of sheet.cssRules) {
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

/** The layer's own rules: boxes that take no pointer, tint the text under them, and mark the one open. */
const LAYER_CSS = `
.private-paint { position: fixed; inset: 0; overflow: hidden; pointer-events: none; contain: strict; z-index: 2147483646; }
.private-paint > div { position: absolute; left: 0; top: 0; box-sizing: border-box; mix-blend-mode: multiply;
  background-color: var(--tint); border-bottom: 2px var(--line) var(--line-colour); }
.private-paint > div.mark { mix-blend-mode: normal; background: none; border: none;
  box-shadow: 0 0 0 2px var(--tint), 0 0 0 4px var(--line-colour); }
`;

export class PrivateHighlights implements HighlightRegistryLike {
  private readonly byName = new Map<string, Highlight>();
  private styles = boxStylesOf(highlightCss);
  private readonly boxes: HTMLElement[] = [];
  private frame = 0;
  private watching = false;
  private readonly resized = new ResizeObserver(() => this.schedule());
  private readonly onScroll = () => this.schedule();

  constructor(
    /** The layer's element, inside our closed shadow root. */
    private readonly layer: HTMLElement,
    private readonly doc: Document,
    /** Our UI's host: a hit on it is ours (the card above a mention), not the page covering the mention. */
    private readonly host: Element,
  ) {
    layer.className = 'private-paint';
    const root = layer.getRootNode();
    if (root instanceof ShadowRoot) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(LAYER_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The boxes' looks: the kinds' and the marks' as our highlight style sheet has them, and the private stories' colours. */
  setStoryStyles(storyCss: string): void {
    this.styles = boxStylesOf(`${highlightCss}\n${storyCss}`);
    this.schedule();
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
    this.byName.clear();
    this.resized.disconnect();
    this.doc.defaultView?.removeEventListener('scroll', this.onScroll, true);
    this.doc.defaultView?.removeEventListener('resize', this.onScroll);
    for (const box of this.boxes) box.remove();
    this.boxes.length = 0;
  }

  /** Scrolling (of the page or any box in it) and resizing move the ranges: paint again in the next frame. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const view = this.doc.defaultView;
    view?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view?.addEventListener('resize', this.onScroll, { passive: true });
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

  /** One box per client rect of each range in view, in priority order, reusing the boxes of the last paint. */
  private paint(): void {
    const started = performance.now();
    const width = this.doc.documentElement.clientWidth;
    const height = this.doc.documentElement.clientHeight;
    const named = [...this.byName].sort(([, a], [, b]) => a.priority - b.priority);
    let used = 0;
    for (const [name, highlight] of named) {
      const style = this.styles.get(name);
      if (style === undefined) continue;
      for (const range of highlight) {
        if (!(range instanceof Range) || !range.startContainer.isConnected) continue;
        for (const rect of range.getClientRects()) {
          if (rect.width === 0 || rect.height === 0) continue;
          if (rect.bottom < 0 || rect.right < 0 || rect.top > height || rect.left > width) continue;
          if (!this.isOnTop(range, rect)) continue;
          this.place(used++, rect, style, highlight.priority > 0);
        }
      }
    }
    for (const box of this.boxes.splice(used)) box.remove();
    measureWork(MEASURE.privatePaint, oneSlice(started), { boxes: used });
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
