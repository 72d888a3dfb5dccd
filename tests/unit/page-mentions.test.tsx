import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PageMentions } from '../../components/page-mentions';
import { CHINA_PACK } from '../china-pack';

afterEach(cleanup);

describe('PageMentions', () => {
  it('groups found entities by kind, most mentioned first', () => {
    render(<PageMentions pack={CHINA_PACK} counts={{ xiaomi: 1, alibaba: 5, beijing: 2 }} />);
    const firms = screen.getByRole('region', { name: 'Firms' });
    expect(
      within(firms)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-entity')),
    ).toEqual(['alibaba', 'xiaomi']);
    expect(within(screen.getByRole('region', { name: 'Cities' })).getByText('Beijing')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Officials' })).toBeNull();
  });

  it('says so when the page mentions nothing of the story', () => {
    render(<PageMentions pack={CHINA_PACK} counts={{}} />);
    expect(screen.getByText('None of the story’s names appear on this page.')).toBeTruthy();
  });
});
