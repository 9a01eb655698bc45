// @vitest-environment node
// IBM Cloud IAM tokens: asked for once, kept, and asked for again before they expire.
import { describe, expect, it } from 'vitest';
import { IamKeyRefused, IamTokenSource } from '../../utils/sync/credentials';

/** An IAM token endpoint answering as IBM's does (form POST, access_token and expires_in). */
function tokenEndpoint(lifetimeSeconds: number) {
  const asked: string[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    const form = new URLSearchParams(String(init?.body));
    asked.push(form.get('apikey') ?? '');
    if (form.get('apikey') !== 'good-key') {
      return new Response(JSON.stringify({ errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found.' }), { status: 400 });
    }
    return new Response(JSON.stringify({ access_token: `token-${asked.length}`, expires_in: lifetimeSeconds, token_type: 'Bearer' }), { status: 200 });
  };
  return { fetch, asked };
}

describe('IAM tokens', () => {
  it('are kept between requests and fetched again at 80% of their life', async () => {
    let now = 0;
    const endpoint = tokenEndpoint(3600);
    const source = new IamTokenSource('good-key', { fetch: endpoint.fetch, now: () => now });
    expect(await source.header()).toBe('Bearer token-1');
    now = 2_000_000; // 33 minutes
    expect(await source.header()).toBe('Bearer token-1');
    now = 2_900_000; // past 48 minutes: the token is renewed before it can expire mid-sync
    expect(await source.header()).toBe('Bearer token-2');
    expect(endpoint.asked).toEqual(['good-key', 'good-key']);
  });

  it('says when IAM refuses the key, in IAM’s words', async () => {
    const source = new IamTokenSource('no-such-key', { fetch: tokenEndpoint(3600).fetch });
    await expect(source.header()).rejects.toThrow(IamKeyRefused);
    await expect(source.header()).rejects.toThrow(/Provided API key could not be found\. \(BXNIM0415E\)/);
  });
});
