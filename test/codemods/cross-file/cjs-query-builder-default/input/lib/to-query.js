// Serialises request parameters for the signed calls to the Glacier vault API.
function toQuery(params) {
  const pairs = [];
  for (const name of Object.keys(params)) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(params[name])}`);
  return pairs.join('&');
}

module.exports = toQuery;
