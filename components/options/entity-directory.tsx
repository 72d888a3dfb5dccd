import { useId, useMemo, useState } from 'preact/hooks';
import type { Entity, StoryPack } from '../../data/schema';
import { storySet } from '../../engine/packs/story-set';
import { createStorySearch } from '../../engine/story-search';
import { KIND_COLOUR, kindName } from '../entity-kinds';
import { StatementList } from '../story/statement-list';
import { useWords } from '../use-words';

/** Every entity of a story with the names Context Lens looks for on pages, with a fuzzy filter. */
export function EntityDirectory({ pack }: { pack: StoryPack }) {
  const words = useWords();
  const { t } = words;
  const quoted = (text: string) => t('story.quoted', { text });
  const search = useMemo(() => createStorySearch(storySet([pack])), [pack]);
  const [query, setQuery] = useState('');
  const titleId = useId();
  const shown =
    query.trim() === ''
      ? pack.entities
      : search
          .find(query, pack.entities.length)
          .map((found) => pack.entities.find((entity) => entity.id === found.id))
          .filter((entity): entity is Entity => entity !== undefined);
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('directory.title')}</h3>
      <input
        type="search"
        class="directory-filter"
        placeholder={t('directory.placeholder')}
        aria-label={t('directory.label')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {shown.length === 0 && <p class="empty">{t('directory.nothing', { query })}</p>}
      <table class="directory" hidden={shown.length === 0}>
        <thead>
          <tr>
            <th scope="col">{t('directory.name')}</th>
            <th scope="col">{t('directory.kind')}</th>
            <th scope="col">{t('directory.alsoAs')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entity) => (
            <tr key={entity.id} data-entity={entity.id}>
              <th scope="row">
                {entity.name}
                <div class="description">
                  <StatementList statements={entity.description} source={pack.source} />
                </div>
              </th>
              <td>
                <span class="kind" style={{ '--kind-colour': KIND_COLOUR[entity.kind] }}>
                  {kindName(words, entity.kind)}
                </span>
              </td>
              <td>
                {entity.names.filter((name) => name !== entity.name).join(t('story.listJoin'))}
                {entity.laterMentions.length > 0 && (
                  <div class="later">
                    {t('directory.after', { names: entity.opensLaterMentions.map(quoted).join(t('story.orJoin')) })}{' '}
                    {entity.laterMentions.map(quoted).join(t('story.listJoin'))}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
