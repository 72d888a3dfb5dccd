import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerMessage } from '../background/background-messages';
import { showMentionCount } from '../background/badge';
import { COMMAND_TOGGLE_SITE, commandDirection } from '../background/commands';
import { createLookupMenu, lookUpSelection, retitleLookupMenu } from '../background/lookup-menu';
import { toggleSite } from '../background/page-actions';
import { forgetTab, frameForCommands } from '../background/tab-mentions';
import { toolbarAction } from '../background/toolbar-action';
import { applyToolbarChoice, openSidePanel, toggleSidebar } from '../background/toolbar-opens';
import { BUNDLED_PACKS } from '../data/bundled-packs';
import { DEFAULT_SETTINGS, type Settings } from '../engine/settings/settings';
import { logFailure, warnFailure } from '../platform/log-failure';
import { sendToTab } from '../platform/send-message';
import { storeBundledNames } from '../platform/storage/pack-store';
import { loadSettings, watchSettings } from '../platform/storage/settings-store';
import { wordsFor } from '../platform/words/words';

export default defineBackground(() => {
  // Every start of the background: cheap when this version's names are already stored and no added pack holds a bundled id.
  const seeded = storeBundledNames(BUNDLED_PACKS).catch((error: unknown) =>
    warnFailure('store its stories’ names', error),
  );
  browser.runtime.onMessage.addListener((raw, sender) => answerMessage(raw, sender, seeded));

  // Firefox for Android has no keyboard commands and no context menus: those parts are left out there.
  browser.commands?.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === COMMAND_TOGGLE_SITE) {
      await toggleSite(tabId);
      return;
    }
    const direction = commandDirection(command);
    if (direction === null) return;
    const frameId = await frameForCommands(tabId);
    await sendToTab(tabId, frameId, { type: 'step-mention', direction }).catch(() => {
      // No content script there (a browser page, a page we may not read): nothing to step through.
    });
  });

  // What the toolbar button opens follows the settings; known here at once for the context menu,
  // which may open the side panel only within the reader's click.
  let toolbarOpens = DEFAULT_SETTINGS.toolbarOpens;
  let words = wordsFor(DEFAULT_SETTINGS.language);
  const followSettings = ({ value }: { value: Settings }) => {
    toolbarOpens = value.toolbarOpens;
    if (wordsFor(value.language) !== words) {
      words = wordsFor(value.language);
      logFailure(retitleLookupMenu(words), 'retitle its menu entry');
    }
    applyToolbarChoice(value.toolbarOpens).catch((error: unknown) => warnFailure('set its toolbar button', error));
  };
  logFailure(loadSettings().then(followSettings), 'read its settings');
  watchSettings(followSettings);
  // Fired only while the button has no popup: the reader chose the side panel (Chrome opens its own).
  toolbarAction().onClicked.addListener(toggleSidebar);

  browser.runtime.onInstalled.addListener(() => createLookupMenu(words));
  browser.contextMenus?.onClicked.addListener((info, tab) =>
    logFailure(
      lookUpSelection(
        info.menuItemId,
        info.selectionText,
        toolbarOpens === 'side-panel' ? () => openSidePanel(tab?.windowId) : undefined,
      ),
      'look up the selection',
    ),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: the old page's counts no longer apply.
    if (change.status === 'loading') {
      logFailure(
        forgetTab(tabId).then(() => showMentionCount(tabId, 0)),
        'forget the counts of a page left',
      );
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => logFailure(forgetTab(tabId), 'forget the counts of a closed tab'));
});
