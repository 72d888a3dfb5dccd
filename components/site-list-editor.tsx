import { useState } from 'preact/hooks';
import { parseSitePattern, type SiteMode } from '../engine/site-rules';
import { SwitchInput } from './switch-input';

interface SiteListEditorProps {
  sites: Readonly<Record<string, boolean>>;
  mode: SiteMode;
  onChange(sites: Record<string, boolean>): void;
}

/**
 * The site rules: add a site (typed or pasted as a URL), switch a rule,
 * change its address, remove it. Patterns are checked as they are entered,
 * and a rule for a site already listed is edited rather than doubled.
 */
export function SiteListEditor({ sites, mode, onChange }: SiteListEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ pattern: string; text: string; error: string | null } | null>(null);
  const listed = Object.entries(sites).sort(([a], [b]) => a.localeCompare(b));
  const addAs = mode !== 'everywhere-except';

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseSitePattern(draft);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    onChange({ ...sites, [parsed.pattern]: addAs });
    setDraft('');
    setError(null);
  };

  const saveEdit = () => {
    if (editing === null) return;
    const parsed = parseSitePattern(editing.text);
    if ('error' in parsed) {
      setEditing({ ...editing, error: parsed.error });
      return;
    }
    const { [editing.pattern]: value, ...rest } = sites;
    onChange({ ...rest, [parsed.pattern]: value ?? addAs });
    setEditing(null);
  };

  return (
    <div class="site-list">
      <form class="site-add" onSubmit={add} noValidate>
        <label for="site-add-input">
          {mode === 'everywhere-except' ? 'Add a site to leave alone' : 'Add a site to highlight on'}
        </label>
        <div class="site-add-row">
          <input
            id="site-add-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com or localhost:3000"
            value={draft}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? 'site-add-error' : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </div>
        {error !== null && (
          <p id="site-add-error" class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {listed.length === 0 ? (
        <p class="empty">No site rules yet.</p>
      ) : (
        <table class="sites">
          <caption class="visually-hidden">Site rules</caption>
          <thead>
            <tr>
              <th scope="col">Site (and its subdomains)</th>
              <th scope="col">Highlight</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map(([pattern, enabled]) => (
              <tr key={pattern} data-site={pattern}>
                <th scope="row">
                  {editing?.pattern === pattern ? (
                    <>
                      <input
                        type="text"
                        aria-label={`New address for ${pattern}`}
                        value={editing.text}
                        aria-invalid={editing.error !== null}
                        onInput={(event) => setEditing({ ...editing, text: event.currentTarget.value, error: null })}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter') saveEdit();
                          if (event.key === 'Escape') setEditing(null);
                        }}
                      />
                      {editing.error !== null && (
                        <p class="field-error" role="alert">
                          {editing.error}
                        </p>
                      )}
                    </>
                  ) : (
                    pattern
                  )}
                </th>
                <td>
                  <label class="switch">
                    <SwitchInput
                      checked={enabled}
                      label={`Highlight on ${pattern}`}
                      onToggle={(on) => onChange({ ...sites, [pattern]: on })}
                    />
                    <span aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
                  </label>
                </td>
                <td class="row-actions">
                  {editing?.pattern === pattern ? (
                    <>
                      <button type="button" onClick={saveEdit}>
                        Save
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={`Edit ${pattern}`}
                        onClick={() => setEditing({ pattern, text: pattern, error: null })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove ${pattern}`}
                        onClick={() => {
                          const { [pattern]: _removed, ...rest } = sites;
                          onChange(rest);
                        }}
                      >
                        Remove
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
