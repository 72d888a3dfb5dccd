/**
 * What a finger's or pen's touch means, from where and when it went down and
 * lifted. Pure, so the page's taps and the card's swipes share one rule.
 */

/** A touch that moves further than this, or lasts longer, is a scroll or a press, not a tap. */
const TAP_SLOP_PX = 10;
const TAP_MS = 600;
/** A horizontal swipe this long, and not much of a vertical one, puts the card away. */
const SWIPE_PX = 80;

/** A finger or a pen: they tap rather than hover. */
export function isTouchLike(pointerType: string): boolean {
  return pointerType === 'touch' || pointerType === 'pen';
}

/** Where and when one pointer went down or lifted: an event's pointerId, clientX, clientY and timeStamp. */
export interface PointerPoint {
  id: number;
  x: number;
  y: number;
  at: number;
}

/** The fields of a pointer event that place it. */
interface PointerSample {
  pointerId: number;
  clientX: number;
  clientY: number;
  timeStamp: number;
}

export function pointOf(event: PointerSample): PointerPoint {
  return { id: event.pointerId, x: event.clientX, y: event.clientY, at: event.timeStamp };
}

/** The same pointer lifted close to where it went down, soon after: a tap, not a scroll or a long press. */
export function isTap(down: PointerPoint, up: PointerPoint): boolean {
  return down.id === up.id && Math.hypot(up.x - down.x, up.y - down.y) <= TAP_SLOP_PX && up.at - down.at <= TAP_MS;
}

/** The same pointer moved far sideways and little up or down: a swipe that puts the card away. */
export function isSwipeAway(down: PointerPoint, up: PointerPoint): boolean {
  return down.id === up.id && Math.abs(up.x - down.x) >= SWIPE_PX && Math.abs(up.y - down.y) < SWIPE_PX / 2;
}
