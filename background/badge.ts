import { toolbarAction } from './toolbar-action';

const BADGE_COLOUR = '#7c3aed';

/** Shows the number of mentions on the toolbar icon of one tab; nothing when there are none. */
export async function showMentionCount(tabId: number, total: number): Promise<void> {
  const text = total === 0 ? '' : total > 999 ? '999+' : String(total);
  await toolbarAction().setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  await toolbarAction().setBadgeText({ tabId, text });
}
