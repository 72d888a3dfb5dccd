import type { PageMention } from '../highlight/mention-store';
import { type MentionIndex, mentionAtPoint } from './mention-hit-test';

interface Pointer {
  x: number;
  y: number;
  onCard: boolean;
  /** A button is held: the reader is selecting text, not asking about a name. */
  pressed: boolean;
}

/** What the tracker tells of the pointer, once per frame at most. */
export interface PointerTrackerHost {
  mentions: MentionIndex;
  /** The pointer is on our card (true), or on the page over `over`, a mention or none. */
  pointerOnCard(onCard: boolean): void;
  pointerAt(over: PageMention | null): void;
}

/**
 * Where a mouse is, hit-tested at most once per frame: a pointer event can
 * come many times a frame, and only where it is when the frame renders counts.
 */
export class PointerTracker {
  private pointer: Pointer | null = null;
  private frameRequested = false;

  constructor(private readonly host: PointerTrackerHost) {}

  /** A mouse moved: on our card when `onCard`. */
  moved(event: PointerEvent, onCard: boolean): void {
    this.track({ x: event.clientX, y: event.clientY, onCard, pressed: event.buttons !== 0 });
  }

  /** The pointer left the window: nothing is under it any more. */
  left(): void {
    this.track(null);
  }

  /** A tap opened a card here: it is placed by the finger, as a hover's is by the mouse. */
  tappedAt(x: number, y: number): void {
    this.pointer = { x, y, onCard: false, pressed: false };
  }

  forget(): void {
    this.pointer = null;
  }

  /** Where a card opened now is placed beside: the pointer on the page, or null when it is on the card or gone. */
  get point(): { x: number; y: number } | null {
    const { pointer } = this;
    return pointer !== null && !pointer.onCard ? { x: pointer.x, y: pointer.y } : null;
  }

  private track(pointer: Pointer | null): void {
    this.pointer = pointer;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.hitTest();
    });
  }

  private hitTest(): void {
    const { pointer, host } = this;
    if (pointer?.onCard) {
      host.pointerOnCard(true);
      return;
    }
    host.pointerOnCard(false);
    host.pointerAt(
      pointer === null || pointer.pressed ? null : mentionAtPoint(document, host.mentions, pointer.x, pointer.y),
    );
  }
}
