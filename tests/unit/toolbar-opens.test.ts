import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyToolbarChoice, openSidePanel, toggleSidebar } from '../../background/toolbar-opens';
import { swapBrowserApis } from '../fixtures/browser-apis';

let restore = () => {};

/** The toolbar button, and the browser's panels beside the page as each test wants them. */
function browserWith(panels: { sidePanel?: boolean; sidebarAction?: boolean }) {
  const setPopup = vi.fn(async () => {});
  const sidePanel = { setPanelBehavior: vi.fn(async () => {}), open: vi.fn(async () => {}) };
  const sidebarAction = { open: vi.fn(async () => {}), toggle: vi.fn(async () => {}) };
  restore();
  restore = swapBrowserApis({
    action: { setPopup },
    sidePanel: panels.sidePanel ? sidePanel : undefined,
    sidebarAction: panels.sidebarAction ? sidebarAction : undefined,
  });
  return { setPopup, sidePanel, sidebarAction };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  restore();
  restore = () => {};
});

describe('what the toolbar button opens', () => {
  it('in Chrome, the side panel: the popup is taken off and the panel opens on a click, and back', async () => {
    const { setPopup, sidePanel } = browserWith({ sidePanel: true });
    await applyToolbarChoice('side-panel');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });
    await applyToolbarChoice('popup');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });
  });

  it('in Firefox, the sidebar: the popup is taken off, and a click toggles the sidebar', async () => {
    const { setPopup, sidebarAction } = browserWith({ sidebarAction: true });
    await applyToolbarChoice('side-panel');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: '' });
    toggleSidebar();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });

  it('keeps the popup where the browser has no panel beside the page', async () => {
    const { setPopup } = browserWith({});
    await applyToolbarChoice('side-panel');
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
  });

  it('in Firefox, says in the console when the sidebar refuses to open or close', async () => {
    const { sidebarAction } = browserWith({ sidebarAction: true });
    const refusal = new Error('sidebarAction.toggle may only be called from a user input handler');
    sidebarAction.toggle.mockRejectedValueOnce(refusal);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    toggleSidebar();
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(`Context Lens could not open its sidebar: ${refusal}`, refusal),
    );
  });
});

describe('opening the side panel from the context menu', () => {
  it('opens Chrome’s in the reader’s window, or Firefox’s sidebar', async () => {
    const chrome = browserWith({ sidePanel: true });
    expect(await openSidePanel(3)).toBe(true);
    expect(chrome.sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    const firefox = browserWith({ sidebarAction: true });
    expect(await openSidePanel(undefined)).toBe(true);
    expect(firefox.sidebarAction.open).toHaveBeenCalled();
  });

  it('says no where there is none, or the browser refuses, so the popup opens instead', async () => {
    browserWith({});
    expect(await openSidePanel(3)).toBe(false);
    const { sidePanel } = browserWith({ sidePanel: true });
    sidePanel.open.mockRejectedValueOnce(
      new Error('`sidePanel.open()` may only be called in response to a user gesture.'),
    );
    expect(await openSidePanel(3)).toBe(false);
  });
});
