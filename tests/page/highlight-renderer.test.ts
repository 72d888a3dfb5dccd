import { afterEach, describe, expect, it } from 'vitest';
import { HighlightRenderer, KIND_SCHEME } from '../../page/highlight/highlight-renderer';

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('HighlightRenderer', () => {
  it('paints a mention in its kind’s highlight', () => {
    document.body.innerHTML = '<p>Alibaba is in Hangzhou.</p>';
    const text = document.body.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 7);
    const renderer = new HighlightRenderer(KIND_SCHEME);
    renderer.add({ lensId: 'alibaba', kind: 'firm', range });
    expect([...(CSS.highlights.get('context-lens-firm') ?? [])].map(String)).toEqual(['Alibaba']);
  });
});
