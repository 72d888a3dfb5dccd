import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { relationsMap } from '../../engine/pictures/relations-model';
import { layoutTimeline, readableDate, storyTimeline, wrapText } from '../../engine/pictures/timeline-model';

const [china, huawei] = BUNDLED_PACKS;
if (china === undefined || huawei === undefined) throw new Error('the bundled packs are missing');

describe('the timeline, from the pack', () => {
  it('has the phases as bands in their order, with the dated events and the key figures placed in them', () => {
    const bands = storyTimeline(china);
    expect(bands.map((band) => band.phase.id)).toEqual(['crackdown', 'reconciliation', 'background']);
    const crackdown = bands[0]?.marks ?? [];
    expect(crackdown.slice(0, 2).map((mark) => [mark.key, mark.date])).toEqual([
      ['fact:crackdown-2020', '2020'],
      ['fact:ma-remarks', '2020-10'],
    ]);
    expect(crackdown.filter((mark) => mark.kind === 'figure').map((mark) => mark.value)).toEqual([
      '$1.1 trillion',
      'over $1 trillion',
      'October 2020',
    ]);
    // Every fact of the arc, and every key figure, is on it exactly once.
    const keys = bands.flatMap((band) => band.marks.map((mark) => mark.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const fact of china.arc.flatMap((step) => step.facts)) expect(keys).toContain(`fact:${fact}`);
    for (const figure of china.keyFigures) expect(keys).toContain(`figure:${figure.id}`);
  });

  it('puts a dated fact outside the arc on it too, earliest first, in its own phase', () => {
    const bands = storyTimeline(huawei);
    const dated = (id: string) =>
      bands
        .find((band) => band.phase.id === id)
        ?.marks.filter((mark) => mark.date !== null)
        .map((mark) => [mark.key, mark.date]);
    expect(dated('earlier-doubts')).toEqual([['fact:congress-warning', '2012-10']]);
    // Huawei's founding is background: never in a phase that runs from 2012.
    expect(dated('background')).toEqual([['fact:ren-founded', '1987']]);
  });

  it('is laid out the same way every time, each mark below the last, its text within the width', () => {
    const layout = layoutTimeline(storyTimeline(china), 'en-GB');
    expect(layoutTimeline(storyTimeline(china), 'en-GB')).toEqual(layout);
    const ys = layout.bands.flatMap((band) => band.marks.map((mark) => mark.y));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    for (const band of layout.bands) {
      for (const { lines } of band.marks) {
        for (const line of lines) expect(line.length * 6.6).toBeLessThanOrEqual(layout.width - layout.textX);
      }
    }
    expect(layout.height).toBeGreaterThan(ys.at(-1) ?? 0);
  });

  it('writes dates and wraps words as a reader expects', () => {
    expect(readableDate('2020', 'en-GB')).toBe('2020');
    expect(readableDate('2020-10', 'en-GB')).toBe('October 2020');
    expect(readableDate('2013-07-19', 'en-GB')).toBe('19 July 2013');
    expect(readableDate('2020', 'zh-CN')).toBe('2020年');
    expect(readableDate('2020-10', 'zh-CN')).toBe('2020年10月');
    expect(readableDate('2013-07-19', 'zh-CN')).toBe('2013年7月19日');
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('unbreakableword x', 5)).toEqual(['unbreakableword', 'x']);
    // Chinese breaks between any two characters, each as wide as two letters; Latin words inside stay whole.
    expect(wrapText('阿里巴巴是一家公司', 8)).toEqual(['阿里巴巴', '是一家公', '司']);
    expect(wrapText('小米 Xiaomi 公司', 8)).toEqual(['小米', 'Xiaomi', '公司']);
  });
});

describe('the relations map, from the pack', () => {
  it('has every entity as a node and every relation as an arrow with the pack’s wording', () => {
    const map = relationsMap(china);
    expect(map.nodes.map((node) => node.id)).toEqual(china.entities.map((entity) => entity.id));
    expect(map.edges).toHaveLength(china.relations.length);
    expect(map.edges[0]).toMatchObject({ from: 'alibaba', to: 'hangzhou', label: 'Based in', paragraph: 'P2' });
    expect(map.nodes.find((node) => node.id === 'yin-li')?.kind).toBe('official');
  });

  it('is the same picture for the same pack, with nodes apart and within the picture', () => {
    const map = relationsMap(china);
    expect(relationsMap(structuredClone(china))).toEqual(map);
    for (const node of map.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(map.height);
    }
    for (const [i, a] of map.nodes.entries()) {
      for (const b of map.nodes.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
    for (const edge of map.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });
});
