import type { Locator, Page } from '@playwright/test';
import { BUNDLED_ENTITIES } from '../../bundled-stories';

export interface MentionSpot {
  x: number;
  y: number;
  text: string;
}

export interface CardState {
  open: boolean;
  heading: string;
  place: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** Whether the card is what a click at its centre would reach: nothing of the page covers it. */
  onTop: boolean;
  fontSize: string;
}

/** The entity a highlighted text names, by the knowledge base's own names. */
export function entityNamed(text: string): string | undefined {
  const wanted = text.replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
  return BUNDLED_ENTITIES.find((e) =>
    [...e.names, ...e.laterMentions].some((n) => n.toLowerCase() === wanted || `${n.toLowerCase()}'s` === wanted),
  )?.name;
}

/** Page object for the hover card: find mentions, hover them, read the card back. */
export class CardProbe {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.locator('context-lens-ui').getByRole('dialog');
  }

  /**
   * A visible mention's centre, scrolled into view first. `match` picks by
   * text; `index` by order among the matches that are really on top.
   */
  async mention(match?: string, index = 0): Promise<MentionSpot> {
    // A page may still move after the scroll (images sized late, sticky bars): measure until two readings agree.
    let spot = await this.locate(match, index, true);
    for (let i = 0; i < 10; i++) {
      await this.page.waitForTimeout(100);
      const again = await this.locate(match, index, false);
      if (again !== null && spot !== null && Math.abs(again.x - spot.x) < 1 && Math.abs(again.y - spot.y) < 1) break;
      spot = again;
    }
    if (spot === null) throw new Error(`no visible mention${match ? ` of ${match}` : ''}`);
    return spot;
  }

  private locate(match: string | undefined, index: number, scroll: boolean): Promise<MentionSpot | null> {
    return this.page.evaluate(
      ({ match, index, scroll }) => {
        const found: { range: Range; element: Element }[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('context-lens-') || name === 'context-lens-active' || name === 'context-lens-flash')
            continue;
          for (const r of highlight as Highlight) {
            const range = r as Range;
            if (match !== undefined && range.toString() !== match) continue;
            const element = range.startContainer.parentElement;
            if (element === null || range.getClientRects().length === 0) continue;
            if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
            found.push({ range, element });
          }
        }
        found.sort((a, b) => (a.range.compareBoundaryPoints(Range.START_TO_START, b.range) < 0 ? -1 : 1));
        let seen = 0;
        for (const { range, element } of found) {
          if (scroll) element.scrollIntoView({ block: 'center', behavior: 'instant' });
          const box = range.getClientRects()[0];
          if (box === undefined || box.width === 0) continue;
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          const hit = document.elementFromPoint(x, y);
          if (hit === null || !(hit === element || hit.contains(element) || element.contains(hit))) continue;
          if (seen++ === index) return { x, y, text: range.toString() };
        }
        return null;
      },
      { match, index, scroll },
    );
  }

  /** Rests the pointer on a spot, as a reader would, coming from a few pixels away. */
  async hover(spot: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(spot.x - 6, spot.y, { steps: 2 });
    await this.page.mouse.move(spot.x, spot.y, { steps: 3 });
  }

  async waitOpen(): Promise<void> {
    await this.dialog.waitFor({ state: 'visible', timeout: 5000 });
  }

  async waitClosed(): Promise<void> {
    await this.dialog.waitFor({ state: 'hidden', timeout: 5000 });
  }

  async isOpen(): Promise<boolean> {
    return this.dialog.isVisible();
  }

  async state(): Promise<CardState> {
    return this.page.evaluate(() => {
      const host = document.querySelector('context-lens-ui');
      const frame = host?.shadowRoot?.querySelector<HTMLElement>('.frame');
      const r = frame?.getBoundingClientRect();
      const centre = r ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
      return {
        open: frame?.matches(':popover-open') ?? false,
        heading: frame?.querySelector('h2')?.textContent ?? '',
        place: frame?.querySelector('.place')?.textContent ?? '',
        rect: r
          ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }
          : { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 },
        viewport: { width: innerWidth, height: innerHeight },
        onTop: centre !== null && centre === host,
        fontSize: frame ? getComputedStyle(frame).fontSize : '',
      };
    });
  }

  /** The text of the mention marked active (the open card's), if any. */
  activeText(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...((CSS.highlights.get('context-lens-active') as Highlight | undefined) ?? [])].map((r) =>
        (r as Range).toString(),
      ),
    );
  }
}
