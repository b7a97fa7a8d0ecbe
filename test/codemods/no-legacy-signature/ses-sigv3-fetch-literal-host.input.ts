// SES SendEmail with a literal regional host, signed by hand with SigV3.
import { createHmac } from 'node:crypto';

const ENDPOINT = 'https://email.eu-west-1.amazonaws.com/';

export async function sendEmail(to: string, accessKeyId: string, secretAccessKey: string): Promise<Response> {
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', secretAccessKey).update(date).digest('base64');
  const body = `Action=SendEmail&Destination.ToAddresses.member.1=${encodeURIComponent(to)}`;
  // One POST to the Query API.
  return fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${accessKeyId},Algorithm=HmacSHA256,Signature=${signature}`,
    },
    body,
  });
}
