// Sends the welcome e-mail through the SES Query API, signed by hand as the 2014 SES docs showed.
import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const sesEndpoint = process.env.AWS_ENDPOINT_URL_SES ?? `https://email.${region}.amazonaws.com`;

export async function sendWelcomeEmail(to: string): Promise<string> {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', secretAccessKey).update(date).digest('base64');
  const body = new URLSearchParams({
    Action: 'SendEmail',
    Source: 'welcome@example.com',
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': 'Welcome aboard',
    'Message.Body.Text.Data': 'Thanks for signing up.',
  }).toString();

  const response = await fetch(`${sesEndpoint}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Date: date,
      'X-Amzn-Authorization': `AWS3-HTTPS AWSAccessKeyId=${accessKeyId},Algorithm=HmacSHA256,Signature=${signature}`,
    },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`SES SendEmail failed: ${response.status} ${text}`);
  return /<MessageId>([^<]*)<\/MessageId>/.exec(text)?.[1] ?? '';
}
