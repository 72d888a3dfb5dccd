import { describe, expect, it } from 'vitest';
import variants from '../../data/packs/china-tech-reset.variants.json' with { type: 'json' };
import { compileMatcher } from '../../engine/matcher/matcher';
import { withScriptVariants } from '../../engine/matcher/script-variants';
import { scriptVariantsOf } from '../../tools/scripts/write-script-variants';
import { CHINA_AUTHORED, CHINA_PACK } from '../bundled-stories';

const namesOf = (id: string) => CHINA_PACK.entities.find((e) => e.id === id)?.names ?? [];

describe('Traditional Chinese forms', () => {
  it('are the table a fresh conversion of the pack gives (npm run variants rewrites it)', () => {
    expect(variants).toEqual(scriptVariantsOf(CHINA_AUTHORED));
  });

  it.each([
    ['netease', '網易'],
    ['jd-com', '京東'],
    ['jd-com', '京東集團'],
    ['jack-ma', '馬雲'],
    ['ccp', '中國共產黨'],
    ['ndrc', '國家發展和改革委員會'],
    ['ndrc', '國家發改委'],
    ['ndrc', '發改委'],
    ['alibaba', '阿里巴巴集團'],
    ['xiaomi', '小米集團'],
  ])('%s is also found as %s', (id, form) => {
    expect(namesOf(id)).toContain(form);
    const { mentions } = compileMatcher(CHINA_PACK.entities).findMentions(`據報道，${form}表示`);
    expect(mentions.map((m) => [m.entityId, m.text])).toEqual([[id, form]]);
  });

  it('convert the not-names and the prefixes of local bodies too', () => {
    const matcher = compileMatcher(CHINA_PACK.entities);
    for (const text of [
      '京東方的屏幕',
      '南京東路',
      '東京東部',
      '小米飯',
      '浙江省發改委',
      '深圳市發改委',
      '某縣發改委',
    ]) {
      const found = matcher.findMentions(text).mentions.filter((m) => m.entityId !== 'shenzhen');
      expect(found, text).toEqual([]);
    }
  });

  it('leave a pack alone when the table is another pack’s', () => {
    expect(withScriptVariants(CHINA_AUTHORED, { ...variants, pack: 'another-story' })).toBe(CHINA_AUTHORED);
  });
});
