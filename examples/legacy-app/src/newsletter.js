// Sends the monthly newsletter through SES with a small mailer in the constructor-and-prototype style
// of 2013 SES clients: the HMAC and the date live on the instance, send() posts the request.
import { createHmac } from 'node:crypto';

const region = process.env.AWS_REGION ?? 'us-east-1';
const endpoint = process.env.AWS_ENDPOINT_URL_SES ?? `https://email.${region}.amazonaws.com`;

export function Newsletter(options) {
  this.key = options.key;
  this.secret = options.secret;
  this.endpoint = options.endpoint || endpoint;
  this.date = new Date().toUTCString();
}

Newsletter.prototype.signature = function () {
  return createHmac('sha256', this.secret).update(this.date).digest('base64');
};

Newsletter.prototype.headers = function () {
  var headers = {};
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  headers.Date = this.date;
  headers['X-Amzn-Authorization'] = 'AWS3-HTTPS AWSAccessKeyId=' + this.key + ', Algorithm=HmacSHA256, Signature=' + this.signature();
  return headers;
};

Newsletter.prototype.send = async function (to, subject, text) {
  var body = new URLSearchParams({ Action: 'SendEmail', Source: 'news@example.com', 'Destination.ToAddresses.member.1': to, 'Message.Subject.Data': subject, 'Message.Body.Text.Data': text }).toString();
  var response = await fetch(this.endpoint + '/', { method: 'POST', headers: this.headers(), body: body });
  var reply = await response.text();
  if (!response.ok) throw new Error('SES SendEmail failed: ' + response.status + ' ' + reply);
  return reply;
};

export function sendNewsletter(to) {
  var newsletter = new Newsletter({ key: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY });
  return newsletter.send(to, 'November news', 'What shipped this month.');
}
