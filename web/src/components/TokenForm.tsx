import { useState } from 'react';

/** Asked once per tab when the server wants its API token. */
export function TokenForm({ onSubmit }: { onSubmit(token: string): void }) {
  const [token, setToken] = useState('');
  return (
    <form
      className="token"
      data-testid="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) onSubmit(token);
      }}
    >
      <label>
        API token (HAVEN_API_TOKEN)
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="token-input" autoFocus />
      </label>
      <button type="submit" data-testid="token-submit">
        Use token
      </button>
    </form>
  );
}
