import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MentionCounts } from '../../engine/messages';
import { LensOnPage } from '../../page/start/lens-on-page';
import { firstMatcherCache } from '../../platform/storage/first-matcher-cache';
import { startFirstReads } from '../../platform/storage/first-reads';
import { pageStories } from '../../platform/storage/page-stories';

/** Context Lens on the test page, as the content script starts it, each count it reports pushed to `counts`. */
export function lensOnTestPage(counts: MentionCounts[]): { ctx: ContentScriptContext; lens: LensOnPage } {
  const ctx = new ContentScriptContext('content');
  const first = startFirstReads();
  const lens = new LensOnPage(ctx, {
    doc: document,
    names: pageStories(first),
    compiled: firstMatcherCache(first),
    pageUrl: 'https://news.example.com/story',
    speaksForPage: true,
    onCountsChanged: (now) => counts.push(now),
  });
  first.close();
  return { ctx, lens };
}
