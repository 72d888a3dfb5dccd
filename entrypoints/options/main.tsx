import { render } from 'preact';
import { OptionsPage } from '../../components/options/options-page';
import { InReaderLanguage } from '../../components/use-words';
import '../../components/panel/panel.css';
import '../../components/story/entity-story.css';

render(
  <InReaderLanguage title={({ t }) => t('title.options')}>
    <OptionsPage />
  </InReaderLanguage>,
  document.getElementById('app') as HTMLElement,
);
