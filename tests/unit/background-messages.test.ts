import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessage, type MessageSender } from '../../background/background-messages';
import { saveFrameMentions, tabMentions } from '../../background/tab-mentions';

beforeEach(() => {
  fakeBrowser.reset();
});

const ours = fakeBrowser.runtime.id;
const seeded = Promise.resolve();
/** The panel, opened for a tab: a page of ours, whose address is the extension's. */
const panel: MessageSender = { id: ours, url: fakeBrowser.runtime.getURL('/popup.html?tab=7') };
/** A content script in tab 9, on a website. */
const contentScript: MessageSender = { id: ours, url: 'https://news.example/a', tab: { id: 9 }, frameId: 0 };

/** Records what the background sends to tabs. */
function tabsHear() {
  const sent: { tabId: number; message: unknown }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    sent.push({ tabId, message });
  }) as never);
  return sent;
}

describe('the background’s messages', () => {
  it('gives a tab’s counts to our own pages, and to no content script', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 });
    expect(await answerMessage({ type: 'tab-mentions', tabId: 7 }, panel, seeded)).toEqual({
      counts: { alibaba: 2 },
      unmarked: {},
    });
    // A content script in tab 9 asking for tab 7's counts, or its own, is not answered.
    expect(answerMessage({ type: 'tab-mentions', tabId: 7 }, contentScript, seeded)).toBeUndefined();
    expect(answerMessage({ type: 'tab-mentions', tabId: 9 }, contentScript, seeded)).toBeUndefined();
  });

  it('moves a tab to an entity for our own pages only', async () => {
    const sent = tabsHear();
    await saveFrameMentions(7, 0, { alibaba: 2 });
    expect(
      answerMessage({ type: 'reveal-entity', tabId: 7, lensId: 'alibaba' }, contentScript, seeded),
    ).toBeUndefined();
    expect(sent).toEqual([]);
    await answerMessage({ type: 'reveal-entity', tabId: 7, lensId: 'alibaba' }, panel, seeded);
    expect(sent).toEqual([{ tabId: 7, message: { type: 'show-entity', lensId: 'alibaba' } }]);
  });

  it('takes a frame’s counts from the content script in that frame, for its own tab only', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    await answerMessage({ type: 'frame-mentions', counts: { beijing: 3 }, unmarked: {} }, contentScript, seeded);
    expect((await tabMentions(9)).counts).toEqual({ beijing: 3 });
    // Our own pages have no frame of a website to report.
    expect(
      answerMessage(
        { type: 'frame-mentions', counts: { beijing: 1 }, unmarked: {} },
        { ...panel, tab: { id: 7 } },
        seeded,
      ),
    ).toBeUndefined();
    expect((await tabMentions(7)).counts).toEqual({});
  });

  it('hears nothing from another extension, or a message it does not know', () => {
    expect(
      answerMessage({ type: 'tab-mentions', tabId: 7 }, { ...panel, id: 'another-extension' }, seeded),
    ).toBeUndefined();
    expect(answerMessage({ type: 'tab-mentions', tabId: 'all' }, panel, seeded)).toBeUndefined();
  });
});
