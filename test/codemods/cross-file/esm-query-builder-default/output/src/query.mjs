// Query strings for the AppSync and API Gateway calls; the partner feed needs its parameters in the order given.
export default function queryString(params) {
  return Object.keys(params)
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params[name])}`)
    .join('&');
}

export const withQuery = (url, params) => `${url}?${queryString(params)}`;
