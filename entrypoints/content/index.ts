import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type MentionCounts, PAGE_MAP_PORT, type PageInfo, parseToContentScript } from '../../engine/messages';
import type { Settings } from '../../engine/settings/settings';
import { highlightsSupported } from '../../page/highlight/highlight-renderer';
import { yieldToPage } from '../../page/read/time-slices';
import { untilReadable } from '../../page/start/blank-document';
import { untilFirstContent } from '../../page/start/first-content';
import { LensOnPage } from '../../page/start/lens-on-page';
import { topPageUrl } from '../../page/start/top-page-url';
import { sendToBackground } from '../../platform/send-message';
import { firstMatcherCache } from '../../platform/storage/first-matcher-cache';
import { startFirstReads } from '../../platform/storage/first-reads';
import { watchPacks } from '../../platform/storage/pack-store';
import { pageStories } from '../../platform/storage/page-stories';
import { loadSettings, watchSettings } from '../../platform/storage/settings-store';
import './highlights.css';

/** Counts go to the background at most this often while a page keeps changing. */
const REPORT_DELAY_MS = 250;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // From the first byte: settings and names are read while the page is parsed, and the first
  // scan follows the page's first frame, never waiting for images or the load event.
  runAt: 'document_start',
  async main(ctx) {
    // Never throw into the page: a failure here ends our work on this page quietly.
    try {
      if (!highlightsSupported()) return;
      let reportTimer: number | undefined;
      const report = (counts: MentionCounts) => {
        clearTimeout(reportTimer);
        reportTimer = ctx.setTimeout(() => {
          sendToBackground({ type: 'frame-mentions', counts }).catch(() => {
            // The background restarts or the extension was reloaded: the next report will do.
          });
        }, REPORT_DELAY_MS);
      };
      const top = window.top === window;
      // A frame that stays blank (an ad slot, a tracker) costs nothing.
      if (!top && !(await untilReadable(document, ctx.signal))) return;
      // The parser's first task only asks for the page's settings and names, which take round trips
      // to the browser; all else waits for the page's first frame, which work of ours would delay.
      const first = startFirstReads();
      if (await untilFirstContent(document, ctx.signal)) await yieldToPage();
      if (ctx.isInvalid) return;
      // From here to the watchers below runs in one task: a write before it is read afresh by the
      // first reads, one after it is heard by the watchers.
      const lens = new LensOnPage(ctx, {
        names: pageStories(first),
        compiled: firstMatcherCache(first),
        pageUrl: topPageUrl(),
        speaksForPage: top,
        onCountsChanged: report,
      });
      const reading = loadSettings(first);
      browser.runtime.onMessage.addListener((raw, sender) => {
        if (sender.id !== browser.runtime.id) return undefined;
        const message = parseToContentScript(raw);
        switch (message?.type) {
          case 'step-mention':
            lens.step(message.direction);
            return undefined;
          case 'show-entity':
            lens.showEntity(message.entityId);
            return undefined;
          case 'page-info':
            // Only the top frame speaks for the tab.
            return top ? Promise.resolve<PageInfo>({ url: location.href, partial: lens.partial }) : undefined;
          default:
            return undefined;
        }
      });
      browser.runtime.onConnect.addListener((port) => {
        // Only the top frame maps the page, for our own panels.
        if (top && port.name === PAGE_MAP_PORT && port.sender?.id === browser.runtime.id) lens.followMap(port);
      });
      ctx.onInvalidated(() => lens.dispose());
      let settings: Settings | null = null;
      const apply = (value: Settings) => {
        settings = value;
        lens.apply(value).catch(warn);
      };
      const stopWatching = watchSettings(({ value, warnings }) => {
        for (const warning of warnings) console.warn('Context Lens settings:', warning);
        apply(value);
      });
      // A story added, updated or removed: the page's names change.
      const stopWatchingPacks = watchPacks(() => settings !== null && apply(settings));
      first.close();
      ctx.onInvalidated(() => {
        stopWatching();
        stopWatchingPacks();
      });
      if (top && !(await untilReadable(document, ctx.signal))) return;
      const loaded = await reading;
      for (const warning of loaded.warnings) console.warn('Context Lens settings:', warning);
      settings = loaded.value;
      await lens.apply(loaded.value);
    } catch (error) {
      if (!ctx.isInvalid) warn(error);
    }
  },
});

function warn(error: unknown): void {
  console.warn('Context Lens could not read this page:', error);
}
