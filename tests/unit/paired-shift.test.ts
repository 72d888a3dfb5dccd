import { describe, expect, it } from 'vitest';
import { type PairedLoad, pairedShift } from '../../tools/bench/paired-shift';

const rounds = (withFirst: boolean, differences: number[]): PairedLoad[] =>
  differences.map((difference, k) => ({ withFirst, with: 300 + k + difference, without: 300 + k }));

describe('pairedShift', () => {
  it('averages the two orders, however many rounds each has', () => {
    // Going second costs 20 ms here: two rounds of one order and one of the other would read 0 or 20.
    const shift = pairedShift([...rounds(true, [-10, -10, -10, -10]), ...rounds(false, [10])]);
    expect(shift.ms).toBe(0);
    expect(shift.pairs).toBe(5);
  });

  it('gives an interval that holds the shift and leaves out zero when every round moved', () => {
    const shift = pairedShift([...rounds(true, [12, 14, 16, 18, 20]), ...rounds(false, [12, 14, 16, 18, 20])]);
    expect(shift.ms).toBe(16);
    expect(shift.low).toBeGreaterThan(0);
    expect(shift.low).toBeLessThanOrEqual(shift.ms);
    expect(shift.high).toBeGreaterThanOrEqual(shift.ms);
    // Seeded: the same rounds give the same report.
    expect(pairedShift([...rounds(true, [12, 14, 16, 18, 20]), ...rounds(false, [12, 14, 16, 18, 20])])).toEqual(shift);
  });

  it('leaves out rounds without a timing, and is NaN without any', () => {
    expect(pairedShift([{ withFirst: true, with: Number.NaN, without: 200 }]).pairs).toBe(0);
    expect(pairedShift([]).ms).toBeNaN();
    expect(pairedShift([...rounds(false, [8]), { withFirst: true, with: 1, without: Number.NaN }]).ms).toBe(8);
  });
});
