import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupPanel } from '../../components/popup-panel';
import type { MentionCounts } from '../../engine/messages';
import { applyPatch } from '../../engine/settings';
import { loadSettings, saveSettings } from '../../settings/settings-store';

const TAB = 7;

/** A tab whose top frame answers with `url` (or nobody answers), and whose frames found `counts`. */
function tabShows(url: string | null, counts: MentionCounts = {}) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    if (url === null) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { url };
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => counts) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
});

afterEach(cleanup);

describe('PopupPanel', () => {
  it('says plainly that it cannot read a browser page, and search still works', async () => {
    tabShows(null);
    render(<PopupPanel />);
    expect(await screen.findByText(/Context Lens can’t read this page/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /^Highlight on/ })).toBeNull();
    // Focus starts in the search box, so a reader can type at once.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Search the stories' }));
  });

  it('lists the page’s mentions under the site switch', async () => {
    tabShows('https://www.example.com/story', { alibaba: 3, hangzhou: 1 });
    render(<PopupPanel />);
    expect(await screen.findByRole('button', { name: /^Alibaba 3 mentions\b.*Firm$/ })).toBeTruthy();
    expect(await screen.findByRole('switch', { name: 'Highlight on example.com' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'On this page · 4 mentions' })).toBeTruthy();
  });

  it('says when the page names nothing of the stories', async () => {
    tabShows('https://example.com/');
    render(<PopupPanel />);
    expect(await screen.findByText('None of the stories’ names appear on this page.')).toBeTruthy();
  });

  it('switches a story off for every page from its switch, and keeps it listed', async () => {
    tabShows('https://example.com/', { huawei: 2 });
    render(<PopupPanel />);
    const story = await screen.findByRole('switch', { name: 'Highlight “Huawei and the spying claims of 2013”' });
    fireEvent.click(story);
    expect(await screen.findByRole('region', { name: 'Huawei and the spying claims of 2013 · off' })).toBeTruthy();
    // The switch answers at once; the save that follows takes a few reads and writes.
    await vi.waitFor(async () =>
      expect((await loadSettings()).value.stories).toEqual({ 'huawei-spying-claims-2013': { enabled: false } }),
    );
  });

  it('shows the count as paused where the site is switched off', async () => {
    await saveSettings(applyPatch({}, { 'example.com': false }));
    tabShows('https://news.example.com/', {});
    render(<PopupPanel />);
    expect(await screen.findByText(/Highlighting is paused on news.example.com/)).toBeTruthy();
    expect(((await screen.findByRole('switch', { name: /^Highlight on/ })) as HTMLInputElement).checked).toBe(false);
  });

  it('gives Escape one meaning at a time: clear the search in its box, else step back', async () => {
    tabShows('https://example.com/', { alibaba: 1 });
    render(<PopupPanel />);
    const box = screen.getByRole('combobox', { name: 'Search the stories' }) as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'hangzhou' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // In the search box, Escape clears the search and leaves the story open.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.value).toBe('');
    expect(screen.getByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // Once it is empty, Escape there does nothing more.
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.getByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    // Anywhere else, it steps back: to the entity before, then to the page.
    fireEvent.click(screen.getByRole('button', { name: 'Home to Alibaba' }));
    expect(await screen.findByRole('region', { name: /^Alibaba/ })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(await screen.findByRole('region', { name: /^Hangzhou/ })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(await screen.findByRole('region', { name: /^On this page/ })).toBeTruthy();
  });

  it('opens with the text the context menu left, searched', async () => {
    await fakeBrowser.storage.session.set({ lookup: 'jack mah' });
    tabShows('https://example.com/');
    render(<PopupPanel />);
    expect((await screen.findAllByRole('option'))[0]?.textContent).toContain('Jack Ma');
    expect(await fakeBrowser.storage.session.get('lookup')).toEqual({});
  });
});
