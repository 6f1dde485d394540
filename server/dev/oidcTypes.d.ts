// oidc-provider 9 ships no type declarations (and @types/oidc-provider is not installed), so this
// describes only the part of its API that server/dev/ uses. Contexts the callbacks receive are
// typed `unknown` because our callbacks never read them.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  export type Claims = Record<string, unknown>;

  export interface Account {
    accountId: string;
    /** `use` is "id_token" or "userinfo"; oidc-provider masks the result by the granted scopes. */
    claims(use: string, scope: string): Claims | Promise<Claims>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_name?: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    application_type?: 'web' | 'native';
    token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
    grant_types?: string[];
    response_types?: string[];
  }

  /** The runtime client object handed to policy helpers. */
  export interface Client {
    clientId: string;
    clientAuthMethod: string;
    applicationType: string;
    redirectUris: string[];
    grantTypeAllowed(type: string): boolean;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  /** The token being issued, as far as extraTokenClaims reads it. */
  export interface IssuedToken {
    kind: string;
    accountId?: string;
  }

  /** The Koa context as far as the page renderers use it. */
  export interface PageContext {
    type: string;
    body: unknown;
    oidc?: { params?: Record<string, unknown> };
  }

  export interface Configuration {
    clients: ClientMetadata[];
    jwks: { keys: JWK[] };
    cookies: { keys: string[] };
    findAccount(ctx: unknown, sub: string, token?: unknown): Promise<Account | undefined>;
    claims: Record<string, string[] | null>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    features: {
      devInteractions?: { enabled: boolean };
      userinfo?: { enabled: boolean };
      revocation?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?(ctx: PageContext, form: string): Promise<void>;
        postLogoutSuccessSource?(ctx: PageContext): Promise<void>;
      };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource(ctx: unknown, client: Client, oneOf?: string[]): Promise<string | string[] | undefined>;
        getResourceServerInfo(ctx: unknown, resourceIndicator: string, client: Client): Promise<ResourceServerInfo>;
        useGrantedResource(ctx: unknown, model: unknown): Promise<boolean>;
      };
    };
    clientBasedCORS?(ctx: unknown, origin: string, client: Client): boolean;
    extraTokenClaims?(ctx: unknown, token: IssuedToken): Promise<Claims | undefined>;
    issueRefreshToken?(ctx: unknown, client: Client, code: unknown): Promise<boolean>;
    interactions?: { url(ctx: unknown, interaction: { uid: string }): string | Promise<string> };
    pkce?: { required(ctx: unknown, client: Client): boolean };
    ttl?: Record<string, number>;
    responseTypes?: string[];
    renderError?(ctx: PageContext, out: Record<string, unknown>, error: Error): Promise<void>;
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown> & { client_id: string };
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; amr?: string[] };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    proxy: boolean;
    /** The Koa request listener, for a plain node:http server. */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly status: number;
      readonly error: string;
      readonly error_description?: string;
    }
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
    class InvalidRequest extends OIDCProviderError {
      constructor(description?: string);
    }
    class SessionNotFound extends InvalidRequest {}
  }

  export default Provider;
}
