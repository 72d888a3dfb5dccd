import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HoverCard, type HoverCardProps } from '../../components/card/hover-card';
import { EntityAccounts } from '../../components/story/entity-accounts';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { mergePackNames, namesOf } from '../../engine/packs/lens-entities';
import type { MentionPlace } from '../../page/hover/card-view';
import { storeAddedPack } from '../../platform/storage/pack-store';
import { CHINA_PACK } from '../bundled-stories';

afterEach(cleanup);
beforeEach(() => fakeBrowser.reset());

const ENTRY = {
  id: '',
  version: '9',
  title: 'A hostile copy',
  source: { title: 'Hostile', publisher: 'Nobody', date: 'undated' },
  entityCount: 14,
  bytes: 1,
  added: '2026-12-01T00:00:00.000Z',
};

/** A card over the stories (the bundled ones unless told), every entity's accounts loaded first, as the card layer loads its own. */
async function renderCard(
  lensId: string,
  places: Record<string, MentionPlace> = {},
  packs: readonly StoryPack[] = BUNDLED_PACKS,
) {
  const entities = mergePackNames(packs.map(namesOf)).entities;
  const accounts = new EntityAccounts(() => entities);
  for (const e of entities) await accounts.load(e.id);
  const props: HoverCardProps = {
    accounts,
    lensId,
    places: new Map(Object.entries(places)),
    onShowEntity: vi.fn(),
    onStep: vi.fn(),
    onClose: vi.fn(),
    touch: null,
  };
  const view = render(<HoverCard {...props} />);
  return { ...view, props, dialog: screen.getByRole('dialog') };
}

