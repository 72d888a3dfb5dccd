import { browser } from 'wxt/browser';

const BADGE_COLOUR = '#7c3aed';

/** Shows the number of mentions on the toolbar icon of one tab; nothing when there are none. */
export async function showMentionCount(tabId: number, total: number): Promise<void> {
  const text = total === 0 ? '' : total > 999 ? '999+' : String(total);
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  await browser.action.setBadgeText({ tabId, text });
}
