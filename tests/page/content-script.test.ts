import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { DEFAULT_SETTINGS } from '../../engine/settings/settings';
import { type ContentScriptRuntime, runContentScript } from '../../page/start/content-script';
import { storeBundledNames } from '../../platform/storage/pack-store';
import { saveSettings } from '../../platform/storage/settings-store';
import { highlighted } from './highlighted-text';

let ctx: ContentScriptContext;
type PortListener = Parameters<ContentScriptRuntime['onConnect']['addListener']>[0];
/** Ports our panels open to the page; fakeBrowser has no runtime.onConnect. */
const panelPorts = new Set<PortListener>();

// The background stores the bundled stories' names at install, before any page runs.
beforeEach(() => storeBundledNames(BUNDLED_PACKS));

/**
 * fakeBrowser's message event, as the browser's own API types it: a listener
 * may take sendResponse (the polyfill's types would have it return true).
 */
const onMessage = fakeBrowser.runtime.onMessage as unknown as ContentScriptRuntime['onMessage'] & {
  trigger(message: unknown, sender: { id: string }, sendResponse: (answer: unknown) => void): Promise<unknown[]>;
};

function start(html: string, topFrame = true): Promise<void> {
  document.body.innerHTML = html;
  ctx = new ContentScriptContext('content');
  const runtime: ContentScriptRuntime = {
    id: fakeBrowser.runtime.id,
    onMessage,
    onConnect: { addListener: (listener) => panelPorts.add(listener) },
  };
  return runContentScript({ ctx, runtime, window, topFrame });
}

afterEach(() => {
  panelPorts.clear();
  ctx.abort();
  document.body.replaceChildren();
});

describe('the content script', () => {
  it('highlights the stories’ names once the first settings are applied', async () => {
    await start('<p>Alibaba opened an office in Hangzhou.</p>');
    expect(highlighted('context-lens-firm')).toEqual(['Alibaba']);
    await vi.waitFor(() => expect(highlighted('context-lens-city')).toEqual(['Hangzhou']));
  });

  it('leaves a page alone when the reader switched its site off before it loaded', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await start('<p>Alibaba opened an office in Hangzhou.</p>');
    expect(highlighted('context-lens-firm')).toEqual([]);
  });

  it('hears settings written after it started: switched off, the highlights go', async () => {
    await start('<p>Alibaba opened an office in Hangzhou.</p>');
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await vi.waitFor(() => expect(highlighted('context-lens-firm')).toEqual([]));
  });

  // The first reads begin in the parser's first task and the watchers only once the page shows text:
  // a write landing before the watchers must be read afresh, one after them heard.
  it.each([0, 1, 4, 16, 64])('never loses a settings write that lands %i ms into its start', async (ms) => {
    const running = start('<p>Alibaba opened an office in Hangzhou.</p>');
    await new Promise((resolve) => setTimeout(resolve, ms));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await running;
    await vi.waitFor(() => expect(highlighted('context-lens-firm')).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(highlighted('context-lens-firm')).toEqual([]);
  });

  it('tells the background of the frame’s counts', async () => {
    const sent = vi.fn();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type === 'frame-mentions') sent(message);
    });
    await start('<p>Alibaba, and Alibaba again.</p>');
    await vi.waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent).toHaveBeenLastCalledWith({ type: 'frame-mentions', counts: { alibaba: 2 }, unmarked: {} });
  });

  it('counts the common names it leaves unmarked, and marks them when the panel asks', async () => {
    const sent = vi.fn();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string }).type === 'frame-mentions') sent(message);
    });
    await start('<p>Officials in Beijing and Hangzhou met.</p><p>Beijing said little.</p>');
    const fromPanel = (message: unknown) =>
      fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
    await fromPanel({ type: 'list-unmarked' });
    await vi.waitFor(() =>
      expect(sent).toHaveBeenLastCalledWith({
        type: 'frame-mentions',
        counts: {},
        unmarked: { beijing: 2, hangzhou: 1 },
      }),
    );
    expect(highlighted('context-lens-city')).toEqual([]);
    await fromPanel({ type: 'mark-story', packId: 'china-tech-reset' });
    await vi.waitFor(() => expect(highlighted('context-lens-city')).toEqual(['Beijing', 'Hangzhou', 'Beijing']));
    await vi.waitFor(() =>
      expect(sent).toHaveBeenLastCalledWith({
        type: 'frame-mentions',
        counts: { beijing: 2, hangzhou: 1 },
        unmarked: {},
      }),
    );
  });

  /** What the frame answers a page-info question from `id` with, through sendResponse as the browser's own API wants. */
  const pageInfoFrom = async (id: string) => {
    const sendResponse = vi.fn();
    const [returned] = await onMessage.trigger({ type: 'page-info' }, { id }, sendResponse);
    // A returned promise would be lost without the polyfill: the answer is sent, never returned.
    expect(returned).toBeUndefined();
    return sendResponse.mock.calls;
  };

  it('answers our own pages, and only them, with the page it is on', async () => {
    await start('<p>Alibaba.</p>');
    expect(await pageInfoFrom(fakeBrowser.runtime.id)).toEqual([[{ url: location.href, partial: false }]]);
    expect(await pageInfoFrom('some-other-extension')).toEqual([]);
  });

  it('leaves the page’s answer to the top frame', async () => {
    await start('<p>Alibaba.</p>', false);
    expect(await pageInfoFrom(fakeBrowser.runtime.id)).toEqual([]);
  });

  it('takes every highlight away when the extension goes', async () => {
    await start('<p>Alibaba opened an office in Hangzhou.</p>');
    ctx.abort();
    expect(highlighted('context-lens-firm')).toEqual([]);
    expect(highlighted('context-lens-city')).toEqual([]);
  });
});
