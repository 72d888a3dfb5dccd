import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../data/bundled-pack';
import { type MentionCounts, parseCounts, totalMentions } from '../engine/messages';
import { PageMentions } from './page-mentions';
import { StoryOverview } from './story-overview';

type PageState = { status: 'loading' } | { status: 'ready'; counts: MentionCounts } | { status: 'unavailable' };

/**
 * The tab the panel describes: the active one, or the one named by `?tab=`
 * when the panel is opened as a page of its own (in a tab, or by tests).
 */
async function targetTabId(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function activeTabMentions(): Promise<PageState> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { status: 'unavailable' };
  const counts = parseCounts(await browser.runtime.sendMessage({ type: 'tab-mentions', tabId }));
  return counts ? { status: 'ready', counts } : { status: 'unavailable' };
}

/** The toolbar panel: what the current page mentions, and the story in brief. */
export function PopupPanel() {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  useEffect(() => {
    activeTabMentions().then(setPage, () => setPage({ status: 'unavailable' }));
  }, []);

  return (
    <main class="panel">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Context Lens</h1>
        <a class="options-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </header>
      <section class="on-page" aria-labelledby="on-page-title" aria-busy={page.status === 'loading'}>
        <h2 id="on-page-title">
          On this page
          {page.status === 'ready' && <span class="total"> · {totalMentions(page.counts)} mentions</span>}
        </h2>
        {page.status === 'loading' && <p class="empty">Looking at this page…</p>}
        {page.status === 'unavailable' && <p class="empty">Context Lens has not read this page.</p>}
        {page.status === 'ready' && <PageMentions pack={BUNDLED_PACK} counts={page.counts} />}
      </section>
      <StoryOverview pack={BUNDLED_PACK} />
    </main>
  );
}
