import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The renderer's Content-Security-Policy, the same in serve mode and in the Electron window. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // AG Grid and ECharts set inline style attributes; no inline script is ever allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export const TOKEN_COOKIE = 'bluehelm_token';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The tokens a request presents: its Authorization header, (first load only) its query string, its cookie.
 * A cookie is per host, not per port, so after a restart the browser still sends the token of a serve
 * stopped earlier on 127.0.0.1 beside the address this run printed: the caller takes the first that matches.
 */
export function presentedTokens(req: IncomingMessage, url: URL): { token: string | null; via: 'bearer' | 'cookie' | 'query' }[] {
  const out: { token: string | null; via: 'bearer' | 'cookie' | 'query' }[] = [];
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return [{ token: auth.slice(7).trim(), via: 'bearer' }];
  const q = url.searchParams.get('token');
  if (q) out.push({ token: q, via: 'query' });
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  if (cookie) out.push({ token: decoded(cookie.slice(TOKEN_COOKIE.length + 1)), via: 'cookie' });
  return out;
}

export function tokenMatches(presented: string | null, expected: string): boolean {
  return presented !== null && sameToken(presented, expected);
}

/** Only our own origin, by IP or localhost: refuses DNS-rebinding hosts. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Percent-decoding that answers null for a malformed escape (a request error, never a server error). */
export function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Exactly application/json, any case, with parameters (charset) allowed: not application/jsonfoo. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}
