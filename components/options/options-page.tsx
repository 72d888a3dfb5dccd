import { useSettings } from '../panel/panel-data';
import { SaveFailure } from '../panel/save-failure';
import { useStories } from '../story/use-stories';
import { useWords } from '../use-words';
import { SettingsForm } from './settings-form';
import { StoryShelf } from './shelf-editor';

/** The options page: the reader's settings, and the stories Context Lens knows, each with the names it looks for. */
export function OptionsPage() {
  const { t } = useWords();
  const [settings, save, saveFailure] = useSettings();
  const stories = useStories();
  return (
    <main class="options">
      <header>
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('manifest.name')}</h1>
      </header>
      <p class="privacy">{t('options.privacy')}</p>
      <SaveFailure reason={saveFailure} />
      {settings !== null && <SettingsForm settings={settings} onChange={save} />}
      {settings !== null && stories !== null && <StoryShelf stories={stories} settings={settings} onChange={save} />}
    </main>
  );
}
