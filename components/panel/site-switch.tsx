import type { Settings } from '../../engine/settings/settings';
import { siteIsOn, withSiteSwitched } from '../../engine/settings/settings';
import { type Site, siteKey } from '../../engine/settings/site-rules';
import { siteName } from '../site-name';
import { SwitchInput } from '../switch-input';
import { Spliced, useWords } from '../use-words';

interface SiteSwitchProps {
  settings: Settings;
  /** The page's site ("local files" for every file: page); null for pages without one (about:, data:). */
  site: Site | null;
  onChange(next: Settings): void;
}

/** "Highlight on example.com", and beside it Context Lens on or off everywhere. */
export function SiteSwitch({ settings, site, onChange }: SiteSwitchProps) {
  const words = useWords();
  const { t } = words;
  return (
    <div class="switches">
      {site !== null && (
        <label class="switch">
          <SwitchInput
            checked={siteIsOn(settings, site)}
            onToggle={(on) => onChange(withSiteSwitched(settings, site, on))}
          />
          <span>
            <Spliced message={(slot) => t('panel.highlightOnSite', { site: slot })}>
              <strong>{siteName(words, siteKey(site))}</strong>
            </Spliced>
          </span>
        </label>
      )}
      <label class="switch switch-global">
        <SwitchInput checked={settings.enabled} onToggle={(enabled) => onChange({ ...settings, enabled })} />
        <span>{t('panel.onEverywhere')}</span>
      </label>
    </div>
  );
}
