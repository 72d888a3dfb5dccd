import { browser } from 'wxt/browser';

/**
 * The browsers' panels beside the page, as far as we use them: Chrome's side
 * panel and Firefox's sidebar. Neither is in every browser (Firefox for
 * Android has no sidebar), so each may be missing.
 */

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { windowId: number }): Promise<void>;
}

interface FirefoxSidebar {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

export function chromeSidePanel(): ChromeSidePanel | undefined {
  return (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
}

export function firefoxSidebar(): FirefoxSidebar | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
}

/** Whether this browser has a panel beside the page. */
export function hasSidePanel(): boolean {
  return chromeSidePanel() !== undefined || firefoxSidebar() !== undefined;
}
