import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoryShelf } from '../../components/options/shelf-editor';
import type { LoadedStory } from '../../components/story/use-stories';
import { WordsProvider } from '../../components/use-words';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { installedEntry, utf8Bytes } from '../../engine/packs/pack-registry';
import { storyShelf } from '../../engine/packs/story-shelf';
import { DEFAULT_SETTINGS, type Settings } from '../../engine/settings/settings';
import { addedPacks, storeAddedPack } from '../../platform/storage/pack-store';
import { wordsFor } from '../../platform/words/words';
import { readerPack } from '../e2e/support/reader-pack';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** The shelf as the options page loads it, with the reader's own packs after the bundled ones. */
function shelfWith(added: readonly StoryPack[] = []): LoadedStory[] {
  const entries = added.map((pack) => installedEntry(pack, new Date()));
  return storyShelf(BUNDLED_PACKS, entries).map((story) => {
    const pack = [...added, ...BUNDLED_PACKS].find((known) => known.id === story.id) ?? null;
    return { ...story, pack, bytes: utf8Bytes(JSON.stringify(pack)) };
  });
}

const stories = shelfWith();

function renderShelf(settings: Settings = DEFAULT_SETTINGS, shown: LoadedStory[] = stories) {
  const onChange = vi.fn();
  render(<StoryShelf stories={shown} settings={settings} onChange={onChange} />);
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
    expect(items[1]?.textContent).toContain(`(Reuters, 2013-07-19) · 14 names · `);
    expect(items[1]?.textContent).toMatch(/ · \d+ KB · version [\d.]+ · comes with Context Lens/);
    expect(items[1]?.textContent).toContain(`version ${BUNDLED_PACKS[1]?.version} ·`);
    expect(within(region).queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('keeps a story the reader added private until they untick it, and offers no such choice for a shipped one', () => {
    const { region, onChange } = renderShelf(DEFAULT_SETTINGS, shelfWith([readerPack()]));
    const boxes = within(region).getAllByRole('checkbox', { name: 'Private' });
    expect(boxes).toHaveLength(1);
    const box = boxes[0] as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.closest('[data-story]')?.getAttribute('data-story')).toBe('ant-group-notes');
    expect(within(region).getByText(/No web page can tell that you follow this story/)).toBeTruthy();
    fireEvent.click(box);
    const next = onChange.mock.calls[0]?.[0] as Settings;
    expect(next.stories['ant-group-notes']).toEqual({ public: true });
    cleanup();
    const shared = renderShelf(next, shelfWith([readerPack()]));
    expect((within(shared.region).getByRole('checkbox', { name: 'Private' }) as HTMLInputElement).checked).toBe(false);
    expect(within(shared.region).getByText(/which a page's scripts can read/)).toBeTruthy();
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

  it.each([
    ['a higher', '99.0.0'],
    ['the same', BUNDLED_PACKS[0]?.version],
    ['a lower', '0.0.1'],
  ])(
    'refuses a file with a bundled story’s id at %s version, naming the bundled story, and stores nothing',
    async (_, version) => {
      const { region } = renderShelf();
      const china = BUNDLED_PACKS[0] as StoryPack;
      const impostor = { ...china, version, title: 'Your bank statement' };
      const input = region.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
      fireEvent.change(input, { target: { files: [fileOf(JSON.stringify(impostor), 'statement.json')] } });
      const alert = await within(region).findByRole('alert');
      expect(alert.textContent).toContain('Nothing was changed. “statement.json” was refused:');
      expect(
        within(alert)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        `“china-tech-reset” is the id of “${china.title}”, a story that comes with Context Lens, and no file may replace it. Give the file’s story an id of its own.`,
      ]);
      expect(within(region).queryByRole('button', { name: 'Update' })).toBeNull();
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    },
  );

  it('names the bundled story a file’s id belongs to in the reader’s language', async () => {
    render(
      <WordsProvider value={wordsFor('zh_CN')}>
        <StoryShelf stories={stories} settings={DEFAULT_SETTINGS} onChange={vi.fn()} />
      </WordsProvider>,
    );
    const china = BUNDLED_PACKS[0] as StoryPack;
    const input = document.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOf(JSON.stringify({ ...china, version: '99.0.0' }))] } });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('listitem').textContent).toBe(
      `“china-tech-reset”是 Context Lens 自带报道“${china.translations?.['zh-CN']?.title}”的 id，任何文件都不能替换这则报道。请为文件中的报道另取一个 id。`,
    );
  });

  it('offers an update of a pack the reader added, by the title they know, and stores it only on Update', async () => {
    const pack = readerPack();
    await storeAddedPack(pack, installedEntry(pack, new Date()));
    const { region } = renderShelf(DEFAULT_SETTINGS, shelfWith([pack]));
    const newer = readerPack({ version: '1.1.0', title: 'Your bank statement' });
    const input = region.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOf(JSON.stringify(newer), 'statement.json')] } });
    await waitFor(() =>
      expect(within(region).getByRole('status').textContent).toContain(
        'You have version 1.0.0 of “Notes on Ant Group”. This file holds version 1.1.0. The file calls it “Your bank statement”.',
      ),
    );
    expect((await addedPacks()).packs.map((p) => `${p.id}@${p.version}`)).toEqual(['ant-group-notes@1.0.0']);
    fireEvent.click(within(region).getByRole('button', { name: 'Update' }));
    await waitFor(() =>
      expect(within(region).getByRole('status').textContent).toBe('“Your bank statement” is updated to version 1.1.0.'),
    );
    expect((await addedPacks()).packs.map((p) => `${p.id}@${p.version}`)).toEqual(['ant-group-notes@1.1.0']);
  });

  it('says a pack could not be stored when storage refuses the write, and leaves the shelf as it was', async () => {
    const { region } = renderShelf();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const input = region.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [fileOf(JSON.stringify(readerPack()), 'ants.json')] } });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toBe(
      'Nothing was changed. “ants.json” could not be added:Error: QUOTA_BYTES quota exceeded',
    );
    expect(within(region).queryByRole('status')).toBeNull();
    expect((await addedPacks()).packs).toEqual([]);
  });

  it('says a story could not be removed when storage refuses, and keeps it', async () => {
    const pack = readerPack();
    await storeAddedPack(pack, installedEntry(pack, new Date()));
    const { region } = renderShelf(DEFAULT_SETTINGS, shelfWith([pack]));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(within(region).getByRole('button', { name: 'Remove “Notes on Ant Group”' }));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toBe('“Notes on Ant Group” could not be removed:Error: QUOTA_BYTES quota exceeded');
    expect((await addedPacks()).packs.map((p) => p.id)).toEqual(['ant-group-notes']);
  });

  it('says a removed story could not be brought back when storage refuses the undo', async () => {
    const pack = readerPack();
    await storeAddedPack(pack, installedEntry(pack, new Date()));
    const { region } = renderShelf(DEFAULT_SETTINGS, shelfWith([pack]));
    fireEvent.click(within(region).getByRole('button', { name: 'Remove “Notes on Ant Group”' }));
    const undo = await within(region).findByRole('button', { name: 'Undo' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(undo);
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toBe('“Notes on Ant Group” could not be brought back:Error: QUOTA_BYTES quota exceeded');
    expect((await addedPacks()).packs).toEqual([]);
  });

  it('offers each story the palette’s swatches by name, its turn’s one chosen until the reader picks another', () => {
    const { region, onChange } = renderShelf();
    const [china, huawei] = within(region).getAllByRole('group', { name: 'Colour' }) as HTMLElement[];
    const swatches = within(china as HTMLElement).getAllByRole('radio') as HTMLInputElement[];
    expect(swatches).toHaveLength(12);
    expect(within(china as HTMLElement).getByRole('radio', { name: 'Amber' })).toHaveProperty('checked', true);
    expect(within(huawei as HTMLElement).getByRole('radio', { name: 'Mint' })).toHaveProperty('checked', true);
    fireEvent.click(within(china as HTMLElement).getByRole('radio', { name: 'Cyan' }));
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
