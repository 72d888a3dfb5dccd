import { describe, expect, it } from 'vitest';
import { TouchTaps } from '../../page/hover/touch-taps';

const pointer = (type: string, pointerType: string, x: number, y: number, id = 1) =>
  new PointerEvent(type, { pointerType, clientX: x, clientY: y, pointerId: id });

/** A click as the reader's own: a page script's (dispatched) clicks are never held back. */
function readersClick(): MouseEvent {
  const click = new MouseEvent('click', { cancelable: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  return click;
}

describe('TouchTaps', () => {
  it('follows a finger or a pen from down to up, never a mouse', () => {
    const taps = new TouchTaps();
    expect(taps.touchDown(pointer('pointerdown', 'mouse', 10, 10))).toBe(false);
    expect(taps.touchUpIsTap(pointer('pointerup', 'mouse', 10, 10))).toBe(false);
    expect(taps.touchDown(pointer('pointerdown', 'pen', 10, 10))).toBe(true);
    expect(taps.touchUpIsTap(pointer('pointerup', 'pen', 12, 11))).toBe(true);
  });

  it('takes no tap from a touch that moved like a scroll, or that the browser cancelled', () => {
    const taps = new TouchTaps();
    taps.touchDown(pointer('pointerdown', 'touch', 10, 10));
    expect(taps.touchUpIsTap(pointer('pointerup', 'touch', 10, 60))).toBe(false);
    taps.touchDown(pointer('pointerdown', 'touch', 10, 10));
    taps.touchCancel();
    expect(taps.touchUpIsTap(pointer('pointerup', 'touch', 10, 10))).toBe(false);
  });

  it('judges one touch once: a second lift is no tap', () => {
    const taps = new TouchTaps();
    taps.touchDown(pointer('pointerdown', 'touch', 10, 10));
    expect(taps.touchUpIsTap(pointer('pointerup', 'touch', 10, 10))).toBe(true);
    expect(taps.touchUpIsTap(pointer('pointerup', 'touch', 10, 10))).toBe(false);
  });

  it('holds back the one click after a tap opened a card for a name in a link', () => {
    const taps = new TouchTaps();
    taps.holdClickOn(document.createElement('a'));
    const first = readersClick();
    taps.click(first);
    expect(first.defaultPrevented).toBe(true);
    const second = readersClick();
    taps.click(second);
    expect(second.defaultPrevented).toBe(false);
  });

  it('holds back nothing for a name in no link, for a page script’s click, or once another press began', () => {
    const taps = new TouchTaps();
    taps.holdClickOn(null);
    const plain = readersClick();
    taps.click(plain);
    expect(plain.defaultPrevented).toBe(false);

    taps.holdClickOn(document.createElement('a'));
    const made = new MouseEvent('click', { cancelable: true });
    taps.click(made);
    expect(made.defaultPrevented).toBe(false);

    taps.holdClickOn(document.createElement('a'));
    taps.pointerDown();
    const later = readersClick();
    taps.click(later);
    expect(later.defaultPrevented).toBe(false);
  });
});
