import { useSettings } from './panel-data';
import { SettingsForm } from './settings-form';
import { StoryShelf } from './story-shelf';
import { useStories } from './use-stories';

/** The options page: the reader's settings, and the stories Context Lens knows, each with the names it looks for. */
export function OptionsPage() {
  const [settings, save] = useSettings();
  const stories = useStories();
  return (
    <main class="options">
      <header>
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>Context Lens</h1>
      </header>
      <p class="privacy">
        Everything Context Lens knows ships inside the extension or comes from story packs you add. It reads pages only
        on your computer and sends nothing anywhere.
      </p>
      {settings !== null && <SettingsForm settings={settings} onChange={save} />}
      {settings !== null && stories !== null && <StoryShelf stories={stories} settings={settings} onChange={save} />}
    </main>
  );
}
