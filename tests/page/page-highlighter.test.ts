import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionCounts } from '../../engine/messages';
import { KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import type { PageHighlighter } from '../../page/start/page-highlighter';
import { highlighted } from './highlighted-text';
import { EVERY_MENTION_MARKED, highlighterOver, ONLY_THE_CITY } from './page-fixtures';

let highlighter: PageHighlighter;
let counts: MentionCounts[];

function highlightPage(html: string): PageHighlighter {
  ({ highlighter, counts } = highlighterOver(html));
  return highlighter;
}

afterEach(() => {
  highlighter.stop();
  document.body.replaceChildren();
});

describe('PageHighlighter', () => {
  it('highlights every mention once started, and counts them', async () => {
    await highlightPage('<p>Alibaba and Tencent; <b>Alibaba</b> in Hangzhou.</p>').start();
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba', 'Tencent', 'Alibaba']);
    expect(highlighted('context-lens-city')).toEqual(['Hangzhou']);
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 2, tencent: 1, hangzhou: 1 }));
  });

  it('keeps up with text the page adds later', async () => {
    await highlightPage('<p>Nothing yet.</p>').start();
    document.body.insertAdjacentHTML('beforeend', '<p>Now Tencent.</p>');
    await vi.waitFor(() => expect(highlighted('context-lens-firm')).toEqual(['Tencent']));
  });

  it('counts only what a reader can see, while still highlighting a hidden copy', async () => {
    await highlightPage('<nav style="display: none">Alibaba</nav><p>Alibaba</p>').start();
    expect(highlighted('context-lens-firm')).toHaveLength(2);
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 1 }));
  });

  it('takes every highlight away when stopped, and brings them back when started again', async () => {
    const page = highlightPage('<p>Alibaba</p>');
    await page.start();
    page.stop();
    expect(page.running).toBe(false);
    expect(highlighted('context-lens-firm')).toEqual([]);
    expect(counts.at(-1)).toEqual({});
    await page.start();
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
  });

  it('swaps in other names in one task: the old highlights stay until the new ones are read', async () => {
    const page = highlightPage('<p>Alibaba in Hangzhou.</p>');
    await page.start();
    let atSwap: string[][] | null = null;
    const replacing = page.replace(
      { matcher: ONLY_THE_CITY, scheme: KIND_SCHEME, marking: EVERY_MENTION_MARKED },
      () => {
        atSwap = [highlighted('context-lens-firm'), highlighted('context-lens-city')];
      },
    );
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    expect(await replacing).toBe(true);
    // The callback ran in the swap's own task, with the new highlights up and the old ones gone.
    expect(atSwap).toEqual([[], ['Hangzhou']]);
  });

  it('keeps other names for its next start when stopped', async () => {
    const page = highlightPage('<p>Alibaba in Hangzhou.</p>');
    const shown = vi.fn();
    expect(
      await page.replace({ matcher: ONLY_THE_CITY, scheme: KIND_SCHEME, marking: EVERY_MENTION_MARKED }, shown),
    ).toBe(true);
    expect(shown).toHaveBeenCalledOnce();
    await page.start();
    expect(highlighted('context-lens-firm')).toEqual([]);
    expect(highlighted('context-lens-city')).toEqual(['Hangzhou']);
  });

  it('gives up a replacement read that a stop overtakes', async () => {
    const page = highlightPage('<p>Alibaba in Hangzhou.</p>');
    await page.start();
    const shown = vi.fn();
    const replacing = page.replace(
      { matcher: ONLY_THE_CITY, scheme: KIND_SCHEME, marking: EVERY_MENTION_MARKED },
      shown,
    );
    page.stop();
    expect(await replacing).toBe(false);
    expect(shown).not.toHaveBeenCalled();
    expect(highlighted('context-lens-city')).toEqual([]);
  });
});
