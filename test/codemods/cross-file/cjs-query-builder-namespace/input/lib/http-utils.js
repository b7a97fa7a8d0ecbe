// Small helpers for the signed calls to the Timestream query endpoint.
exports.buildQuery = function buildQuery(params) {
  return Object.keys(params).map((key) => key + '=' + encodeURIComponent(params[key])).join('&');
};

exports.userAgent = () => 'metrics-exporter/2.1';
