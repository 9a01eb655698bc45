import '@/components/common/interlinear.css';
import { mountView } from '@/components/app/mount-view';

await mountView('popup');
