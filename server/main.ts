import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let app: Awaited<ReturnType<typeof buildApp>>;
  let address: string;
  try {
    app = await buildApp(config);
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      console.error(`Port ${config.port} on ${config.host} is already in use: set PORT to another one.`);
    else if (code === 'EACCES')
      console.error(`No permission to listen on ${config.host}:${config.port} or to write ${config.dataDir}.`);
    else console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { tokensFile: credentialsFile, pagerDutyEventsUrl, staticDir } = app.startup;
  console.log(`Qualytics reference server listening at ${address} (public URL ${config.publicUrl})`);
  console.log(
    config.pagerDutyEventsUrl
      ? `PagerDuty events go to ${pagerDutyEventsUrl()}`
      : `PagerDuty events go to the built-in simulator at ${pagerDutyEventsUrl()} (set PAGERDUTY_EVENTS_URL for the real service)`,
  );
  if (!staticDir) console.log(`No built SPA at ${config.staticDir}: run "npm run build" to serve the console here.`);
  // Only the file's path is printed: the credentials themselves never reach a terminal or a log.
  if (credentialsFile) {
    console.log(
      `Sign-in credentials were generated for Admin, Manager and Member: see ${credentialsFile} (readable by you only).`,
    );
  }

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal} received, shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

await main();
