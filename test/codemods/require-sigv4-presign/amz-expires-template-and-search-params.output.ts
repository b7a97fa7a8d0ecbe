// Presigns downloads from the edge, where no SDK is available.

export function unsignedQuery(credential: string, date: string): string {
  return `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(credential)}&X-Amz-Date=${date}&X-Amz-Expires=604800&X-Amz-SignedHeaders=host`;
}

export function withExpiry(url: URL): URL {
  url.searchParams.set('X-Amz-Expires', "604800");
  return url;
}
