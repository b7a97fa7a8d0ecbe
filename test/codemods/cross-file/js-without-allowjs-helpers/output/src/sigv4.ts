// sigv4-migrate 0.1.0 SigV4 helper (vendored; a later run reuses a file that starts with this line)
// A stand-in for the SigV4 helper (ts).
export const canonicalQueryString = (query: string) => query;
