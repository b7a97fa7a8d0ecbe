// sigv4-migrate 0.1.0 SigV4 helper (vendored; a later run reuses a file that starts with this line)
// the SigV4 helper, ts flavour
