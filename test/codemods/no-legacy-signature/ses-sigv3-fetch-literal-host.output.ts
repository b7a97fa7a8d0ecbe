// SES SendEmail with a literal regional host, signed by hand with SigV3.
import { signRequest } from 'sigv4-migrate/sigv4';

const ENDPOINT = 'https://email.eu-west-1.amazonaws.com/';

export async function sendEmail(to: string, accessKeyId: string, secretAccessKey: string): Promise<Response> {
  const body = `Action=SendEmail&Destination.ToAddresses.member.1=${encodeURIComponent(to)}`;
  const signed = signRequest({
    method: 'POST',
    url: ENDPOINT,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  }, { service: 'ses', region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey } });
  // One POST to the Query API.
  return fetch(signed.url, {
    method: 'POST',
    headers: signed.headers,
    body,
  });
}
