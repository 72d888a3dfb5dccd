import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelationsMap } from '../../components/pictures/relations-map';
import { StoryTimeline } from '../../components/pictures/story-timeline';
import { BUNDLED_PACKS } from '../../data/bundled-packs';

afterEach(cleanup);

const china = BUNDLED_PACKS[0];
if (china === undefined) throw new Error('the bundled packs are missing');

describe('StoryTimeline', () => {
  it('names the picture and each mark, one tab stop, the arrows moving focus, Enter showing the mark and its paragraph', () => {
    render(<StoryTimeline pack={china} />);
    const picture = screen.getByRole('group', { name: `Timeline of “${china.title}”` });
    expect(picture.getAttribute('aria-describedby')).toBeTruthy();
    const marks = within(picture).getAllByRole('button');
    expect(marks[0]?.getAttribute('aria-label')).toMatch(/^2020: In 2020 the government cracked down .* \(¶1\)$/);
    expect(marks[1]?.getAttribute('aria-label')).toMatch(/^October 2020: /);
    expect(marks.filter((mark) => mark.getAttribute('tabindex') === '0')).toHaveLength(1);

    marks[0]?.focus();
    fireEvent.keyDown(marks[0] as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(marks[1]);
    expect(marks[1]?.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(marks[1] as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(marks[0] as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(marks.at(-1));
    fireEvent.keyDown(marks.at(-1) as Element, { key: 'Home' });
    fireEvent.keyDown(marks[0] as Element, { key: 'ArrowDown' });
    fireEvent.keyDown(marks[1] as Element, { key: 'Enter' });
    const detail = document.querySelector('.picture-detail');
    expect(detail?.textContent).toMatch(
      /^October 2020: Jack Ma criticised Beijing in October 2020; the government’s crackdown/,
    );
    expect(within(detail as HTMLElement).getByRole('button', { name: 'Source: ¶5' })).toBeTruthy();
  });

  it('switches to its text alternative: the phases in order, each mark with its paragraph', () => {
    render(<StoryTimeline pack={china} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as text' }));
    expect(screen.queryByRole('group', { name: /^Timeline of/ })).toBeNull();
    const phases = screen.getAllByRole('listitem').filter((item) => item.querySelector('.band-name') !== null);
    expect(phases.map((item) => item.querySelector('.band-name')?.textContent)).toEqual([
      'Crackdown',
      'Reconciliation',
      'Economic background',
    ]);
    expect(phases[0]?.textContent).toContain('$1.1 trillion: Market value the big tech companies lost');
    expect(screen.getByRole('button', { name: 'Show as text' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('RelationsMap', () => {
  const mentions: Record<string, number> = { alibaba: 3, hangzhou: 1 };

  it('names each node with its kind and the page’s count, makes those the page mentions stand out, and opens a story', () => {
    const onOpenEntity = vi.fn();
    render(<RelationsMap pack={china} mentionsOf={(id) => mentions[id] ?? 0} onOpenEntity={onOpenEntity} />);
    const picture = screen.getByRole('group', { name: `Relations in “${china.title}”` });
    const alibaba = within(picture).getByRole('button', { name: 'Alibaba, firm, 3 mentions on this page' });
    expect(alibaba.getAttribute('class')).toBe('node mentioned');
    expect(within(picture).getByRole('button', { name: 'Qihoo 360, firm' }).getAttribute('class')).toBe('node');
    expect(picture.textContent).toContain('Based in');
    fireEvent.keyDown(alibaba, { key: 'Enter' });
    expect(onOpenEntity).toHaveBeenCalledWith('alibaba');
    fireEvent.click(within(picture).getByRole('button', { name: 'Hangzhou, city, 1 mention on this page' }));
    expect(onOpenEntity).toHaveBeenLastCalledWith('hangzhou');
  });

  it('without a story to open, lists a node’s relations under the picture', () => {
    render(<RelationsMap pack={china} />);
    fireEvent.click(screen.getByRole('button', { name: 'Yin Li, official' }));
    const detail = document.querySelector('.picture-detail') as HTMLElement;
    expect(
      within(detail)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.replace(/¶3 of .*$/, '')),
    ).toEqual([
      'Yin Li → party chief of · as the city → Beijing ¶3',
      'Yin Li → official of → Chinese Communist Party ¶3',
      'Yin Li → met → JD.com ¶3',
      'Yin Li → met → Xiaomi ¶3',
      'Yin Li → met → Kuaishou ¶3',
    ]);
  });

  it('switches to a table of the relations, with the entities it draws alone', () => {
    render(<RelationsMap pack={china} mentionsOf={(id) => mentions[id] ?? 0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as text' }));
    const table = screen.getByRole('table', { name: `Relations in “${china.title}”` });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(china.relations.length + 1);
    expect(rows[1]?.textContent).toMatch(
      /^Alibaba \(3 mentions on this page\)Based inHangzhou \(1 mention on this page\)¶2/,
    );
    expect(screen.getByText(/^Also in the story, with no relation drawn: /).textContent).toContain('Tianjin, Shenzhen');
  });
});
