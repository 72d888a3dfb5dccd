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
      <PageMentions stories={both} set={storySet([china, huawei])} counts={{ xiaomi: 1, alibaba: 5, huawei: 2 }} />,
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
    render(<PageMentions stories={both} set={storySet([china, huawei])} counts={{}} />);
    expect(screen.getByText('None of the stories’ names appear on this page.')).toBeTruthy();
  });
});
