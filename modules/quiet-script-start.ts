import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** WXT's content script context, the module whose start is made quiet. */
const CONTEXT_MODULE = /[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;

/** The announcement in the page's world: a window message WXT keeps for contexts of its older versions. */
const PAGE_ANNOUNCEMENT =
  /window\.postMessage\(\{\s*type: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\}, "\*"\);/;

/**
 * Drops the window message WXT's content script context posts as it starts,
 * as WXT's `noScriptStartedPostMessage` option does from 0.21.2 (which needs
 * Node 22). Posting it makes Chromium capture the caller's source position,
 * which means parsing our whole script a second time inside the page's first
 * parser task: 5–18 ms there on this machine, more than everything else our
 * script does in it, and all of it before the page's first paint. The page's
 * own message listeners also heard it. Every context of ours (all built with
 * WXT 0.21) listens for the document event WXT dispatches beside it, which
 * still stops an old script.
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
              `${id}: WXT's script-started window message was not found. If WXT now offers noScriptStartedPostMessage, set it on the content script and delete modules/quiet-script-start.ts.`,
            );
          return { code: code.replace(PAGE_ANNOUNCEMENT, ''), map: null };
        },
      },
    ],
  }));
});
