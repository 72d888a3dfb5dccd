/**
 * `loads` rounds of one load with the extension and one without, each going
 * first in turn: a load that follows another one ran slower, by 28 ms of FCP
 * at the median of 14 pages, when two browsers without the extension were
 * set against each other.
 */
export async function inTurn<T>(
  loads: number,
  withExtension: () => Promise<T>,
  without: () => Promise<T>,
): Promise<{ with: T[]; without: T[] }> {
  const results = { with: [] as T[], without: [] as T[] };
  for (let round = 0; round < loads; round++) {
    const withFirst = round % 2 === 0;
    if (withFirst) results.with.push(await withExtension());
    results.without.push(await without());
    if (!withFirst) results.with.push(await withExtension());
  }
  return results;
}
