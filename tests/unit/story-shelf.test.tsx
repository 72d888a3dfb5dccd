import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoryShelf } from '../../components/options/shelf-editor';
import type { LoadedStory } from '../../components/story/use-stories';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { utf8Bytes } from '../../engine/packs/pack-registry';
import { storyShelf } from '../../engine/packs/story-shelf';
import { DEFAULT_SETTINGS, type Settings } from '../../engine/settings/settings';
import { addedPacks } from '../../platform/storage/pack-store';
import { readerPack } from '../e2e/support/reader-pack';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const stories: LoadedStory[] = storyShelf(BUNDLED_PACKS, []).map((story) => {
  const pack = BUNDLED_PACKS.find((bundled) => bundled.id === story.id) ?? null;
  return { ...story, pack, bytes: utf8Bytes(JSON.stringify(pack)) };
});

function renderShelf(settings: Settings = DEFAULT_SETTINGS) {
  const onChange = vi.fn();
  render(<StoryShelf stories={stories} settings={settings} onChange={onChange} />);
  return { onChange, region: screen.getByRole('region', { name: 'Stories' }) };
}

const fileOf = (text: string, name = 'pack.json') => new File([text], name, { type: 'application/json' });

describe('StoryShelf', () => {
  it('lists every story with its source, names, size and version, and no way to remove a bundled one', () => {
    const { region } = renderShelf();
    const items = within(region)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-story'));
    expect(items.map((li) => li.getAttribute('data-story'))).toEqual(BUNDLED_PACKS.map((pack) => pack.id));
    expect(items[1]?.textContent).toMatch(
      /\(Reuters, 2013-07-19\) · 14 names · \d+ KB · version 1\.1\.0 · comes with Context Lens/,
    );
    expect(within(region).queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('takes a pack dropped on it, stores it whole and says so', async () => {
    const { region } = renderShelf();
    const file = fileOf(JSON.stringify(readerPack()));
    fireEvent.dragOver(region, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(region.classList.contains('dropping')).toBe(true);
    fireEvent.drop(region, { dataTransfer: { types: ['Files'], files: [file] } });
    await waitFor(() =>
      expect(within(region).getByRole('status').textContent).toBe('Added “Notes on Ant Group”: 2 names to look for.'),
    );
    expect((await addedPacks()).packs.map((p) => p.id)).toEqual(['ant-group-notes']);
  });

  it('refuses a broken file, listing each problem by path, and stores nothing', async () => {
    const { region } = renderShelf();
    const input = region.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOf('{"schemaVersion": 2, "id": "Bad Id"}', 'bad.json')] } });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed. “bad.json” was refused:');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('$.id: must be an id of lower-case letters, digits and hyphens, at most 64');
    expect((await addedPacks()).packs).toEqual([]);
  });

  it('refuses a colour too weak for legible text, saying what contrast it would give', () => {
    const { region, onChange } = renderShelf();
    const colour = within(region).getAllByLabelText('Colour')[0] as HTMLInputElement;
    fireEvent.change(colour, { target: { value: '#777777' } });
    expect(within(region).getByRole('alert').textContent).toMatch(
      /^Text on #777777 reaches only 4\.\d:1 contrast; highlights need 7:1\./,
    );
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(colour, { target: { value: '#a5f3fc' } });
    expect(onChange).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      stories: { 'china-tech-reset': { colour: '#a5f3fc' } },
    });
  });

  it('switches a story off, and offers its default colour back once one is chosen', () => {
    const chosen = { ...DEFAULT_SETTINGS, stories: { 'huawei-spying-claims-2013': { colour: '#a5f3fc' } } };
    const { region, onChange } = renderShelf(chosen);
    fireEvent.click(
      within(region).getByRole('switch', {
        name: 'Highlight “China and its tech giants: from crackdown to courtship”',
      }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      ...chosen,
      stories: { ...chosen.stories, 'china-tech-reset': { enabled: false } },
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Default colour' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...chosen, stories: {} });
  });
});
