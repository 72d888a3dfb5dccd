import type { MentionPlace } from '../components/hover-card';
import { DEFAULT_GRACE_MS, HoverIntent } from '../engine/hover-intent';
import type { Direction } from '../engine/messages';
import type { CardContent, CardView } from './card-view';
import { containsComposed } from './live-changes';
import { type MentionIndex, mentionAtPoint } from './mention-hit-test';
import { MentionMarks } from './mention-marks';
import { firstFromViewport, stepFrom, visibleInOrder } from './mention-order';
import type { PageMention } from './mention-store';

/** Time from a card's opening to its content rendered and placed; outside checks read it. */
export const MEASURE_CARD = 'context-lens:card';

/** What the hover needs from the highlighter: the index, and the mentions as they stand. */
export interface HighlightedMentions extends MentionIndex {
  has(mention: PageMention): boolean;
  mentions(): Iterable<PageMention>;
}

export interface MentionHoverOptions {
  mentions: HighlightedMentions;
  layer: CardView;
  showDelayMs: number;
}

interface Pointer {
  x: number;
  y: number;
  onCard: boolean;
  /** A button is held: the reader is selecting text, not asking about a name. */
  pressed: boolean;
}

/**
 * Pointer → hit-test → card. Tracks the pointer at most once per frame, asks
 * the index what lies under it, lets HoverIntent decide when the card opens
 * and closes, and handles the ways a reader dismisses it: Escape, a click
 * elsewhere, scrolling the text away. Also steps through mentions for the
 * keyboard commands and the card's own buttons.
 */
export class MentionHover {
  private readonly intent: HoverIntent<PageMention>;
  private readonly marks = new MentionMarks();
  private listeners: AbortController | null = null;
  private pointer: Pointer | null = null;
  private frameRequested = false;
  /** Set while our own jump scrolls the page, so that scroll does not close the card. */
  private scrollingOurselves = false;
  /** Where focus was before a keyboard command moved it into the card. */
  private returnFocus: HTMLElement | null = null;
  private focusOnOpen = false;
  private prepared = false;
  /** Visible mentions per entity in reading order, for the card's counts; cleared when mentions change. */
  private readonly placesCache = new Map<string, PageMention[]>();

  constructor(private readonly options: MentionHoverOptions) {
    this.intent = new HoverIntent<PageMention>({
      showDelayMs: options.showDelayMs,
      graceMs: DEFAULT_GRACE_MS,
      open: (mention) => this.open(mention),
      close: () => this.close(),
    });
  }

  start(): void {
    if (this.listeners !== null) return;
    this.listeners = new AbortController();
    // Only the reader's own input counts: events a page script makes up (dispatchEvent) never
    // open, pin or dismiss a card.
    const on = <K extends keyof WindowEventMap>(type: K, listener: (event: WindowEventMap[K]) => void) =>
      window.addEventListener(type, (event) => event.isTrusted && listener(event), {
        capture: true,
        passive: true,
        signal: this.listeners?.signal,
      });
    on('pointermove', (event) => this.onPointerMove(event));
    on('pointerout', (event) => {
      // Leaving the window: nothing is under the pointer any more.
      if (event.relatedTarget === null) this.trackPointer(null);
    });
    on('pointerdown', (event) => {
      if (this.isOurs(event.target)) this.intent.pin(true);
      else this.intent.dismiss();
    });
    on('keydown', (event) => {
      // With focus in the card, the card handles its own keys.
      if (event.key === 'Escape' && this.intent.current !== null && !this.isOurs(event.target)) this.intent.dismiss();
    });
    on('scroll', (event) => this.onScroll(event));
    on('focusin', (event) => {
      if (this.isOurs(event.target)) this.intent.pin(true);
    });
    on('focusout', (event) => {
      if (this.isOurs(event.target) && !this.isOurs(event.relatedTarget)) this.intent.pin(false);
    });
  }

  setShowDelay(ms: number): void {
    this.intent.setShowDelay(ms);
  }

  /** The panel asks for an entity: its next mention from the open card or the view, card opened. */
  showEntity(entityId: string): void {
    const ordered = this.entityMentions(entityId);
    const current = this.intent.current;
    const target =
      current !== null && current.entityId === entityId
        ? stepFrom(ordered, current, 'next')
        : firstFromViewport(ordered, 'next', innerHeight);
    if (target !== null) this.jumpTo(target, false);
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    this.pointer = null;
    this.intent.dismiss();
  }

  dispose(): void {
    this.stop();
    this.marks.dispose();
    this.options.layer.dispose();
  }

  /** The page's mentions changed: close a card whose mention went, refresh the counts of one that stayed. */
  mentionsChanged(): void {
    this.placesCache.clear();
    const current = this.intent.current;
    if (current === null) return;
    if (this.options.mentions.has(current)) void this.options.layer.update(this.card(current));
    else this.intent.forget(current);
  }

