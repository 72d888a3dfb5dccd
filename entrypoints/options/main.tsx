import { render } from 'preact';
import { OptionsPage } from '../../components/options-page';
import { InReaderLanguage } from '../../components/use-words';
import '../../components/panel.css';
import '../../components/entity-story.css';

render(
  <InReaderLanguage title={({ t }) => t('title.options')}>
    <OptionsPage />
  </InReaderLanguage>,
  document.getElementById('app') as HTMLElement,
);
