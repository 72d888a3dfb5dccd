import { describe, expect, it } from 'vitest';
import { isSwipeAway, isTap, isTouchLike, pointOf } from '../../engine/pointer-gestures';

const at = (x: number, y: number, ms: number, id = 1) => ({ id, x, y, at: ms });

describe('isTouchLike', () => {
  it('takes a finger and a pen for tapping, a mouse for hovering', () => {
    expect(isTouchLike('touch')).toBe(true);
    expect(isTouchLike('pen')).toBe(true);
    expect(isTouchLike('mouse')).toBe(false);
    expect(isTouchLike('')).toBe(false);
  });
});

describe('isTap', () => {
  it('is a short touch that barely moved', () => {
    expect(isTap(at(100, 100, 0), at(106, 108, 200))).toBe(true);
  });

  it('is not a touch that moved further than a finger wobbles: a scroll', () => {
    expect(isTap(at(100, 100, 0), at(100, 111, 100))).toBe(false);
  });

  it('is not a touch held long: a press', () => {
    expect(isTap(at(100, 100, 0), at(100, 100, 601))).toBe(false);
    expect(isTap(at(100, 100, 0), at(100, 100, 600))).toBe(true);
  });

  it('is not another finger lifting', () => {
    expect(isTap(at(100, 100, 0, 1), at(100, 100, 50, 2))).toBe(false);
  });
});

describe('isSwipeAway', () => {
  it('is a long sideways move, either way', () => {
    expect(isSwipeAway(at(200, 100, 0), at(110, 120, 150))).toBe(true);
    expect(isSwipeAway(at(100, 100, 0), at(180, 100, 150))).toBe(true);
  });

  it('is not a short one, nor one that goes as much down as across', () => {
    expect(isSwipeAway(at(100, 100, 0), at(170, 100, 150))).toBe(false);
    expect(isSwipeAway(at(100, 100, 0), at(200, 140, 150))).toBe(false);
  });
});

describe('pointOf', () => {
  it('reads where and when a pointer event happened', () => {
    expect(pointOf({ pointerId: 3, clientX: 10, clientY: 20, timeStamp: 99 })).toEqual(at(10, 20, 99, 3));
  });
});
