import type { StoryPack } from '../data/schema';
import { KIND_LABEL } from './entity-kinds';

/** Every entity of a story with the names Context Lens looks for on pages. */
export function EntityDirectory({ pack }: { pack: StoryPack }) {
  return (
    <section aria-labelledby="directory-title">
      <h2 id="directory-title">Names Context Lens looks for</h2>
      <table class="directory">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Also found as</th>
          </tr>
        </thead>
        <tbody>
          {pack.entities.map((entity) => (
            <tr key={entity.id} data-entity={entity.id}>
              <th scope="row">
                {entity.name}
                <div class="description">{entity.description}</div>
              </th>
              <td>
                <span class="kind" style={{ '--kind-colour': KIND_LABEL[entity.kind].colour }}>
                  {KIND_LABEL[entity.kind].singular}
                </span>
              </td>
              <td>
                {entity.names.filter((name) => name !== entity.name).join(', ')}
                {entity.laterMentions.length > 0 && (
                  <div class="later">
                    After the full name: {entity.laterMentions.map((name) => `“${name}”`).join(', ')}
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
