// twitter.js: OAuth 1.0a request signing for a legacy Twitter integration. Not AWS: the base string
// joins method, URL and parameters with '&', and nothing here is SigV4.
import crypto from 'node:crypto';

function percentEncode(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function oauthHeader(method, url, params, consumer, token) {
  const oauth = {
    oauth_consumer_key: consumer.key,
    oauth_nonce: crypto.randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: Math.floor(Date.now() / 1000).toString(),
    oauth_token: token.key,
    oauth_version: '1.0',
  };
  const all = { ...params, ...oauth };
  const paramString = Object.keys(all).map((k) => `${percentEncode(k)}=${percentEncode(all[k])}`).join('&');
  const baseString = [method.toUpperCase(), percentEncode(url), percentEncode(paramString)].join('&');
  const signingKey = `${percentEncode(consumer.secret)}&${percentEncode(token.secret)}`;
  oauth.oauth_signature = crypto.createHmac('sha1', signingKey).update(baseString).digest('base64');
  return 'OAuth ' + Object.keys(oauth).map((k) => `${percentEncode(k)}="${percentEncode(oauth[k])}"`).join(', ');
}

export function searchUrl(query, lang) {
  return 'https://api.twitter.com/1.1/search/tweets.json?q=' + encodeURIComponent(query) + '&lang=' + lang + '&count=100';
}
