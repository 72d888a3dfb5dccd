import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionCounts } from '../../engine/messages';
import type { PageHighlighter } from '../../page/start/page-highlighter';
import { highlighterOver } from './page-fixtures';

let highlighter: PageHighlighter;
let counts: MentionCounts[];

async function highlightPage(html: string): Promise<void> {
  ({ highlighter, counts } = highlighterOver(html));
  await highlighter.start();
}

afterEach(() => {
  highlighter.stop();
  document.body.replaceChildren();
});

describe('which mentions a reader can see', () => {
  it('counts a menu’s names once the menu opens, and not after it closes', async () => {
    await highlightPage('<nav id="menu" style="display: none"><a href="#">Tencent</a></nav><p>Alibaba</p>');
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 1 }));
    const menu = document.getElementById('menu') as HTMLElement;
    menu.style.display = 'block';
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 1, tencent: 1 }));
    menu.style.display = 'none';
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 1 }));
  });

  it('counts text drawn through display: contents, and not text that is visibility: hidden', async () => {
    await highlightPage(
      '<div style="display: contents"><span>Alibaba</span></div>' +
        '<div style="visibility: hidden">Tencent</div><p>Hangzhou</p>',
    );
    await vi.waitFor(() => expect(counts.at(-1)).toEqual({ alibaba: 1, hangzhou: 1 }));
  });

  it('leaves hidden mentions out of the steps as well as the counts', async () => {
    await highlightPage('<nav style="display: none">Tencent</nav><p>Alibaba and Hangzhou</p>');
    await vi.waitFor(() => expect([...highlighter.shownMentions()]).toHaveLength(2));
    expect([...highlighter.shownMentions()].map((m) => m.range.toString()).sort()).toEqual(['Alibaba', 'Hangzhou']);
  });
});
