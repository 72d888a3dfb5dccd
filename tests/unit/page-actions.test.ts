import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { revealEntity, toggleSite } from '../../background/page-actions';
import { saveFrameMentions } from '../../background/tab-mentions';
import { loadSettings } from '../../platform/storage/settings-store';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The tab's content scripts: the top frame answers page-info with `url`; every message is recorded. */
function tabAt(url: string | null) {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    _tabId: number,
    message: unknown,
    options?: { frameId?: number },
  ) => {
    sent.push({ message, frameId: options?.frameId });
    if ((message as { type?: string }).type !== 'page-info') return undefined;
    if (url === null) throw new Error('Receiving end does not exist.');
    return { url };
  }) as never);
  return sent;
}

describe('toggleSite (the keyboard command)', () => {
  it('switches the tab’s site off, then on again, leaving no rule behind', async () => {
    tabAt('https://www.example.com/a');
    await toggleSite(3);
    expect((await loadSettings()).value.sites).toEqual({ 'example.com': false });
    await toggleSite(3);
    expect((await loadSettings()).value.sites).toEqual({});
  });

  it('does nothing where no content script runs, or the page has no site', async () => {
    tabAt(null);
    await toggleSite(3);
    tabAt('about:blank');
    await toggleSite(3);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('revealEntity', () => {
  it('asks the frame that has the entity to show it', async () => {
    const sent = tabAt('https://example.com/');
    await saveFrameMentions(3, 0, { beijing: 1 });
    await saveFrameMentions(3, 9, { alibaba: 2 });
    await revealEntity(3, 'alibaba');
    expect(sent).toEqual([{ message: { type: 'show-entity', lensId: 'alibaba' }, frameId: 9 }]);
  });
});
