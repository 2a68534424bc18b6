/** The API token, asked for once and kept for this browser tab only. */
const KEY = 'haven-live.token';

export function readToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

/** The Authorization header value, or undefined when no token has been given. */
export function authorization(): string | undefined {
  const token = readToken();
  return token ? `Bearer ${token}` : undefined;
}
