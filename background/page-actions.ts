import { parsePageInfo } from '../engine/messages';
import { siteIsOn, withSiteSwitched } from '../engine/settings/settings';
import { siteOf } from '../engine/settings/site-rules';
import { sendToTab } from '../platform/send-message';
import { loadSettings, saveSettings } from '../platform/storage/settings-store';
import { frameWithEntity } from './tab-mentions';

/** The address of a tab's page, as its content script reports it; null where none runs. */
async function tabPageUrl(tabId: number): Promise<string | null> {
  const reply = await sendToTab(tabId, 0, { type: 'page-info' }).catch(() => null);
  return parsePageInfo(reply)?.url ?? null;
}

/** The keyboard command: switch the tab's site off if it is highlighted, on if it is not. */
export async function toggleSite(tabId: number): Promise<void> {
  const url = await tabPageUrl(tabId);
  const site = url === null ? null : siteOf(url);
  if (site === null) return;
  const { value: settings } = await loadSettings();
  await saveSettings(withSiteSwitched(settings, site, !siteIsOn(settings, site)));
}

/** The panel asks for an entity: the frame that has it shows its next mention and card. */
export async function revealEntity(tabId: number, lensId: string): Promise<void> {
  const frameId = await frameWithEntity(tabId, lensId);
  await sendToTab(tabId, frameId, { type: 'show-entity', lensId }).catch(() => {
    // The page went away meanwhile.
  });
}
