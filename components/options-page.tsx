import { BUNDLED_PACKS } from '../data/bundled-packs';
import type { StoryPack } from '../data/schema';
import { EntityDirectory } from './entity-directory';
import { useSettings } from './panel-data';
import { SettingsForm } from './settings-form';
import { StoryOverview } from './story-overview';

/** The options page: the reader's settings, the story Context Lens knows, and the names it highlights. */
export function OptionsPage() {
  const [settings, save] = useSettings();
  return (
    <main class="options">
      <header>
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>Context Lens</h1>
      </header>
      <p class="privacy">
        Everything Context Lens knows ships inside the extension. It reads pages only on your computer and sends nothing
        anywhere.
      </p>
      {settings !== null && <SettingsForm settings={settings} onChange={save} />}
      <StoryOverview pack={BUNDLED_PACKS[0] as StoryPack} />
      <EntityDirectory pack={BUNDLED_PACKS[0] as StoryPack} />
    </main>
  );
}
