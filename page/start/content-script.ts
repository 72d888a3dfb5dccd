import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type MentionCounts, PAGE_MAP_PORT, type PageInfo, parseToContentScript } from '../../engine/messages';
import type { Checked, Settings } from '../../engine/settings/settings';
import { logFailure, warnFailure } from '../../platform/log-failure';
import { sendToBackground } from '../../platform/send-message';
import { firstMatcherCache } from '../../platform/storage/first-matcher-cache';
import { type FirstReads, startFirstReads } from '../../platform/storage/first-reads';
import { watchPacks } from '../../platform/storage/pack-store';
import { pageStories } from '../../platform/storage/page-stories';
import { loadSettings, watchSettings } from '../../platform/storage/settings-store';
import { highlightsSupported } from '../highlight/highlight-renderer';
import { yieldToPage } from '../read/time-slices';
import { untilReadable } from './blank-document';
import { untilFirstContent } from './first-content';
import { LensOnPage, type MapPort } from './lens-on-page';
import { topPageUrl } from './top-page-url';

/** Counts go to the background at most this often while a page keeps changing. */
const REPORT_DELAY_MS = 250;

/** A port a panel opens to the page, as the content script hears of it. */
type PanelPort = MapPort & { readonly name: string; readonly sender?: { id?: string } };

/** The extension's runtime as the content script uses it: its id, and the messages and ports of our own pages. */
export interface ContentScriptRuntime {
  readonly id: string;
  readonly onMessage: {
    addListener(
      listener: (message: unknown, sender: { id?: string }, sendResponse: (answer: PageInfo) => void) => undefined,
    ): void;
  };
  readonly onConnect: { addListener(listener: (port: PanelPort) => void): void };
}

/** What the content script takes of the browser: given, so a test can give fakeBrowser's. */
export interface ContentScriptHost {
  readonly ctx: ContentScriptContext;
  readonly runtime: ContentScriptRuntime;
  /** The frame's window: its document and address. */
  readonly window: Window;
  /** The tab's top frame, which speaks for the page. */
  readonly topFrame: boolean;
}

/**
 * Context Lens in one frame, from the first byte: settings and names are
 * asked for while the page is parsed, and the first read follows the page's
 * first frame that shows text, never waiting for images or the load event.
 * Resolves once the first settings are applied. Never throws into the page:
 * a failure ends our work on this page, with a warning.
 */
export async function runContentScript(host: ContentScriptHost): Promise<void> {
  const { ctx } = host;
  try {
    if (!highlightsSupported()) return;
    const doc = host.window.document;
    const top = host.topFrame;
    // A frame that stays blank (an ad slot, a tracker) costs nothing.
    if (!top && !(await untilReadable(doc, ctx.signal))) return;
    // The parser's first task only asks for the page's settings and names, which take round trips
    // to the browser; all else waits for the page's first frame, which work of ours would delay.
    const first = startFirstReads();
    if (await untilFirstContent(doc, ctx.signal)) await yieldToPage();
    if (ctx.isInvalid) return;
    const { reading, applyFirst } = wireLens(host, first, top);
    if (top && !(await untilReadable(doc, ctx.signal))) return;
    const loaded = await reading;
    warnAbout(loaded);
    await applyFirst(loaded.value);
  } catch (error) {
    if (!ctx.isInvalid) warnFailure('read this page', error);
  }
}

interface WiredLens {
  /** The settings as stored when the first reads began, or as written since. */
  reading: Promise<Checked<Settings>>;
  /** Applies the settings read; resolves once the page is highlighted as they want. */
  applyFirst: (settings: Settings) => Promise<void>;
}

/**
 * Makes the lens, and hears the settings, the stories and our own pages.
 * Synchronous on purpose, so it runs in one task: a write before it is read
 * afresh by the first reads, one after it is heard by the watchers, and
 * none can fall between the two.
 */
function wireLens(host: ContentScriptHost, first: FirstReads, top: boolean): WiredLens {
  const { ctx, runtime } = host;
  const lens = new LensOnPage(ctx, {
    names: pageStories(first),
    compiled: firstMatcherCache(first),
    doc: host.window.document,
    pageUrl: topPageUrl(host.window, top),
    speaksForPage: top,
    onCountsChanged: countsReporter(ctx),
  });
  ctx.onInvalidated(() => lens.dispose());
  const reading = loadSettings(first);
  // Answers go through sendResponse: the content script has the browser's own API, not the polyfill's promises.
  runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    const message = parseToContentScript(raw);
    switch (message?.type) {
      case 'step-mention':
        lens.step(message.direction);
        return undefined;
      case 'show-entity':
        lens.showEntity(message.lensId);
        return undefined;
      case 'mark-story':
        lens.openStory(message.packId);
        return undefined;
      case 'list-unmarked':
        lens.listUnmarked();
        return undefined;
      case 'page-info':
        // Only the top frame speaks for the tab.
        // The page the site rules judge, which the panel's site switch names: a blank page's opener.
        if (top) sendResponse({ url: topPageUrl(host.window, true), partial: lens.partial });
        return undefined;
      default:
        return undefined;
    }
  });
  runtime.onConnect.addListener((port) => {
    // Only the top frame maps the page, for our own panels.
    if (top && port.name === PAGE_MAP_PORT && port.sender?.id === runtime.id) lens.followMap(port);
  });
  let settings: Settings | null = null;
  const apply = (value: Settings) => {
    settings = value;
    logFailure(lens.apply(value), 'read this page');
  };
  const stopWatching = watchSettings((reading) => {
    warnAbout(reading);
    apply(reading.value);
  });
  // A story added, updated or removed: the page's names change.
  const stopWatchingPacks = watchPacks(() => settings !== null && apply(settings));
  first.close();
  ctx.onInvalidated(() => {
    stopWatching();
    stopWatchingPacks();
  });
  return {
    reading,
    applyFirst: (value) => {
      settings = value;
      return lens.apply(value);
    },
  };
}

/** Tells the background of the frame's counts, once they have been still for a moment. */
function countsReporter(ctx: ContentScriptContext): (counts: MentionCounts, unmarked: MentionCounts) => void {
  let timer: number | undefined;
  return (counts, unmarked) => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      sendToBackground({ type: 'frame-mentions', counts, unmarked }).catch(() => {
        // The background restarts or the extension was reloaded: the next report will do.
      });
    }, REPORT_DELAY_MS);
  };
}

function warnAbout({ warnings }: Checked<Settings>): void {
  for (const warning of warnings) console.warn('Context Lens settings:', warning);
}
