import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityDirectory } from '../../components/options/entity-directory';
import { CHINA_PACK } from '../bundled-stories';

afterEach(cleanup);

const rows = () => screen.getAllByRole('row').slice(1);

describe('EntityDirectory', () => {
  it('lists every entity, then narrows to what a typo-tolerant filter finds', () => {
    render(<EntityDirectory pack={CHINA_PACK} />);
    expect(rows()).toHaveLength(14);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter the names' }), { target: { value: 'hangzou' } });
    expect(rows()[0]?.getAttribute('data-entity')).toBe('hangzhou');
  });

  it('shows each name in both scripts, and after which full names a short form counts', () => {
    render(<EntityDirectory pack={CHINA_PACK} />);
    const jackMa = rows().find((row) => row.getAttribute('data-entity') === 'jack-ma');
    expect(jackMa?.textContent).toContain('马云, 馬雲');
    expect(jackMa?.textContent).toContain('After “Jack Ma”: “Ma”');
    // Every sentence is cited or marked as background.
    const beijing = rows().find((row) => row.getAttribute('data-entity') === 'beijing');
    expect(beijing?.querySelector('.background-mark')?.textContent).toBe('Background, not from the article');
    expect(beijing?.querySelector('.ref')?.textContent).toBe('¶7');
  });

  it('says so when nothing matches', () => {
    render(<EntityDirectory pack={CHINA_PACK} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter the names' }), { target: { value: 'zzzqqq' } });
    expect(screen.getByText('Nothing in the story matches “zzzqqq”.')).toBeTruthy();
  });
});
