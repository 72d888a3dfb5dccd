import { useState } from 'preact/hooks';
import type { Notice } from '../../engine/notices';
import { parseSitePattern, type SiteMode } from '../../engine/settings/site-rules';
import { noticeText } from '../../platform/words/notice-text';
import { siteName, siteRuleName } from '../site-name';
import { SwitchInput } from '../switch-input';
import { useWords } from '../use-words';

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
  const words = useWords();
  const { t } = words;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<{ pattern: string; text: string; error: Notice | null } | null>(null);
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
          {mode === 'everywhere-except' ? t('sites.addToLeave') : t('sites.addToHighlight')}
        </label>
        <div class="site-add-row">
          <input
            id="site-add-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('sites.placeholder')}
            value={draft}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? 'site-add-error' : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit">{t('sites.add')}</button>
        </div>
        {error !== null && (
          <p id="site-add-error" class="field-error" role="alert">
            {noticeText(words, error)}
          </p>
        )}
      </form>
      {listed.length === 0 ? (
        <p class="empty">{t('sites.none')}</p>
      ) : (
        <table class="sites">
          <caption class="visually-hidden">{t('sites.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sites.site')}</th>
              <th scope="col">{t('sites.highlight')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('sites.actions')}</span>
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
                        aria-label={t('sites.newAddress', { site: siteRuleName(words, pattern) })}
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
                          {noticeText(words, editing.error)}
                        </p>
                      )}
                    </>
                  ) : (
                    siteName(words, pattern)
                  )}
                </th>
                <td>
                  <label class="switch">
                    <SwitchInput
                      checked={enabled}
                      label={t('panel.highlightOnSite', { site: siteName(words, pattern) })}
                      onToggle={(on) => onChange({ ...sites, [pattern]: on })}
                    />
                    <span aria-hidden="true">{enabled ? t('sites.on') : t('sites.off')}</span>
                  </label>
                </td>
                <td class="row-actions">
                  {editing?.pattern === pattern ? (
                    <>
                      <button type="button" onClick={saveEdit}>
                        {t('sites.save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('sites.cancel')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={t('sites.editSite', { site: siteRuleName(words, pattern) })}
                        onClick={() => setEditing({ pattern, text: pattern, error: null })}
                      >
                        {t('sites.edit')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('sites.removeSite', { site: siteRuleName(words, pattern) })}
                        onClick={() => {
                          const { [pattern]: _removed, ...rest } = sites;
                          onChange(rest);
                        }}
                      >
                        {t('sites.remove')}
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
