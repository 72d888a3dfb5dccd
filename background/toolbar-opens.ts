import type { ToolbarOpens } from '../engine/settings/settings';
import { logFailure } from '../platform/log-failure';
import { chromeSidePanel, firefoxSidebar, hasSidePanel } from '../platform/side-panel';
import { toolbarAction } from './toolbar-action';

const POPUP = 'popup.html';

/**
 * Makes the toolbar button open what the reader chose. A button with a popup
 * only ever opens it, so for the side panel the popup is taken off: Chrome
 * then opens its side panel itself, and Firefox tells us of the click. Where
 * the browser has no side panel, the popup stays.
 */
export async function applyToolbarChoice(opens: ToolbarOpens): Promise<void> {
  const beside = opens === 'side-panel' && hasSidePanel();
  await toolbarAction().setPopup({ popup: beside ? '' : POPUP });
  await chromeSidePanel()?.setPanelBehavior({ openPanelOnActionClick: beside });
}

/**
 * A click on a button without a popup, in Firefox: the sidebar opens or
 * closes. Firefox lets an extension open its sidebar only in the handler of
 * the reader's own action, so this must be called there, before any await.
 */
export function toggleSidebar(): void {
  logFailure(firefoxSidebar()?.toggle(), 'open its sidebar');
}

/**
 * Opens the panel beside the page in a window, from a reader's action (the
 * context menu). False where there is no side panel or the browser refused,
 * so the caller opens the popup instead.
 */
export async function openSidePanel(windowId: number | undefined): Promise<boolean> {
  const chrome = chromeSidePanel();
  const firefox = firefoxSidebar();
  try {
    if (chrome !== undefined && windowId !== undefined) await chrome.open({ windowId });
    else if (firefox !== undefined) await firefox.open();
    else return false;
    return true;
  } catch {
    return false;
  }
}
