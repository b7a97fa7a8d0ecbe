// src/aws/canonical.mjs: pieces of the SigV4 canonical request for the metrics uploader.

export function canonicalQueryString(params) { // expect-across-files: sorted-canonical-query
  return Object.entries(params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

export const hashHex = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};
