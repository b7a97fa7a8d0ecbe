export function canonicalRequest(host, queue, payloadHash) {
  const query = 'Action=ReceiveMessage&QueueUrl=' + encodeURIComponent(queue) + '&MaxNumberOfMessages=10';
  return ['GET', '/', query, `host:${host}\n`, 'host', payloadHash].join('\n');
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
