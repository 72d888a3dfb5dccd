import { useState } from 'preact/hooks';
import { ENTITY_KINDS } from '../data/schema';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings } from '../engine/settings';
import { exportSettings, importSettings } from '../engine/settings-file';
import { hasSidePanel } from '../platform/side-panel';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';
import { JsonFileButton } from './json-file-button';
import { SiteListEditor } from './site-list-editor';
import { SwitchInput } from './switch-input';

interface SettingsFormProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** The options page's settings: where to highlight, what, how the card opens, and settings as a file. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <p class="note">Changes apply at once, in every open tab.</p>

      <fieldset>
        <legend>Where Context Lens highlights</legend>
        <label class="choice">
          <SwitchInput checked={settings.enabled} onToggle={(enabled) => onChange({ ...settings, enabled })} />
          Context Lens is on
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'everywhere-except'}
            onChange={() => onChange({ ...settings, mode: 'everywhere-except' })}
          />
          On every site, except the sites switched off below
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={settings.mode === 'only-listed'}
            onChange={() => onChange({ ...settings, mode: 'only-listed' })}
          />
          Only on the sites switched on below
        </label>
        <SiteListEditor
          sites={settings.sites}
          mode={settings.mode}
          onChange={(sites) => onChange({ ...settings, sites })}
        />
      </fieldset>

      <fieldset>
        <legend>What it highlights</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} class="choice" style={{ '--kind-colour': KIND_NAME_AND_COLOUR[kind].colour }}>
            <input
              type="checkbox"
              checked={settings.kinds[kind]}
              onChange={(event) =>
                onChange({ ...settings, kinds: { ...settings.kinds, [kind]: event.currentTarget.checked } })
              }
            />
            <span class="kind">{KIND_NAME_AND_COLOUR[kind].plural}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Highlight colours</legend>
        <label class="choice">
          <input
            type="radio"
            name="highlight-by"
            checked={settings.highlightBy === 'kind'}
            onChange={() => onChange({ ...settings, highlightBy: 'kind' })}
          />
          Each kind of name in its own colour
        </label>
        <label class="choice">
          <input
            type="radio"
            name="highlight-by"
            checked={settings.highlightBy === 'story'}
            onChange={() => onChange({ ...settings, highlightBy: 'story' })}
          />
          Each story in its own colour, chosen under Stories
        </label>
      </fieldset>

      <fieldset>
        <legend>The card</legend>
        <label for="hover-delay">Open the card after the pointer rests on a name for</label>
        <div class="delay-row">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={settings.hoverDelayMs}
            aria-valuetext={`${settings.hoverDelayMs} milliseconds`}
            onChange={(event) => onChange({ ...settings, hoverDelayMs: Number(event.currentTarget.value) })}
          />
          <output for="hover-delay">{settings.hoverDelayMs} ms</output>
        </div>
      </fieldset>

      <ToolbarChoice settings={settings} onChange={onChange} />

      <SettingsFile settings={settings} onImport={onChange} />
    </section>
  );
}

/** What the toolbar button opens. A browser without a side panel keeps the popup, and says so. */
function ToolbarChoice({ settings, onChange }: SettingsFormProps) {
  const beside = hasSidePanel();
  return (
    <fieldset>
      <legend>The toolbar button opens</legend>
      <label class="choice">
        <input
          type="radio"
          name="toolbar-opens"
          checked={settings.toolbarOpens === 'popup' || !beside}
          onChange={() => onChange({ ...settings, toolbarOpens: 'popup' })}
        />
        The panel, which closes when you click the page
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
        The side panel, which stays open beside the page and follows your tabs
      </label>
      {!beside && (
        <p id="no-side-panel" class="note">
          This browser has no side panel, so the button opens the panel.
        </p>
      )}
    </fieldset>
  );
}

/** Export to a JSON file, and import one: all or nothing, with the reasons when it is refused. */
function SettingsFile({ settings, onImport }: { settings: Settings; onImport(next: Settings): void }) {
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
      setResult({ ok: false, lines: imported.errors });
    } else {
      onImport(imported.settings);
      setResult({ ok: true, lines: ['Settings imported.'] });
    }
  };

  return (
    <fieldset>
      <legend>Settings file</legend>
      <div class="file-row">
        <button type="button" onClick={download}>
          Export settings
        </button>
        <JsonFileButton label="Import settings…" onFile={(file) => void read(file)} />
      </div>
      {result !== null && (
        <div class={result.ok ? 'import-ok' : 'import-errors'} role={result.ok ? 'status' : 'alert'}>
          {!result.ok && <p>Nothing was changed. The file was refused because:</p>}
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
