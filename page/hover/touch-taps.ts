import { isTap, isTouchLike, type PointerPoint, pointOf } from '../../engine/pointer-gestures';
import type { PageMention } from '../highlight/mention-store';
import { parentOf } from '../read/composed-tree';

/** The link a mention's text is in, if any, looking across shadow roots' edges. */
export function linkAround(mention: PageMention): HTMLAnchorElement | null {
  for (let node: Node | null = mention.range.startContainer; node !== null; node = parentOf(node)) {
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) return node;
  }
  return null;
}

/**
 * A finger's or pen's taps on the page. A touch is judged when it lifts, so
 * a tap on the open name does not close its card first. A tap that opens a
 * card for a name in a link holds back the click that follows: the reader
 * asked about the name, and the card offers the link.
 */
export class TouchTaps {
  private down: PointerPoint | null = null;
  private holdNextClick = false;

  /** Any pointer went down, on the page or on our card: a click held back for an earlier tap is not this one's. */
  pointerDown(): void {
    this.holdNextClick = false;
  }

  /** A pointer went down on the page: a finger or a pen is followed until it lifts (true), a mouse is not (false). */
  touchDown(event: PointerEvent): boolean {
    if (!isTouchLike(event.pointerType)) return false;
    this.down = pointOf(event);
    return true;
  }

  /** The browser took the touch for a scroll or a zoom: no tap. */
  touchCancel(): void {
    this.down = null;
  }

  /** A pointer lifted: whether it ended a tap. */
  touchUpIsTap(event: PointerEvent): boolean {
    const down = this.down;
    this.down = null;
    return down !== null && isTouchLike(event.pointerType) && isTap(down, pointOf(event));
  }

  /** A tap opened a card for a name in `link`: the click that follows must not follow it. */
  holdClickOn(link: HTMLAnchorElement | null): void {
    this.holdNextClick = link !== null;
  }

  /** The reader's click, heard before the page's: held back once after such a tap. */
  click(event: MouseEvent): void {
    if (!this.holdNextClick || !event.isTrusted) return;
    this.holdNextClick = false;
    event.preventDefault();
  }
}
