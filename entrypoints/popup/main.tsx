import { render } from 'preact';
import { PopupPanel } from '../../components/popup-panel';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import '../../components/entity-story.css';
import '../../components/panel.css';

render(<PopupPanel pack={BUNDLED_PACKS[0] as StoryPack} />, document.getElementById('app') as HTMLElement);
