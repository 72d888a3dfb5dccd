import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '../../components/options/settings-form';
import { SiteListEditor } from '../../components/options/site-list-editor';
import { SiteSwitch } from '../../components/panel/site-switch';
import { StorySearchBox } from '../../components/panel/story-search-box';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { storySet } from '../../engine/packs/story-set';
import { applyPatch, DEFAULT_SETTINGS } from '../../engine/settings/settings';
import { exportSettings } from '../../engine/settings/settings-file';
import { swapBrowserApis } from '../fixtures/browser-apis';

afterEach(cleanup);

const site = { host: 'news.example.com', port: '' };

describe('SiteSwitch', () => {
  it('names the site and switches it off with a rule of its own', () => {
    const onChange = vi.fn();
    render(<SiteSwitch settings={DEFAULT_SETTINGS} site={site} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: 'Highlight on news.example.com' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, sites: { 'news.example.com': false } });
  });

  it('shows a site covered by a parent rule as off, and switching it on turns everything back on', () => {
    const onChange = vi.fn();
    const settings = applyPatch({ enabled: false }, { 'example.com': false });
    render(<SiteSwitch settings={settings} site={site} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: 'Highlight on news.example.com' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith({
      ...settings,
      enabled: true,
      sites: { 'example.com': false, 'news.example.com': true },
    });
  });

  it('offers only the global switch on a page without a site', () => {
    render(<SiteSwitch settings={DEFAULT_SETTINGS} site={null} onChange={vi.fn()} />);
    expect(screen.getAllByRole('switch').map((s) => s.getAttribute('aria-checked'))).toEqual(['true']);
    expect(screen.getByRole('switch', { name: 'On everywhere' })).toBeTruthy();
  });
});

describe('StorySearchBox', () => {
  function renderSearch(query: string) {
    const onOpen = vi.fn();
    const onQuery = vi.fn();
    render(<StorySearchBox set={storySet(BUNDLED_PACKS)} query={query} onQuery={onQuery} onOpen={onOpen} />);
    return { onOpen, onQuery, box: screen.getByRole('combobox', { name: 'Search the stories' }) };
  }

  it('lists what a typo-ridden query means, best first, and opens it with Enter', () => {
    const { onOpen, box } = renderSearch('kuai shou');
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('Kuaishou');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('kuaishou');
  });

  it('moves through results with the arrows, wrapping, and marks the active one', () => {
    const { onOpen, box } = renderSearch('hang');
    const options = screen.getAllByRole('option');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[options.length - 1]?.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(options[options.length - 1]?.getAttribute('data-entity'));
  });

  it('says which story each result is from', () => {
    renderSearch('huawei');
    expect(screen.getAllByRole('option')[0]?.textContent).toContain(`In “${BUNDLED_PACKS[1]?.title}”`);
  });

  it('says when nothing matches', () => {
    renderSearch('zzqqxx');
    expect(screen.getByText('Nothing in the stories matches “zzqqxx”.')).toBeTruthy();
  });
});

