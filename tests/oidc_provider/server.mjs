// A real OpenID Connect provider (the certified `oidc-provider`) for the ESIA
// sign-in tests: tests/accounts/conftest.py starts it once per test session.
//
// Listens on 127.0.0.1 on a free port and prints one JSON line with its issuer.
// Environment: CLIENT_SECRET (required), REDIRECT_URIS (comma-separated, required).
//
// Signing in needs no browser: the authorization request's `login_hint` names an
// account of accounts.json ("deny" refuses consent), and consent is automatic.
// Clients other than `kazan` misbehave on purpose so that the relying party's
// checks meet a real token endpoint: see TAMPERED_CLIENTS.
import { readFileSync } from 'node:fs';
import http from 'node:http';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const CLIENT_SECRET = process.env.CLIENT_SECRET;
const REDIRECT_URIS = (process.env.REDIRECT_URIS || '').split(',').filter(Boolean);
if (!CLIENT_SECRET || !REDIRECT_URIS.length) {
  console.error('CLIENT_SECRET and REDIRECT_URIS are required');
  process.exit(2);
}

const ACCOUNTS = JSON.parse(readFileSync(new URL('./accounts.json', import.meta.url)));
const ACCOUNTS_BY_SUB = Object.fromEntries(
  Object.values(ACCOUNTS).map((account) => [account.sub, account]),
);

// Client id -> how its ID tokens are spoiled after the provider issued them.
const TAMPERED_CLIENTS = {
  'kazan-wrong-audience': (claims) => ({ ...claims, aud: 'another-site' }),
  'kazan-wrong-issuer': (claims) => ({ ...claims, iss: 'https://impostor.example.org' }),
  'kazan-expired': (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return { ...claims, iat: now - 7200, exp: now - 3600 };
  },
  // Signed with a key the provider does not publish, under the published key id.
  'kazan-bad-signature': (claims) => claims,
};

const signingKey = await generateKeyPair('RS256', { extractable: true });
const foreignKey = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(signingKey.privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

const client = (clientId, extra = {}) => ({
  client_id: clientId,
  client_secret: CLIENT_SECRET,
  redirect_uris: REDIRECT_URIS,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  ...extra,
});

const configuration = {
  clients: [
    client('kazan'),
    // For an adapter that sends the secret in the request body, as ESIA does.
    client('kazan-post', { token_endpoint_auth_method: 'client_secret_post' }),
    ...Object.keys(TAMPERED_CLIENTS).map((clientId) => client(clientId)),
  ],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['kazan-test-cookie-key'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  claims: {
    openid: ['sub', 'trusted', 'kind'],
    fullname: ['family_name', 'given_name', 'middle_name', 'name'],
    birthdate: ['birthdate'],
    addresses: ['address'],
    email: ['email', 'email_verified'],
    organization: ['organisation_name', 'ogrn'],
  },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 600,
    Session: 600,
    Grant: 600,
  },
  async findAccount(ctx, sub) {
    const account = ACCOUNTS_BY_SUB[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ ...account }) };
  },
};

// Finishes each interaction at once: login from `login_hint`, then full consent.
async function interact(provider, ctx) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params } = details;
  let result;
  if (prompt.name === 'login') {
    const account = ACCOUNTS[params.login_hint];
    if (params.login_hint === 'deny' || !account) {
      result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
    } else {
      result = { login: { accountId: account.sub } };
    }
  } else {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    result = { consent: { grantId: await grant.save() } };
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: prompt.name !== 'login',
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function tamper(ctx) {
  const spoil = TAMPERED_CLIENTS[ctx.oidc?.client?.clientId];
  if (!spoil || ctx.status !== 200 || !ctx.body?.id_token) return;
  const [, payload] = ctx.body.id_token.split('.');
  const claims = spoil(JSON.parse(Buffer.from(payload, 'base64url')));
  const key = ctx.oidc.client.clientId === 'kazan-bad-signature'
    ? foreignKey.privateKey
    : signingKey.privateKey;
  ctx.body.id_token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'JWT' })
    .sign(key);
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (ctx, error) => console.error('server_error', error));

  provider.use(async (ctx, next) => {
    if (ctx.path.startsWith('/interaction/')) {
      await interact(provider, ctx);
      return;
    }
    // Broken providers, for the relying party's error pages.
    if (ctx.path === '/broken/.well-known/openid-configuration') {
      ctx.type = 'text/html';
      ctx.body = '<html><body>Service temporarily unavailable</body></html>';
      return;
    }
    if (ctx.path === '/hanging/.well-known/openid-configuration') {
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      ctx.body = {};
      return;
    }
    await next();
    if (ctx.path === '/token') await tamper(ctx);
  });

  server.on('request', provider.callback());
  console.log(JSON.stringify({ issuer }));
});

// The test session owns this process: end with it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
