// The query string of a request to an AWS API, as its SigV4 signature covers it.
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name]!)}`)
    .join('&');
}
