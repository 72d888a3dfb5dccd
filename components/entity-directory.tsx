import { useId, useMemo, useState } from 'preact/hooks';
import type { Entity, StoryPack } from '../data/schema';
import { createStorySearch } from '../engine/story-search';
import { storySet } from '../engine/story-set';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';
import { StatementList } from './statement-list';

/** Every entity of a story with the names Context Lens looks for on pages, with a fuzzy filter. */
export function EntityDirectory({ pack }: { pack: StoryPack }) {
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
      <h3 id={titleId}>Names Context Lens looks for</h3>
      <input
        type="search"
        class="directory-filter"
        placeholder="Filter: a name in English or Chinese, or a topic"
        aria-label="Filter the names"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {shown.length === 0 && <p class="empty">Nothing in the story matches “{query}”.</p>}
      <table class="directory" hidden={shown.length === 0}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Also found as</th>
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
                <span class="kind" style={{ '--kind-colour': KIND_NAME_AND_COLOUR[entity.kind].colour }}>
                  {KIND_NAME_AND_COLOUR[entity.kind].singular}
                </span>
              </td>
              <td>
                {entity.names.filter((name) => name !== entity.name).join(', ')}
                {entity.laterMentions.length > 0 && (
                  <div class="later">
                    After {entity.opensLaterMentions.map((name) => `“${name}”`).join(' or ')}:{' '}
                    {entity.laterMentions.map((name) => `“${name}”`).join(', ')}
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
