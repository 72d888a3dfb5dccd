import type { Settings } from '../engine/settings';
import { siteIsOn, withSiteSwitched } from '../engine/settings';
import { type Site, siteKey } from '../engine/site-rules';

interface SiteSwitchProps {
  settings: Settings;
  /** The page's site; null for pages without one (local files, about: pages). */
  site: Site | null;
  onChange(next: Settings): void;
}

/** "Highlight on example.com", and beside it Context Lens on or off everywhere. */
export function SiteSwitch({ settings, site, onChange }: SiteSwitchProps) {
  return (
    <div class="switches">
      {site !== null && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteIsOn(settings, site)}
            aria-checked={siteIsOn(settings, site)}
            onChange={(event) => onChange(withSiteSwitched(settings, site, event.currentTarget.checked))}
          />
          <span>
            Highlight on <strong>{siteKey(site)}</strong>
          </span>
        </label>
      )}
      <label class="switch switch-global">
        <input
          type="checkbox"
          role="switch"
          checked={settings.enabled}
          aria-checked={settings.enabled}
          onChange={(event) => onChange({ ...settings, enabled: event.currentTarget.checked })}
        />
        <span>On everywhere</span>
      </label>
    </div>
  );
}
