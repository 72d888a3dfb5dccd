import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionMarks } from '../../page/highlight/mention-marks';
import type { PageMention } from '../../page/highlight/mention-store';
import { highlighted } from './highlighted-text';
import { showPage } from './page-fixtures';

let mention: PageMention;

beforeEach(() => {
  showPage('<p><span id="firm">Alibaba</span> is in Hangzhou.</p>');
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('firm') as Element);
  mention = { lensId: 'alibaba', kind: 'firm', range, nodes: [], later: false, opens: true };
});

afterEach(() => {
  vi.useRealTimers();
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('MentionMarks', () => {
  it('is in the page-readable registry only while a card is open, so a page cannot watch for an empty mark', () => {
    const marks = new MentionMarks(() => null);
    expect(CSS.highlights.has('context-lens-active')).toBe(false);
    marks.setActive(mention);
    expect(highlighted('context-lens-active')).toEqual(['Alibaba']);
    marks.setActive(null);
    expect(CSS.highlights.has('context-lens-active')).toBe(false);
  });

  it('flashes a mention jumped to, then leaves the registry', () => {
    vi.useFakeTimers();
    const marks = new MentionMarks(() => null);
    marks.flash(mention);
    expect(highlighted('context-lens-flash')).toEqual(['Alibaba']);
    vi.advanceTimersByTime(1000);
    expect(CSS.highlights.has('context-lens-flash')).toBe(false);
    marks.setActive(mention);
    marks.dispose();
    expect(CSS.highlights.size).toBe(0);
  });
});
