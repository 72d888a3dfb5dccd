import { useState } from 'preact/hooks';
import { ENTITY_KINDS } from '../../data/schema';
import {
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  LANGUAGE_CHOICES,
  MARK_DENSITIES,
  type MarkDensity,
  type Settings,
} from '../../engine/settings/settings';
import { exportSettings, importSettings } from '../../engine/settings/settings-file';
import { logFailure } from '../../platform/log-failure';
import { hasSidePanel } from '../../platform/side-panel';
import { noticeText } from '../../platform/words/notice-text';
import { wordsFor } from '../../platform/words/words';
import { KIND_COLOUR } from '../entity-kinds';
import { SwitchInput } from '../switch-input';
import { useWords } from '../use-words';
import { JsonFileButton } from './json-file-button';
import { SiteListEditor } from './site-list-editor';

interface SettingsFormProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** The options page's settings: where to highlight, what, how the card opens, and settings as a file. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const { t } = useWords();
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options.settings')}</h2>
      <p class="note">{t('options.applyAtOnce')}</p>

      <InterfaceLanguage settings={settings} onChange={onChange} />

      <fieldset>
        <legend>{t('options.where')}</legend>
        <label class="choice">
          <SwitchInput checked={settings.enabled} onToggle={(enabled) => onChange({ ...settings, enabled })} />
          {t('options.isOn')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'everywhere-except'}
            onChange={() => onChange({ ...settings, mode: 'everywhere-except' })}
          />
          {t('options.everywhereExcept')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'only-listed'}
            onChange={() => onChange({ ...settings, mode: 'only-listed' })}
          />
          {t('options.onlyListed')}
        </label>
        <SiteListEditor
          sites={settings.sites}
          mode={settings.mode}
          onChange={(sites) => onChange({ ...settings, sites })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('options.what')}</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} class="choice" style={{ '--kind-colour': KIND_COLOUR[kind] }}>
            <input
              type="checkbox"
              checked={settings.kinds[kind]}
              onChange={(event) =>
                onChange({ ...settings, kinds: { ...settings.kinds, [kind]: event.currentTarget.checked } })
              }
            />
            <span class="kind">{t(`kinds.${kind}`)}</span>
          </label>
        ))}
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.commonNamesEverywhere}
            aria-describedby="common-names-note"
            onChange={(event) => onChange({ ...settings, commonNamesEverywhere: event.currentTarget.checked })}
          />
          {t('options.commonNamesEverywhere')}
        </label>
        <p id="common-names-note" class="note">
          {t('options.commonNamesNote')}
        </p>
      </fieldset>

      <DensityChoice settings={settings} onChange={onChange} />

      <fieldset>
        <legend>{t('options.colours')}</legend>
        <label class="choice">
          <input
            type="radio"
            name="highlight-by"
            checked={settings.highlightBy === 'kind'}
            onChange={() => onChange({ ...settings, highlightBy: 'kind' })}
          />
          {t('options.byKind')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="highlight-by"
            checked={settings.highlightBy === 'story'}
            onChange={() => onChange({ ...settings, highlightBy: 'story' })}
          />
          {t('options.byStory')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('options.card')}</legend>
        <label for="hover-delay">{t('options.delay')}</label>
        <div class="delay-row">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={settings.hoverDelayMs}
            aria-valuetext={t('options.milliseconds', { ms: settings.hoverDelayMs })}
            onChange={(event) => onChange({ ...settings, hoverDelayMs: Number(event.currentTarget.value) })}
          />
          <output for="hover-delay">{t('options.ms', { ms: settings.hoverDelayMs })}</output>
        </div>
      </fieldset>

      <ToolbarChoice settings={settings} onChange={onChange} />

      <SettingsFile settings={settings} onImport={onChange} />
    </section>
  );
}

const DENSITY_WORDS = {
  'every-mention': 'options.densityEveryMention',
  'first-in-section': 'options.densityFirstInSection',
  'first-on-page': 'options.densityFirstOnPage',
} as const satisfies Record<MarkDensity, string>;

