import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { compileMatcher } from '../../engine/matcher';
import { HighlightRenderer, highlightsSupported } from '../../page/highlight-renderer';
import { scanPage } from '../../page/page-scan';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Never throw into the page: a failure here ends our work on this page quietly.
    try {
      if (!highlightsSupported()) return;
      const root = document.body ?? document.documentElement;
      if (root === null) return;
      const matcher = compileMatcher(BUNDLED_PACK.entities);
      const renderer = new HighlightRenderer();
      ctx.onInvalidated(() => renderer.dispose());
      const result = await scanPage(root, matcher, renderer, null, () => ctx.isInvalid);
      if (result === null) return;
      await browser.runtime.sendMessage({ type: 'frame-mentions', counts: result.counts });
    } catch (error) {
      if (!ctx.isInvalid) console.warn('Context Lens could not scan this page:', error);
    }
  },
});
