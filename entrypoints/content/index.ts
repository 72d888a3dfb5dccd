import { browser } from 'wxt/browser';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { DEFAULT_SHOW_DELAY_MS } from '../../engine/hover-intent';
import { compileMatcherInSteps } from '../../engine/matcher';
import { type MentionCounts, parseMessage } from '../../engine/messages';
import { CardLayer } from '../../page/card-layer';
import { highlightsSupported } from '../../page/highlight-renderer';
import { MentionHover } from '../../page/mention-hover';
import { MEASURE_BOOT, PageHighlighter } from '../../page/page-highlighter';
import { measureWork, pageSettled, runInSlices } from '../../page/time-slices';
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
      await pageSettled(document);
      const bootStart = performance.now();
      const token = {
        get cancelled() {
          return ctx.isInvalid;
        },
      };
      // Even start-up is sliced: the page may be busiest right now.
      const compiled = await runInSlices(compileMatcherInSteps(BUNDLED_PACK.entities), token, bootStart);
      if (compiled === null) return;
      measureWork(MEASURE_BOOT, compiled.stats);

      let reportTimer: number | undefined;
      const report = (counts: MentionCounts) => {
        clearTimeout(reportTimer);
        reportTimer = ctx.setTimeout(() => {
          browser.runtime.sendMessage({ type: 'frame-mentions', counts }).catch(() => {
            // The background restarts or the extension was reloaded: the next report will do.
          });
        }, REPORT_DELAY_MS);
      };
      const layer = new CardLayer(ctx);
      let hover: MentionHover | null = null;
      const highlighter = new PageHighlighter(document, {
        matcher: compiled.value,
        ownHost: () => layer.hostElement,
        onCountsChanged: report,
        onMentionsChanged: () => hover?.mentionsChanged(),
      });
      hover = new MentionHover({
        pack: BUNDLED_PACK,
        mentions: highlighter,
        layer,
        showDelayMs: DEFAULT_SHOW_DELAY_MS,
      });
      browser.runtime.onMessage.addListener((raw, sender) => {
        if (sender.id !== browser.runtime.id) return undefined;
        const message = parseMessage(raw);
        if (message?.type === 'set-highlighting') {
          if (message.enabled) {
            hover?.start();
            highlighter.start().catch(warn);
          } else {
            hover?.stop();
            highlighter.stop();
          }
        } else if (message?.type === 'step-mention') {
          hover?.step(message.direction);
        }
        return undefined;
      });
      ctx.onInvalidated(() => {
        highlighter.stop();
        hover?.dispose();
      });
      hover.start();
      await highlighter.start();
    } catch (error) {
      if (!ctx.isInvalid) warn(error);
    }
  },
});

function warn(error: unknown): void {
  console.warn('Context Lens could not read this page:', error);
}