/** Which of an entity's mentions are marked; the note says the others are still there. */
function DensityChoice({ settings, onChange }: SettingsFormProps) {
  const { t } = useWords();
  return (
    <fieldset aria-describedby="density-note">
      <legend>{t('options.density')}</legend>
      {MARK_DENSITIES.map((density) => (
        <label key={density} class="choice">
          <input
            type="radio"
            name="density"
            value={density}
            checked={settings.density === density}
            onChange={() => onChange({ ...settings, density })}
          />
          {t(DENSITY_WORDS[density])}
        </label>
      ))}
      <p id="density-note" class="note">
        {t('options.densityNote')}
      </p>
    </fieldset>
  );
}

/** What the toolbar button opens. A browser without a side panel keeps the popup, and says so. */
function ToolbarChoice({ settings, onChange }: SettingsFormProps) {
  const { t } = useWords();
  const beside = hasSidePanel();
  return (
    <fieldset>
      <legend>{t('options.toolbar')}</legend>
      <label class="choice">
        <input
          type="radio"
          name="toolbar-opens"
          checked={settings.toolbarOpens === 'popup' || !beside}
          onChange={() => onChange({ ...settings, toolbarOpens: 'popup' })}
        />
        {t('options.toolbarPopup')}
      </label>
      <label class="choice">
        <input
          type="radio"
          name="toolbar-opens"
          disabled={!beside}
          aria-describedby={beside ? undefined : 'no-side-panel'}
          checked={settings.toolbarOpens === 'side-panel' && beside}
          onChange={() => onChange({ ...settings, toolbarOpens: 'side-panel' })}
        />
        {t('options.toolbarSidePanel')}
      </label>
      {!beside && (
        <p id="no-side-panel" class="note">
          {t('options.noSidePanel')}
        </p>
      )}
    </fieldset>
  );
}

/** Export to a JSON file, and import one: all or nothing, with the reasons when it is refused. */
function SettingsFile({ settings, onImport }: { settings: Settings; onImport(next: Settings): void }) {
  const words = useWords();
  const { t } = words;
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'context-lens-settings.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const read = async (file: File | undefined) => {
    if (file === undefined) return;
    const imported = importSettings(await file.text());
    if ('errors' in imported) {
      setResult({ ok: false, lines: imported.errors.map((error) => noticeText(words, error)) });
    } else {
      onImport(imported.settings);
      setResult({ ok: true, lines: [t('options.imported')] });
    }
  };

  return (
    <fieldset>
      <legend>{t('options.settingsFile')}</legend>
      <div class="file-row">
        <button type="button" onClick={download}>
          {t('options.export')}
        </button>
        <JsonFileButton
          label={t('options.import')}
          onFile={(file) => logFailure(read(file), 'read the settings file')}
        />
      </div>
      {result !== null && (
        <div class={result.ok ? 'import-ok' : 'import-errors'} role={result.ok ? 'status' : 'alert'}>
          {!result.ok && <p>{t('options.refusedBecause')}</p>}
          <ul>
            {result.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

/**
 * The interface's language: as the browser, or one of ours. Each language is
 * named in its own words, so a reader who cannot read the current one still
 * finds theirs.
 */
function InterfaceLanguage({ settings, onChange }: SettingsFormProps) {
  const { t } = useWords();
  const browserWords = wordsFor('browser');
  return (
    <fieldset>
      <legend>{t('options.language')}</legend>
      {LANGUAGE_CHOICES.map((choice) => (
        <label key={choice} class="choice">
          <input
            type="radio"
            name="language"
            checked={settings.language === choice}
            onChange={() => onChange({ ...settings, language: choice })}
          />
          {choice === 'browser' ? (
            t('options.languageBrowser', { language: browserWords.t('languageName') })
          ) : (
            <span lang={wordsFor(choice).locale}>{wordsFor(choice).t('languageName')}</span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
