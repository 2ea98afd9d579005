export { AppLayout, mainContentId } from './app-layout';
