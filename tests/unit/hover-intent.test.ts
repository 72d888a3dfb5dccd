import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../engine/hover-intent';

type Target = 'alibaba' | 'beijing';

let events: string[];
let intent: HoverIntent<Target>;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = new HoverIntent<Target>({
    showDelayMs: 300,
    graceMs: 300,
    open: (target) => events.push(`open ${target}`),
    close: () => events.push('close'),
  });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Opens alibaba's card the way a reader does: rest on it past the delay. */
function openAlibaba() {
  intent.pointerAt('alibaba');
  vi.advanceTimersByTime(300);
  expect(events).toEqual(['open alibaba']);
  events.length = 0;
}

describe('HoverIntent', () => {
  it('opens after the pointer rests for the delay, not before', () => {
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open alibaba']);
    expect(intent.current).toBe('alibaba');
  });

  it('does not open for a pointer passing over a name', () => {
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(200);
    intent.pointerAt(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('restarts the delay when the pointer moves from one name to another', () => {
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(200);
    intent.pointerAt('beijing');
    vi.advanceTimersByTime(200);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['open beijing']);
  });

  it('stays open while the pointer crosses to the card within the grace period', () => {
    openAlibaba();
    intent.pointerAt(null);
    vi.advanceTimersByTime(250);
    intent.pointerOnCard(true);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
  });

  it('closes once the grace period passes after the pointer left both name and card', () => {
    openAlibaba();
    intent.pointerOnCard(true);
    intent.pointerAt(null);
    intent.pointerOnCard(false);
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['close']);
    expect(intent.current).toBeNull();
  });

  it('keeps the card when the pointer comes back to the name in time', () => {
    openAlibaba();
    intent.pointerAt(null);
    vi.advanceTimersByTime(200);
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
  });

  it('replaces the card when the pointer rests on another name', () => {
    openAlibaba();
    intent.pointerAt('beijing');
    vi.advanceTimersByTime(300);
    // Replaced in place, without closing first: the card moves rather than blinks.
    expect(events).toEqual(['open beijing']);
    expect(intent.current).toBe('beijing');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open beijing']);
  });

  it('keeps a dismissed card closed while the pointer stays on its name, and reopens after it leaves', () => {
    openAlibaba();
    intent.dismiss();
    expect(events).toEqual(['close']);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['close']);
    intent.pointerAt(null);
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['close', 'open alibaba']);
  });

  it('while pinned (the reader works in the card), the pointer neither closes nor replaces it', () => {
    openAlibaba();
    intent.pin(true);
    intent.pointerAt('beijing');
    intent.pointerAt(null);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual([]);
    intent.pin(false);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['close']);
  });

  it('cannot be pinned with no card open', () => {
    intent.pin(true);
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open alibaba']);
  });

  it('opens at once for keyboard navigation, cancelling a pending hover', () => {
    intent.pointerAt('beijing');
    intent.openNow('alibaba');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open alibaba']);
  });

  it('closes at once when the mention leaves the page', () => {
    openAlibaba();
    intent.forget('alibaba');
    expect(events).toEqual(['close']);
    intent.forget('beijing');
    expect(events).toEqual(['close']);
  });

  it('keeps the card open when its target is found again under another identity', () => {
    openAlibaba();
    // The page was read anew: the same name is now a new object, here played by another string.
    intent.replace('alibaba', 'beijing');
    expect(intent.current).toBe('beijing');
    intent.pointerAt('beijing');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    intent.pointerAt(null);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['close']);
  });

  it('takes a changed delay from the next rest on', () => {
    intent.setShowDelay(1000);
    intent.pointerAt('alibaba');
    vi.advanceTimersByTime(999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open alibaba']);
  });

  it('follows the configured delay', () => {
    const slow = new HoverIntent<Target>({
      showDelayMs: 800,
      graceMs: 300,
      open: (target) => events.push(`open ${target}`),
      close: () => events.push('close'),
    });
    slow.pointerAt('alibaba');
    vi.advanceTimersByTime(700);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['open alibaba']);
  });
});
