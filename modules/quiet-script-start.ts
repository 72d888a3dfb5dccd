import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** WXT's content script context, the module whose start is made quiet and page-proof. */
const CONTEXT_MODULE = /[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;

/** The announcement in the page's world: a window message WXT keeps for contexts of its older versions. */
const PAGE_ANNOUNCEMENT =
  /window\.postMessage\(\{\s*type: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\}, "\*"\);/;

/** Where an older script hears a newer one start, and stops. */
const STOPS_FOR_NEWER =
  /(if \(!\(event instanceof CustomEvent\) \|\| !this\.verifyScriptStartedEvent\(event\)\) return;)/;
/**
 * Stops only when this copy's extension is gone (updated, reloaded or
 * removed): its runtime then has no id. A page can dispatch the same event
 * on the document, since the extension's id is public, and would otherwise
 * stop us on itself.
 */
const ONLY_WHEN_GONE = '$1\n\t\t\tif (browser.runtime?.id != null) return;';

/**
 * Makes WXT's content script start quiet and page-proof. It drops the
 * window message WXT's content script context posts as it starts,
 * as WXT's `noScriptStartedPostMessage` option does from 0.21.2 (which needs
 * Node 22). Posting it makes Chromium capture the caller's source position,
 * which means parsing our whole script a second time inside the page's first
 * parser task: 5–18 ms there on this machine, more than everything else our
 * script does in it, and all of it before the page's first paint. The page's
 * own message listeners also heard it. Every context of ours (all built with
 * WXT 0.21) listens for the document event WXT dispatches beside it, which
 * still stops an old script, once that script's extension is gone
 * (ONLY_WHEN_GONE): a page's own copy of the event stops nothing.
 */
export default defineWxtModule((wxt) => {
  addViteConfig(wxt, () => ({
    plugins: [
      {
        name: 'context-lens:quiet-script-start',
        transform(code, id) {
          if (!CONTEXT_MODULE.test(id)) return undefined;
          if (!PAGE_ANNOUNCEMENT.test(code))
            throw new Error(
              `${id}: WXT's script-started window message was not found. If WXT now offers noScriptStartedPostMessage, set it on the content script and drop that part of modules/quiet-script-start.ts.`,
            );
          if (!STOPS_FOR_NEWER.test(code))
            throw new Error(`${id}: where WXT's context hears a newer script start was not found; guard it again.`);
          return { code: code.replace(PAGE_ANNOUNCEMENT, '').replace(STOPS_FOR_NEWER, ONLY_WHEN_GONE), map: null };
        },
      },
    ],
  }));
});
