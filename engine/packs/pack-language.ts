/**
 * A pack as a reader of one language reads it: every text field in that
 * language where the pack translates it, in the pack's own language where it
 * does not. Citations, background marks and everything else stay the pack's.
 */
import type { PackTranslation, Statement, StoryPack } from '../../data/schema';
import { ownValue } from '../own-keys';

/** The primary language of a tag: `zh` for `zh-CN`. */
const primary = (tag: string) => tag.split('-')[0]?.toLowerCase() ?? '';

/** The pack's translation for `locale`: the same tag, or else the same language. */
function translationFor(pack: StoryPack, locale: string): PackTranslation | undefined {
  const tags = Object.keys(pack.translations ?? {});
  const tag =
    tags.find((t) => t.toLowerCase() === locale.toLowerCase()) ?? tags.find((t) => primary(t) === primary(locale));
  return tag === undefined ? undefined : pack.translations?.[tag];
}

/** Statements with their text in translation, sentence for sentence, each keeping its citation. */
function retold(statements: readonly Statement[], texts: readonly string[] | undefined): Statement[] {
  return statements.map((statement, i) => ({ ...statement, text: texts?.[i] ?? statement.text }));
}

const cache = new WeakMap<StoryPack, Map<string, StoryPack>>();

/** `pack` in `locale` (a BCP 47 tag such as `zh-CN`): the same object when the pack is in it or has no translation. */
export function packIn(pack: StoryPack, locale: string): StoryPack {
  if (primary(pack.language) === primary(locale)) return pack;
  const t = translationFor(pack, locale);
  if (t === undefined) return pack;
  const known = cache.get(pack) ?? new Map<string, StoryPack>();
  cache.set(pack, known);
  const found = known.get(locale);
  if (found !== undefined) return found;
  const { translations: _all, ...rest } = pack;
  const translated: StoryPack = {
    ...rest,
    title: t.title ?? pack.title,
    source: {
      ...pack.source,
      summary: retold(pack.source.summary, t.summary),
      paragraphs: pack.source.paragraphs.map((p) => ({ ...p, label: ownValue(t.paragraphs, p.id) ?? p.label })),
    },
    phases: pack.phases.map((phase) => {
      const own = ownValue(t.phases, phase.id);
      return {
        ...phase,
        label: own?.label ?? phase.label,
        period: own?.period ?? phase.period,
        description: { ...phase.description, text: own?.description ?? phase.description.text },
      };
    }),
    relationTypes: pack.relationTypes.map((type) => ({ ...type, ...ownValue(t.relationTypes, type.id) })),
    keyFigures: pack.keyFigures.map((figure) => ({ ...figure, ...ownValue(t.keyFigures, figure.id) })),
    entities: pack.entities.map((entity) => {
      const own = ownValue(t.entities, entity.id);
      const roles = entity.roles?.map((role) => ({ ...role, label: ownValue(own?.roles, role.id) ?? role.label }));
      return {
        ...entity,
        description: retold(entity.description, own?.description),
        ...(roles === undefined ? {} : { roles }),
      };
    }),
    facts: pack.facts.map((fact) => ({ ...fact, text: ownValue(t.facts, fact.id) ?? fact.text })),
  };
  known.set(locale, translated);
  return translated;
}
