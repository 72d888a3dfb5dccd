import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightRenderer, KIND_SCHEME, storyScheme } from '../../page/highlight/highlight-renderer';
import { highlighted } from './highlighted-text';
import { showPage } from './page-fixtures';

let alibaba: Range;
let hangzhou: Range;

function rangeOver(id: string): Range {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id) as Element);
  return range;
}

beforeEach(() => {
  showPage('<p><span id="firm">Alibaba</span> is in <span id="city">Hangzhou</span>.</p>');
  alibaba = rangeOver('firm');
  hangzhou = rangeOver('city');
});

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('HighlightRenderer', () => {
  it('paints each mention in its kind’s highlight, and takes it out again', () => {
    const renderer = new HighlightRenderer(KIND_SCHEME);
    renderer.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    renderer.add({ lensId: 'hangzhou', kind: 'city', range: hangzhou });
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    expect(highlighted('context-lens-city')).toEqual(['Hangzhou']);
    renderer.remove({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    expect(highlighted('context-lens-firm')).toEqual([]);
  });

  it('keeps a highlight in the page-readable registry only while it holds a mention', () => {
    const renderer = new HighlightRenderer(KIND_SCHEME);
    expect([...CSS.highlights.keys()]).toEqual([]);
    renderer.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    expect([...CSS.highlights.keys()]).toEqual(['context-lens-firm']);
    renderer.remove({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    expect(CSS.highlights.has('context-lens-firm')).toBe(false);
    // A renderer that replaces another leaves none of the other's names behind where it has no mention.
    renderer.add({ lensId: 'hangzhou', kind: 'city', range: hangzhou });
    const empty = new HighlightRenderer(KIND_SCHEME, false);
    empty.register();
    expect(CSS.highlights.size).toBe(0);
  });

  it('paints by story when the scheme says so, each story in its swatch’s highlight', () => {
    const renderer = new HighlightRenderer(
      storyScheme(
        new Map([
          ['alibaba', 0],
          ['hangzhou', 5],
        ]),
      ),
    );
    renderer.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    renderer.add({ lensId: 'hangzhou', kind: 'city', range: hangzhou });
    expect(highlighted('context-lens-swatch-0')).toEqual(['Alibaba']);
    expect(highlighted('context-lens-swatch-5')).toEqual(['Hangzhou']);
  });

  it('fills an unregistered renderer unseen, and shows it whole in place of the other at register()', () => {
    const shown = new HighlightRenderer(KIND_SCHEME);
    shown.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    const incoming = new HighlightRenderer(KIND_SCHEME, false);
    incoming.add({ lensId: 'hangzhou', kind: 'city', range: hangzhou });
    expect(highlighted('context-lens-city')).toEqual([]);
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    incoming.register();
    expect(highlighted('context-lens-city')).toEqual(['Hangzhou']);
    expect(highlighted('context-lens-firm')).toEqual([]);
  });

  it('takes only its own highlights out when disposed, never those that replaced them', () => {
    const old = new HighlightRenderer(KIND_SCHEME);
    old.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    const replacement = new HighlightRenderer(KIND_SCHEME, false);
    replacement.add({ lensId: 'alibaba', kind: 'firm', range: alibaba });
    replacement.register();
    old.dispose();
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    replacement.dispose();
    expect(CSS.highlights.has('context-lens-firm')).toBe(false);
  });
});
