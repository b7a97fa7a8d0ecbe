// Serialises request parameters for the signed calls to the Glacier vault API.
const encodeRfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function toQuery(params) {
  const pairs = [];
  for (const name of Object.keys(params).sort()) pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(params[name])}`);
  return pairs.join('&');
}

module.exports = toQuery;
