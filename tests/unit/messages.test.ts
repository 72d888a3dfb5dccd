import { describe, expect, it } from 'vitest';
import { parseMessage, sumCounts, totalMentions } from '../../engine/messages';

describe('parseMessage', () => {
  it('accepts the messages of the union', () => {
    expect(parseMessage({ type: 'frame-mentions', counts: { alibaba: 2 } })).toEqual({
      type: 'frame-mentions',
      counts: { alibaba: 2 },
    });
    expect(parseMessage({ type: 'tab-mentions', tabId: 12 })).toEqual({ type: 'tab-mentions', tabId: 12 });
    expect(parseMessage({ type: 'set-highlighting', enabled: false })).toEqual({
      type: 'set-highlighting',
      enabled: false,
    });
    expect(parseMessage({ type: 'step-mention', direction: 'previous' })).toEqual({
      type: 'step-mention',
      direction: 'previous',
    });
  });

  it.each([
    null,
    'frame-mentions',
    { type: 'unknown' },
    { type: 'frame-mentions' },
    { type: 'frame-mentions', counts: [] },
    { type: 'frame-mentions', counts: { alibaba: 1.5 } },
    { type: 'frame-mentions', counts: { alibaba: -1 } },
    { type: 'frame-mentions', counts: { '<img src=x>': 1 } },
    { type: 'tab-mentions', tabId: '12' },
    { type: 'tab-mentions', tabId: -1 },
    { type: 'set-highlighting', enabled: 'no' },
    { type: 'step-mention' },
    { type: 'step-mention', direction: 'sideways' },
  ])('rejects %j', (value) => {
    expect(parseMessage(value)).toBeNull();
  });

  it('rejects an oversized report', () => {
    const counts = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`e${i}`, 1]));
    expect(parseMessage({ type: 'frame-mentions', counts })).toBeNull();
  });
});

describe('counting', () => {
  it('sums frames and totals', () => {
    const sum = sumCounts([{ a: 1, b: 2 }, { b: 3 }]);
    expect(sum).toEqual({ a: 1, b: 5 });
    expect(totalMentions(sum)).toBe(6);
  });
});
