// middleware/redact.js: request logging for the SES-compatible mail relay; auth headers never reach the logs.
'use strict';

const SENSITIVE = ['authorization', 'x-amzn-authorization', 'x-amz-security-token', 'cookie'];

function redactHeaders(headers) {
  const copy = Object.assign({}, headers);
  for (const name of SENSITIVE) {
    if (name in copy) copy[name] = '[redacted]';
  }
  return copy;
}

function describeAuth(headers) {
  if (headers['x-amzn-authorization']) return 'legacy-sigv3';
  const auth = headers.authorization || '';
  if (auth.startsWith('AWS4-HMAC-SHA256')) return 'sigv4';
  return auth ? 'other' : 'none';
}

module.exports = function requestLogger(logger) {
  return function (req, res, next) {
    const started = Date.now();
    if ('X-Amzn-Authorization' in req.headers) {
      logger.warn({ path: req.path }, 'client still sends a SigV3 header');
    }
    delete req.headers['X-Amzn-Authorization'];
    res.on('finish', () => {
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          auth: describeAuth(req.headers),
          headers: redactHeaders(req.headers),
          ms: Date.now() - started,
        },
        'request',
      );
    });
    next();
  };
};
