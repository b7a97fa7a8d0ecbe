// Small helpers for the signed calls to the Timestream query endpoint.
const encodeRfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

exports.buildQuery = function buildQuery(params) {
  return Object.keys(params).sort().map((key) => key + '=' + encodeRfc3986(params[key])).join('&');
};

exports.userAgent = () => 'metrics-exporter/2.1';
