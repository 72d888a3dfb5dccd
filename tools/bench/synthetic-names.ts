import type { MatchableEntity } from '../../engine/matcher/matcher';

const ONSETS = [
  'b',
  'ch',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  'sh',
  't',
  'w',
  'x',
  'y',
  'z',
  'zh',
];
const RIMES = [
  'a',
  'ai',
  'an',
  'ang',
  'ao',
  'e',
  'ei',
  'en',
  'eng',
  'i',
  'ian',
  'in',
  'ing',
  'o',
  'ong',
  'ou',
  'u',
  'uan',
  'un',
  'uo',
];

/**
 * `count` made-up entities with pinyin-like two-word names ("Zhangqi Lanbo"),
 * deterministic so that every run benchmarks the same automaton.
 */
export function syntheticEntities(count: number): MatchableEntity[] {
  let seed = 0x2f6b3a1d;
  const random = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const word = () => {
    const syllables = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(RIMES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const entities: MatchableEntity[] = [];
  while (entities.length < count) {
    const name = `${word()} ${word()}`;
    if (seen.has(name)) continue;
    seen.add(name);
    entities.push({
      id: `synthetic-${entities.length}`,
      kind: 'firm',
      names: [name],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    });
  }
  return entities;
}