describe('SiteListEditor', () => {
  it('refuses what is not a site, saying why, and adds a site as the mode wants it', () => {
    const onChange = vi.fn();
    render(<SiteListEditor sites={{}} mode="everywhere-except" onChange={onChange} />);
    const input = screen.getByLabelText('Add a site to leave alone');
    fireEvent.input(input, { target: { value: 'not a site!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toContain('is not a site name');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: 'https://www.Example.com/page' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenCalledWith({ 'example.com': false });
  });

  it('adds sites switched on in "only listed" mode', () => {
    const onChange = vi.fn();
    render(<SiteListEditor sites={{}} mode="only-listed" onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Add a site to highlight on'), { target: { value: 'localhost:3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenCalledWith({ 'localhost:3000': true });
  });

  it('lists the rule for local files by that name, and adds it from a file’s address', () => {
    const onChange = vi.fn();
    const { rerender } = render(<SiteListEditor sites={{}} mode="everywhere-except" onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Add a site to leave alone'), {
      target: { value: 'file:///home/reader/saved/story.html' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenCalledWith({ 'file://': false });
    rerender(<SiteListEditor sites={{ 'file://': false }} mode="everywhere-except" onChange={onChange} />);
    expect(screen.getByRole('rowheader').textContent).toBe('local files');
    expect(screen.getByRole('switch', { name: 'Highlight on local files' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove the rule for local files' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit the rule for local files' })).toBeTruthy();
  });

  it('switches, edits and removes a rule', () => {
    const onChange = vi.fn();
    render(<SiteListEditor sites={{ 'example.com': false }} mode="everywhere-except" onChange={onChange} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Highlight on example.com' }));
    expect(onChange).toHaveBeenLastCalledWith({ 'example.com': true });
    fireEvent.click(screen.getByRole('button', { name: 'Edit example.com' }));
    const edit = screen.getByLabelText('New address for example.com');
    fireEvent.input(edit, { target: { value: 'bad site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.input(edit, { target: { value: 'example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onChange).toHaveBeenLastCalledWith({ 'example.org': false });
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    expect(onChange).toHaveBeenLastCalledWith({});
  });
});

describe('SettingsForm', () => {
  const upload = (text: string) => {
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([text], 'settings.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
  };

  it('changes the mode, the kinds and the hover delay', () => {
    const onChange = vi.fn();
    render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Only on the sites switched on below'));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, mode: 'only-listed' });
    fireEvent.click(screen.getByLabelText('Cities'));
    expect(onChange.mock.lastCall?.[0].kinds.city).toBe(false);
    fireEvent.change(screen.getByLabelText('Open the card after the pointer rests on a name for'), {
      target: { value: '650' },
    });
    expect(onChange.mock.lastCall?.[0].hoverDelayMs).toBe(650);
    fireEvent.click(screen.getByLabelText('Each story in its own colour, chosen under Stories'));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, highlightBy: 'story' });
  });

  it('chooses how many mentions to mark, and says the others still open their card', () => {
    const onChange = vi.fn();
    render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const density = screen.getByRole('group', { name: 'How many mentions to mark' });
    expect(
      within(density)
        .getAllByRole('radio')
        .map((radio) => [radio.parentElement?.textContent, (radio as HTMLInputElement).checked]),
    ).toEqual([
      ['Every mention', true],
      ['The first mention in each section', false],
      ['The first mention on the page', false],
    ]);
    expect(document.getElementById(density.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Mentions left unmarked still open their card when the pointer rests on them, and Previous and Next still reach them.',
    );
    fireEvent.click(within(density).getByRole('radio', { name: 'The first mention in each section' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, density: 'first-in-section' });
  });

  it('marks a story’s common names on every page when asked, and says where they are marked otherwise', () => {
    const onChange = vi.fn();
    render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const everywhere = screen.getByRole('checkbox', { name: 'Mark a story’s common names on every page' });
    expect((everywhere as HTMLInputElement).checked).toBe(false);
    expect(document.getElementById(everywhere.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Otherwise a country, a capital or an agency is marked only where one of the story’s own actors is shown.',
    );
    fireEvent.click(everywhere);
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, commonNamesEverywhere: true });
  });

  /** The browser's panels beside the page, as this test wants them, for the length of `run`. */
  function withPanelsBeside(panels: { sidePanel?: object; sidebarAction?: object }, run: () => void) {
    const restore = swapBrowserApis({ sidePanel: panels.sidePanel, sidebarAction: panels.sidebarAction });
    try {
      run();
    } finally {
      restore();
    }
  }

  it('chooses what the toolbar button opens where the browser has a side panel', () => {
    const onChange = vi.fn();
    withPanelsBeside({ sidePanel: { setPanelBehavior: vi.fn(), open: vi.fn() } }, () => {
      render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
      const beside = screen.getByRole('radio', { name: /^The side panel, which stays open/ }) as HTMLInputElement;
      expect(beside.disabled).toBe(false);
      expect((screen.getByRole('radio', { name: /^The panel, which closes/ }) as HTMLInputElement).checked).toBe(true);
      fireEvent.click(beside);
      expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, toolbarOpens: 'side-panel' });
    });
  });

  it('keeps the popup, and says why, where the browser has no side panel', () => {
    withPanelsBeside({}, () => {
      render(<SettingsForm settings={{ ...DEFAULT_SETTINGS, toolbarOpens: 'side-panel' }} onChange={vi.fn()} />);
      const beside = screen.getByRole('radio', { name: /^The side panel/ }) as HTMLInputElement;
      expect(beside.disabled).toBe(true);
      expect(beside.checked).toBe(false);
      expect((screen.getByRole('radio', { name: /^The panel, which closes/ }) as HTMLInputElement).checked).toBe(true);
      expect(screen.getByText('This browser has no side panel, so the button opens the panel.')).toBeTruthy();
    });
  });

  it('imports a good file and refuses a bad one without changing anything', async () => {
    const onChange = vi.fn();
    render(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    upload('{"format":"context-lens-settings","version":1,"settings":{"hoverDelayMs":3}}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/hoverDelayMs/)).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    const mine = applyPatch({ hoverDelayMs: 800 }, { 'example.com': false });
    upload(exportSettings(mine));
    await screen.findByRole('status');
    expect(onChange).toHaveBeenCalledWith(mine);
  });
});
