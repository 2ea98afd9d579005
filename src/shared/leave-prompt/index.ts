export { LeavePrompt } from './leave-prompt';
