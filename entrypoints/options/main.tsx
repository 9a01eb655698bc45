import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/interlinear.css';

render(<OptionsPage />, document.getElementById('app')!);