  /**
   * The first time the pointer lands on a name, builds the card unseen while
   * the show delay runs: the shadow root, its styles and fonts are then ready
   * and the card paints in one frame when the delay ends. Until a reader
   * hovers a name, the page gets no node from us at all.
   */
  private prepare(mention: PageMention): void {
    this.prepared = true;
    this.options.layer.prepare(this.card(mention)).catch(() => {
      this.prepared = false;
    });
  }

  /** A keyboard command: the next or previous mention on the page, its card opened with focus in it. */
  step(direction: Direction): void {
    const ordered = visibleInOrder(this.options.mentions.mentions());
    const current = this.intent.current;
    const target =
      current !== null ? stepFrom(ordered, current, direction) : firstFromViewport(ordered, direction, innerHeight);
    if (target !== null) this.jumpTo(target, true);
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.trackPointer({
      x: event.clientX,
      y: event.clientY,
      onCard: this.isOurs(event.target),
      pressed: event.buttons !== 0,
    });
  }

  private trackPointer(pointer: Pointer | null): void {
    this.pointer = pointer;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.hitTest();
    });
  }

  private hitTest(): void {
    const pointer = this.pointer;
    if (pointer?.onCard) {
      this.intent.pointerOnCard(true);
      return;
    }
    this.intent.pointerOnCard(false);
    const over =
      pointer === null || pointer.pressed
        ? null
        : mentionAtPoint(document, this.options.mentions, pointer.x, pointer.y);
    if (over !== null && !this.prepared) this.prepare(over);
    this.intent.pointerAt(over);
  }

  private onScroll(event: Event): void {
    const current = this.intent.current;
    if (current === null || this.scrollingOurselves) return;
    const target = event.target;
    // Only a scroll that moves the mention away closes its card, not a carousel elsewhere.
    const movesMention =
      target === document || (target instanceof Node && containsComposed(target, current.range.startContainer));
    if (movesMention) this.intent.dismiss();
  }

  private isOurs(target: EventTarget | null): boolean {
    const host = this.options.layer.hostElement;
    return host !== null && target === host;
  }

  private jumpTo(mention: PageMention, byKeyboard: boolean): void {
    this.reveal(mention.range);
    this.marks.flash(mention.range);
    this.focusOnOpen = byKeyboard;
    this.intent.openNow(mention);
  }

  /** Scrolls a mention into the middle of the view when it is not already in view. */
  private reveal(range: Range): void {
    const inView = (rect: DOMRect) =>
      rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth;
    if (inView(range.getBoundingClientRect())) return;
    this.scrollingOurselves = true;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const rect = range.getBoundingClientRect();
    // A block taller than the view: centre on the name itself.
    if (!inView(rect)) window.scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
    // Scroll events for this jump arrive before the next frame's callbacks.
    requestAnimationFrame(() => requestAnimationFrame(() => (this.scrollingOurselves = false)));
  }

  private open(mention: PageMention): void {
    const started = performance.now();
    const focus = this.focusOnOpen;
    this.focusOnOpen = false;
    const point = this.pointer !== null && !this.pointer.onCard ? { x: this.pointer.x, y: this.pointer.y } : null;
    this.marks.setActive(mention.range);
    const { layer } = this.options;
    layer
      .show(this.card(mention), { range: mention.range, point: focus ? null : point })
      .then(() => {
        if (focus && !layer.hasFocus) {
          this.returnFocus = deepActiveElement();
          layer.focus();
        }
        performance.measure(MEASURE_CARD, { start: started, detail: { entityId: mention.entityId } });
      })
      .catch((error: unknown) => console.warn('Context Lens could not show its card:', error));
  }

  private close(): void {
    this.marks.setActive(null);
    const { layer } = this.options;
    const hadFocus = layer.hasFocus;
    layer.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    // Focus that was in the card goes back where it came from, not to the top of the page.
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The card as it should read now, for `mention`. */
  private card(mention: PageMention): CardContent {
    return {
      entityId: mention.entityId,
      mentionsOf: (entityId: string) => this.placeOf(entityId, mention),
      onStep: (entityId: string, direction: Direction) => this.stepEntity(entityId, direction),
      onClose: () => this.intent.dismiss(),
    };
  }

  private entityMentions(entityId: string): PageMention[] {
    let ordered = this.placesCache.get(entityId);
    if (ordered === undefined) {
      const all = [...this.options.mentions.mentions()].filter((m) => m.entityId === entityId);
      ordered = visibleInOrder(all);
      this.placesCache.set(entityId, ordered);
    }
    return ordered;
  }

  private placeOf(entityId: string, open: PageMention): MentionPlace {
    const ordered = this.entityMentions(entityId);
    const at = ordered.indexOf(open);
    return { count: ordered.length, position: at < 0 ? null : at + 1 };
  }

  /** The card's own previous/next: through one entity's mentions, wrapping round. */
  private stepEntity(entityId: string, direction: Direction): void {
    const ordered = this.entityMentions(entityId);
    const current = this.intent.current;
    const target =
      current !== null && current.entityId === entityId
        ? stepFrom(ordered, current, direction)
        : ((direction === 'next' ? ordered[0] : ordered[ordered.length - 1]) ?? null);
    if (target !== null) this.jumpTo(target, false);
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
