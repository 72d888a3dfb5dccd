import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageMentions } from '../../components/panel/page-mentions';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { storySet } from '../../engine/packs/story-set';

afterEach(cleanup);

const [china, huawei] = BUNDLED_PACKS as [(typeof BUNDLED_PACKS)[0], (typeof BUNDLED_PACKS)[0]];
const both = [
  { pack: china, enabled: true },
  { pack: huawei, enabled: true },
];

describe('PageMentions', () => {
  it('lists the mentions story by story, each with its count, most mentioned first', () => {
    render(
      <PageMentions
        stories={both}
        set={storySet([china, huawei])}
        counts={{ xiaomi: 1, alibaba: 5, huawei: 2 }}
        unmarked={{}}
      />,
    );
    const tech = screen.getByRole('region', { name: `${china.title} · 6 mentions` });
    expect(
      within(tech)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-entity')),
    ).toEqual(['alibaba', 'xiaomi']);
    // The name and count as shown, and as one phrase for a screen reader.
    expect(within(tech).getAllByRole('listitem')[0]?.textContent).toBe('Alibaba5Alibaba, 5 mentions, Firm');
    const spying = screen.getByRole('region', { name: `${huawei.title} · 2 mentions` });
    expect(within(spying).getByText('Huawei')).toBeTruthy();
  });

  it('gives each story a switch, and keeps a story switched off listed so it can come back', () => {
    const onSwitchStory = vi.fn();
    render(
      <PageMentions
        stories={[both[0] as (typeof both)[0], { pack: huawei, enabled: false }]}
        set={storySet([china])}
        counts={{ alibaba: 1 }}
        unmarked={{}}
        onSwitchStory={onSwitchStory}
      />,
    );
    const off = screen.getByRole('switch', { name: `Highlight “${huawei.title}”` });
    expect((off as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('region', { name: `${huawei.title} · off` })).toBeTruthy();
    fireEvent.click(off);
    expect(onSwitchStory).toHaveBeenCalledWith(huawei.id, true);
  });

  it('says so when the page mentions nothing of any story', () => {
    render(<PageMentions stories={both} set={storySet([china, huawei])} counts={{}} unmarked={{}} />);
    expect(screen.getByText('None of the stories’ names appear on this page.')).toBeTruthy();
  });
});

describe('PageMentions: the common names left unmarked', () => {
  const unmarkedLine = (story: HTMLElement) => within(story).getByText(/^Also named here, not marked: /);

  it('lists a story’s common names the page named but did not mark, most named first, with their counts', () => {
    render(
      <PageMentions
        stories={both}
        set={storySet([china, huawei])}
        counts={{ huawei: 2, beijing: 1 }}
        unmarked={{ britain: 16, australia: 34, hangzhou: 2 }}
      />,
    );
    const spying = screen.getByRole('region', { name: `${huawei.title} · 2 mentions` });
    expect(unmarkedLine(spying).textContent).toBe('Also named here, not marked: Australia (34), Britain (16)');
    // The marked list keeps only what is marked.
    expect(
      within(spying)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-entity')),
    ).toEqual(['huawei']);
    const tech = screen.getByRole('region', { name: `${china.title} · 1 mention` });
    expect(unmarkedLine(tech).textContent).toBe('Also named here, not marked: Hangzhou (2)');
  });

  it('marks them with one button, which sends the story to be marked', () => {
    const onMarkStory = vi.fn();
    render(
      <PageMentions
        stories={both}
        set={storySet([china, huawei])}
        counts={{ huawei: 2 }}
        unmarked={{ australia: 34 }}
        onMarkStory={onMarkStory}
      />,
    );
    const spying = screen.getByRole('region', { name: `${huawei.title} · 2 mentions` });
    const mark = within(spying).getByRole('button', { name: 'Mark them on this page' });
    // What it marks is said to a screen reader with the button.
    expect(document.getElementById(mark.getAttribute('aria-describedby') ?? '')).toBe(unmarkedLine(spying));
    fireEvent.click(mark);
    expect(onMarkStory).toHaveBeenCalledWith(huawei.id);
    expect(screen.getAllByRole('button', { name: 'Mark them on this page' })).toHaveLength(1);
  });

  it('shows a story with nothing marked but common names named, and says nothing of it is marked', () => {
    render(<PageMentions stories={both} set={storySet([china, huawei])} counts={{}} unmarked={{ australia: 3 }} />);
    expect(screen.queryByText('None of the stories’ names appear on this page.')).toBeNull();
    const spying = screen.getByRole('region', { name: `${huawei.title} · 0 mentions` });
    expect(within(spying).getByText('None of its names are marked on this page.')).toBeTruthy();
    expect(unmarkedLine(spying).textContent).toBe('Also named here, not marked: Australia (3)');
    const tech = screen.getByRole('region', { name: `${china.title} · 0 mentions` });
    expect(within(tech).getByText('None of its names appear on this page.')).toBeTruthy();
  });

  it('lists a name under every story it is a common name of', () => {
    const reader = { ...structuredClone(huawei), id: 'reader-story', title: 'A reader’s story' };
    const stories = [huawei, reader].map((pack) => ({ pack, enabled: true }));
    // Merged, the name goes by the first story's id on the page.
    render(<PageMentions stories={stories} set={storySet([huawei, reader])} counts={{}} unmarked={{ australia: 5 }} />);
    for (const title of [huawei.title, reader.title]) {
      const story = screen.getByRole('region', { name: `${title} · 0 mentions` });
      expect(unmarkedLine(story).textContent).toBe('Also named here, not marked: Australia (5)');
    }
  });

  it('lists nothing for a story switched off', () => {
    render(
      <PageMentions
        stories={[both[0] as (typeof both)[0], { pack: huawei, enabled: false }]}
        set={storySet([china])}
        counts={{ alibaba: 1 }}
        unmarked={{ australia: 3 }}
      />,
    );
    expect(screen.queryByText(/^Also named here/)).toBeNull();
  });

  it('keeps focus with the story when its marked names leave the line and its button goes', () => {
    const props = { stories: both, set: storySet([china, huawei]), onMarkStory: vi.fn() };
    const { rerender } = render(<PageMentions {...props} counts={{ huawei: 2 }} unmarked={{ australia: 3 }} />);
    const spying = screen.getByRole('region', { name: `${huawei.title} · 2 mentions` });
    within(spying).getByRole('button', { name: 'Mark them on this page' }).focus();
    rerender(<PageMentions {...props} counts={{ huawei: 2, australia: 3 }} unmarked={{}} />);
    expect(screen.queryByRole('button', { name: 'Mark them on this page' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: `${huawei.title} · 5 mentions` }));
  });
});
