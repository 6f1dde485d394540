// Process entry of the local OpenID Connect provider, spawned by `npm run server` as its own
// child process (so it can be stopped, and replaced by a real IdP, independently of the API).
//   OIDC_PORT            port on 127.0.0.1 (default 8788)
//   OIDC_ISSUER          issuer URL (default http://127.0.0.1:<OIDC_PORT>)
//   OIDC_AUDIENCE        the API's audience / resource indicator (default urn:trygghetskartan:api)
//   OIDC_CLIENT_ID       the browser app's client id (default trygghetskartan-web)
//   OIDC_REDIRECT_URIS   comma-separated redirect URIs of the browser app (default http://localhost:8787/)
//   NODE_ENV             must be development or test (the test accounts' password is public)
// Prints `oidc ready <issuer>` once it accepts requests; the parent waits for that line.
import { DEV_AUDIENCE, DEV_CLIENT_ID, startDevProvider } from './oidcProvider';

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.OIDC_PORT ?? 8788);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`OIDC_PORT is not a port number: ${env.OIDC_PORT}`);
  const redirectUris = (env.OIDC_REDIRECT_URIS ?? 'http://localhost:8787/')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);

  const provider = await startDevProvider({
    port,
    issuer: env.OIDC_ISSUER || undefined,
    audience: env.OIDC_AUDIENCE || DEV_AUDIENCE,
    clients: [{ client_id: env.OIDC_CLIENT_ID || DEV_CLIENT_ID, redirect_uris: redirectUris }],
  });
  console.log(`oidc ready ${provider.issuer}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    provider.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('oidc dev provider: stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
