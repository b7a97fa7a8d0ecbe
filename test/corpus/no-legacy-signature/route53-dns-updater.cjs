// Dynamic DNS for the office VPN box: keeps an A record in Route 53 pointing at our public IP.
'use strict';

const https = require('https');
const aws3 = require('aws3'); // expect: no-legacy-signature

const ZONE_ID = process.env.HOSTED_ZONE_ID;
const RECORD = process.env.RECORD_NAME || 'vpn.example.com.';
const API = '/2013-04-01';

function changeBatch(ip) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">',
    '<ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet>',
    `<Name>${RECORD}</Name><Type>A</Type><TTL>60</TTL>`,
    `<ResourceRecords><ResourceRecord><Value>${ip}</Value></ResourceRecord></ResourceRecords>`,
    '</ResourceRecordSet></Change></Changes></ChangeBatch>',
    '</ChangeResourceRecordSetsRequest>',
  ].join('');
}

function publicIp() {
  return new Promise((resolve, reject) => {
    https
      .get('https://checkip.amazonaws.com/', (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body.trim()));
      })
      .on('error', reject);
  });
}

function upsert(ip) {
  const body = changeBatch(ip);
  const opts = {
    service: 'route53',
    method: 'POST',
    path: `${API}/hostedzone/${ZONE_ID}/rrset`,
    body,
    headers: { 'Content-Type': 'text/xml' },
  };
  aws3.sign(opts, {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  });
  return new Promise((resolve, reject) => {
    const req = https.request(opts, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`Route 53: ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run() {
  const ip = await publicIp();
  await upsert(ip);
  console.log(`${RECORD} -> ${ip}`);
}

if (require.main === module) {
  run().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

module.exports = { upsert, changeBatch };
