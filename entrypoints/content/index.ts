import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { compileMatcher } from '../../engine/matcher';
import type { MentionCounts } from '../../engine/messages';
import { highlightsSupported } from '../../page/highlight-renderer';
import { PageHighlighter } from '../../page/page-highlighter';
import './highlights.css';

/** Counts go to the background at most this often while a page keeps changing. */
const REPORT_DELAY_MS = 250;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Never throw into the page: a failure here ends our work on this page quietly.
    try {
      if (!highlightsSupported()) return;
      let reportTimer: number | undefined;
      const report = (counts: MentionCounts) => {
        clearTimeout(reportTimer);
        reportTimer = ctx.setTimeout(() => {
          browser.runtime.sendMessage({ type: 'frame-mentions', counts }).catch(() => {
            // The background restarts or the extension was reloaded: the next report will do.
          });
        }, REPORT_DELAY_MS);
      };
      const highlighter = new PageHighlighter(document, {
        matcher: compileMatcher(BUNDLED_PACK.entities),
        ownHost: () => null,
        onCountsChanged: report,
      });
      ctx.onInvalidated(() => highlighter.stop());
      await highlighter.start();
    } catch (error) {
      if (!ctx.isInvalid) console.warn('Context Lens could not read this page:', error);
    }
  },
});