const entity = (id: string) => {
  const found = CHINA_PACK.entities.find((e) => e.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('HoverCard', () => {
  it.each(CHINA_PACK.entities.map((e) => e.id))(
    '%s: a labelled dialog with its name, kind, description and every fact',
    async (id) => {
      const { dialog } = await renderCard(id);
      const e = entity(id);
      const heading = within(dialog).getByRole('heading', { level: 2 });
      expect(dialog.getAttribute('aria-labelledby')).toBe(heading.id);
      expect(heading.textContent).toContain(e.name);
      if (e.nativeName) expect(within(heading).getByText(e.nativeName).getAttribute('lang')).toBe('zh');
      const statements = dialog.querySelectorAll('.description .statement');
      expect([...statements].map((el) => el.firstChild?.textContent)).toEqual(e.description.map((s) => s.text));
      for (const [i, s] of e.description.entries()) {
        // Cited sentences end in their paragraph; the others carry the background mark instead.
        const mark = 'paragraph' in s ? 'button.ref' : '.background-mark';
        expect(statements[i]?.querySelector(mark), s.text).not.toBeNull();
      }
      for (const fact of CHINA_PACK.facts.filter((f) => f.entities.includes(id))) {
        expect(dialog.textContent).toContain(fact.text);
      }
    },
  );

  it('shows the kind in words, not by colour alone', async () => {
    const { dialog } = await renderCard('yin-li');
    expect(within(dialog).getByText('Official')).toBeTruthy();
  });

  it('tells the crackdown before the reconciliation, and only the phases that apply', async () => {
    const { dialog, unmount } = await renderCard('beijing');
    const phases = within(dialog)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(phases[0]).toMatch(/^Crackdown/);
    expect(phases[1]).toMatch(/^Reconciliation/);
    unmount();
    const tianjin = (await renderCard('tianjin')).dialog;
    expect(
      within(tianjin)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([expect.stringMatching(/^Reconciliation/)]);
  });

  it('gives each fact its paragraph, with the headline on focus', async () => {
    const { dialog } = await renderCard('jack-ma');
    const [ref] = within(dialog).getAllByRole('button', { name: /^Source: ¶\d$/ });
    if (ref === undefined) throw new Error('no paragraph reference');
    const tip = document.getElementById(ref.getAttribute('aria-describedby') ?? '');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.hidden).toBe(true);
    fireEvent.focus(ref);
    expect(tip?.hidden).toBe(false);
    expect(tip?.textContent).toContain(CHINA_PACK.source.title);
    fireEvent.blur(ref);
    expect(tip?.hidden).toBe(true);
  });

  it('opens a related entity in place, with a way back', async () => {
    const { dialog } = await renderCard('alibaba');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Founded by Jack Ma' }));
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toContain('Jack Ma');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to Alibaba' }));
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toContain('Alibaba');
    expect(within(dialog).queryByRole('button', { name: /^Back to/ })).toBeNull();
  });

  it('says where the open mention stands and steps through the entity’s mentions', async () => {
    const { dialog, props } = await renderCard('alibaba', { alibaba: { count: 3, position: 2 } });
    expect(dialog.textContent).toContain('2 of 3 mentions on this page');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next mention of Alibaba' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous mention of Alibaba' }));
    expect(props.onStep).toHaveBeenNthCalledWith(1, 'alibaba', 'next');
    expect(props.onStep).toHaveBeenNthCalledWith(2, 'alibaba', 'previous');
  });

  it('offers no steps for a single mention, and counts a related entity’s mentions', async () => {
    const { dialog, props } = await renderCard('alibaba', {
      alibaba: { count: 1, position: 1 },
      hangzhou: { count: 4, position: null },
      'jack-ma': { count: 0, position: null },
    });
    expect(dialog.textContent).toContain('1 of 1 mention on this page');
    expect(within(dialog).queryByRole('button', { name: /mention of Alibaba/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Based in Hangzhou' }));
    expect(props.onShowEntity).toHaveBeenCalledWith('hangzhou');
    expect(dialog.textContent).toContain('4 mentions on this page');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next mention of Hangzhou' }));
    expect(props.onStep).toHaveBeenCalledWith('hangzhou', 'next');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to Alibaba' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Founded by Jack Ma' }));
    expect(dialog.textContent).toContain('Not mentioned on this page');
  });

  it('asks for the place of an entity it turns to, and shows none until it comes', async () => {
    const { dialog, props, rerender } = await renderCard('alibaba', { alibaba: { count: 2, position: 1 } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Based in Hangzhou' }));
    expect(props.onShowEntity).toHaveBeenCalledWith('hangzhou');
    expect(within(dialog).queryByRole('navigation')).toBeNull();
    const places = new Map([
      ['alibaba', { count: 2, position: 1 }],
      ['hangzhou', { count: 3, position: null }],
    ]);
    rerender(<HoverCard {...props} places={places} />);
    expect(dialog.textContent).toContain('3 mentions on this page');
  });

  it('closes on Escape and on its close button', async () => {
    const { dialog, props } = await renderCard('xiaomi');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('opened by a tap on a name in a link, offers the link, and a sideways swipe closes it', async () => {
    const follow = vi.fn();
    const { dialog, props, rerender } = await renderCard('alibaba');
    expect(within(dialog).queryByRole('button', { name: 'Follow the link' })).toBeNull();
    rerender(<HoverCard {...props} touch={{ link: { href: 'https://news.example.com/alibaba?x=1#top', follow } }} />);
    expect(dialog.className).toBe('card by-touch');
    expect(dialog.querySelector('.link-target')?.textContent).toBe('news.example.com/alibaba#top');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Follow the link' }));
    expect(follow).toHaveBeenCalledTimes(1);
    // A short or mostly vertical move is not a swipe; a long sideways one is.
    const swipe = (dx: number, dy: number) => {
      fireEvent.pointerDown(dialog, { pointerId: 3, pointerType: 'touch', clientX: 100, clientY: 100 });
      fireEvent.pointerUp(dialog, { pointerId: 3, pointerType: 'touch', clientX: 100 + dx, clientY: 100 + dy });
    };
    swipe(30, 0);
    swipe(90, 80);
    expect(props.onClose).not.toHaveBeenCalled();
    swipe(-100, 10);
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('starts over at the new entity when it opens on another mention', async () => {
    const { dialog, props, rerender } = await renderCard('alibaba');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Based in Hangzhou' }));
    rerender(<HoverCard {...props} lensId="xiaomi" />);
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toContain('Xiaomi');
    expect(within(dialog).queryByRole('button', { name: /^Back to/ })).toBeNull();
  });

  it('tells an entity that two stories share story by story, each with its own facts and citations', async () => {
    const second = structuredClone(CHINA_PACK) as StoryPack;
    second.id = 'alibaba-follow-up';
    second.title = 'A follow-up on Alibaba';
    await storeAddedPack(second, { ...ENTRY, id: second.id });
    const packs = [...BUNDLED_PACKS, second];
    const entities = mergePackNames(packs.map(namesOf)).entities;
    const accounts = new EntityAccounts(() => entities);
    await accounts.load('alibaba');
    render(
      <HoverCard
        accounts={accounts}
        lensId="alibaba"
        places={new Map()}
        onShowEntity={vi.fn()}
        onStep={vi.fn()}
        onClose={vi.fn()}
        touch={null}
      />,
    );
    const dialog = screen.getByRole('dialog');
    expect([...dialog.querySelectorAll('.account-story')].map((p) => p.textContent)).toEqual([
      `From the story “${CHINA_PACK.title}”`,
      'From the story “A follow-up on Alibaba”',
    ]);
    expect(within(dialog).getAllByRole('heading', { level: 2 })).toHaveLength(2);
  });

  it('renders knowledge-base text as text, never as markup', async () => {
    const hostile = structuredClone(CHINA_PACK) as StoryPack;
    hostile.id = 'hostile-copy';
    const target = hostile.entities.find((e) => e.id === 'netease');
    if (target === undefined) throw new Error('netease');
    target.description = [{ text: '<img src=x onerror="alert(1)">', background: true }];
    await storeAddedPack(hostile, { ...ENTRY, id: hostile.id });
    const { dialog } = await renderCard('netease', {}, [hostile]);
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});
