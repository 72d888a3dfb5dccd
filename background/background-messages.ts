import { browser } from 'wxt/browser';
import { BUNDLED_PACKS } from '../data/bundled-packs';
import { parseToBackground, type TabMentions, totalMentions } from '../engine/messages';
import { storeBundledNames } from '../platform/storage/pack-store';
import { showMentionCount } from './badge';
import { revealEntity } from './page-actions';
import { saveFrameMentions, tabMentions } from './tab-mentions';

/** Who sent a message, as the browser tells it: nothing here comes from the message itself. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Whether the sender is one of our own pages (a panel, the side panel, the options page): its address is ours. */
const fromOwnPage = (sender: MessageSender) => sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;

/**
 * The background's answer to a message. Only this extension may talk to it.
 * A content script, which lives in a website's tab, reports its own frame's
 * counts and asks for the bundled names once; only our own pages ask about
 * a tab by its id or act on one. So even a content script in a compromised
 * renderer reads and moves nothing but its own tab.
 */
export function answerMessage(
  raw: unknown,
  sender: MessageSender,
  seeded: Promise<unknown>,
): Promise<TabMentions | boolean | undefined> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseToBackground(raw);
  if (message === null) return undefined;
  const ownPage = fromOwnPage(sender);
  switch (message.type) {
    case 'frame-mentions': {
      const tabId = sender.tab?.id;
      if (ownPage || tabId === undefined || tabId < 0) return undefined;
      // The badge counts what the reader sees marked, not the common names left unmarked.
      return saveFrameMentions(tabId, sender.frameId ?? 0, message.counts, message.unmarked)
        .then(() => tabMentions(tabId))
        .then(({ counts }) => showMentionCount(tabId, totalMentions(counts)))
        .then(() => undefined);
    }
    case 'tab-mentions':
      return ownPage ? tabMentions(message.tabId) : undefined;
    case 'reveal-entity':
      return ownPage ? revealEntity(message.tabId, message.lensId).then(() => undefined) : undefined;
    case 'seed-packs':
      return seeded.then(() => storeBundledNames(BUNDLED_PACKS)).then(() => true);
    default:
      return undefined;
  }
}
