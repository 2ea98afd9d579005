export { AppShell } from './app-shell';
export { ConnectPage } from './connect-page';
export { DisconnectDialog } from './disconnect-dialog';
export { IntegrationsPage } from './integrations-page';
export { SettingsPage } from './settings-page';
export { SignInPage } from './sign-in-page';
