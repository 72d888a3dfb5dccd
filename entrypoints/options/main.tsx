import { render } from 'preact';
import { OptionsPage } from '../../components/options-page';
import '../../components/panel.css';
import '../../components/entity-story.css';

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
