import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Who may talk to haven-live, and how much one request may ask. */
export interface AccessSettings {
  /** When set, every GraphQL request, download and metrics scrape must carry it. */
  apiToken?: string;
  /** Browser origins (scheme://host[:port]) allowed besides the server's own. */
  allowedOrigins?: string[];
  /** Host names allowed in the Host header besides loopback and the address listened on. */
  allowedHosts?: string[];
  /** The address the server listens on. */
  listenHost?: string;
  /** Largest request body, in bytes (default 2 MB). */
  maxBodyBytes?: number;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** Whether an address to listen on is loopback only (then no token is needed). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The host name of a Host header, without its port, lower case; IPv6 keeps its brackets. */
function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The checks every request passes before GraphQL sees it: the Host header (DNS rebinding), the
 * Origin (other web sites the user visits), the API token, and the request's shape. Browsers attach
 * an Origin to every cross-site request that can change something; a request without one comes
 * from a program, which the token (when set) still has to let in.
 */
export class AccessPolicy {
  private readonly tokenDigest: Buffer | undefined;
  private readonly allowedOrigins: Set<string>;
  private readonly allowedHosts: Set<string>;
  readonly maxBodyBytes: number;

  constructor(private readonly settings: AccessSettings = {}) {
    this.tokenDigest = settings.apiToken ? digest(settings.apiToken) : undefined;
    this.allowedOrigins = new Set((settings.allowedOrigins ?? []).map(normalizeOrigin).filter((o): o is string => o !== undefined));
    const listen = settings.listenHost?.toLowerCase();
    const ownHosts = listen && !WILDCARD_HOSTS.has(listen) ? [listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen] : [];
    this.allowedHosts = new Set([...LOOPBACK_NAMES, ...ownHosts, ...(settings.allowedHosts ?? []).map((h) => h.trim().toLowerCase())]);
    this.maxBodyBytes = settings.maxBodyBytes ?? 2 * 1024 * 1024;
  }

  get requiresToken(): boolean {
    return this.tokenDigest !== undefined;
  }

  /** Origins that get CORS approval; none unless listed. */
  get corsOrigins(): string[] {
    return [...this.allowedOrigins];
  }

  /** Compares in constant time (digests of equal length, whatever was sent). */
  tokenMatches(authorization: unknown): boolean {
    if (!this.tokenDigest) return true;
    if (typeof authorization !== 'string') return false;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    return match !== null && timingSafeEqual(digest(match[1]), this.tokenDigest);
  }

  /**
   * The token a GraphQL operation carries in `extensions.headers`: GraphiQL's header editor sends
   * its headers that way over graphql-ws, with each operation, and none in connectionParams.
   */
  operationTokenMatches(extensions: unknown): boolean {
    const headers = (extensions as { headers?: unknown } | null | undefined)?.headers;
    if (!headers || typeof headers !== 'object') return this.tokenMatches(undefined);
    const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
    return this.tokenMatches(entry?.[1]);
  }

  /**
   * How a graphql-ws connection may open: `connection` with the token in its connectionParams;
   * `operations` for a page of an allowed origin (the Origin check has passed) that sent no
   * authorization at all, whose every operation must then carry the token itself; else refused.
   */
  webSocketAccess(connectionParams: Record<string, unknown> | undefined, req: IncomingMessage): 'connection' | 'operations' | undefined {
    if (this.tokenMatches(connectionParams?.authorization)) return 'connection';
    if (connectionParams?.authorization === undefined && req.headers.origin !== undefined) return 'operations';
    return undefined;
  }

  /** The Host and Origin checks that every request and WebSocket upgrade passes. */
  refuseBrowser(req: IncomingMessage): Refusal | undefined {
    const host = req.headers.host;
    if (!host || !this.allowedHosts.has(hostName(host))) {
      return { status: 421, code: 'HOST_NOT_ALLOWED', message: 'This host name is not served here: add it to HAVEN_ALLOWED_HOSTS' };
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const normalized = normalizeOrigin(origin);
      const own = [`http://${host.toLowerCase()}`, `https://${host.toLowerCase()}`];
      if (!normalized || (!own.includes(normalized) && !this.allowedOrigins.has(normalized))) {
        return { status: 403, code: 'ORIGIN_NOT_ALLOWED', message: 'Requests from other web sites are refused: add the origin to HAVEN_ALLOWED_ORIGINS' };
      }
      return undefined;
    }
    // No Origin: a program, or a browser's same-origin GET. A browser marks a cross-site one.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return { status: 403, code: 'ORIGIN_NOT_ALLOWED', message: 'Requests from other web sites are refused' };
    }
    return undefined;
  }

  /** Every check for a GraphQL request over HTTP (POST, GET, SSE). */
  refuseGraphQL(req: IncomingMessage): Refusal | undefined {
    const browser = this.refuseBrowser(req);
    if (browser) return browser;
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('application/json') && !type.startsWith('application/graphql')) {
        return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'POST a JSON body (content-type: application/json)' };
      }
      const length = req.headers['content-length'];
      if (length === undefined) return { status: 411, code: 'LENGTH_REQUIRED', message: 'Send a content-length' };
      if (Number(length) > this.maxBodyBytes) {
        return { status: 413, code: 'LIMIT_EXCEEDED', message: `The request body is over the limit of ${this.maxBodyBytes} bytes` };
      }
    }
    // GraphiQL's page itself carries nothing private; what it sends afterwards needs the token.
    if (req.method === 'GET' && isPagePlainRequest(req)) return undefined;
    if (!this.tokenMatches(req.headers.authorization)) {
      return { status: 401, code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <HAVEN_API_TOKEN>' };
    }
    return undefined;
  }

  /** Checks for a download: the token, or a signature made by `sign` that has not expired. */
  refuseDownload(req: IncomingMessage, url: URL): Refusal | undefined {
    const browser = this.refuseBrowser(req);
    if (browser) return browser;
    if (this.tokenMatches(req.headers.authorization) || this.signatureValid(url)) return undefined;
    return { status: 401, code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <HAVEN_API_TOKEN>, or use a signedDownloadPath' };
  }

  /** A path that works without the token until it expires (for a `<video src>`). */
  sign(path: string, ttlMs = 3_600_000, now = Date.now()): string {
    if (!this.settings.apiToken) return path;
    const expires = Math.floor((now + ttlMs) / 1000);
    return `${path}?expires=${expires}&signature=${this.signature(path, expires)}`;
  }

  private signatureValid(url: URL): boolean {
    if (!this.settings.apiToken) return true;
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') ?? '';
    if (!Number.isInteger(expires) || expires * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.signature(url.pathname, expires));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.settings.apiToken!).update(`${path}\n${expires}`).digest('base64url');
  }
}

function isPagePlainRequest(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && !(req.url ?? '').includes('?');
}

/** A refusal as the GraphQL-over-HTTP error body. */
export function refusalBody(refusal: Refusal): string {
  return JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}
