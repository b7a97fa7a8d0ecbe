// src/webhooks/hubspot.ts: verifies HubSpot webhook calls (their "v3" signature scheme, not AWS's).
import { Signature } from '@hubspot/api-client';
import CryptoJS from 'crypto-js';
import type { Request } from 'express';

const MAX_AGE_MS = 5 * 60 * 1000;

export function isValidHubspotCall(req: Request, clientSecret: string): boolean {
  const signature = req.header('x-hubspot-signature-v3');
  const timestamp = Number(req.header('x-hubspot-request-timestamp'));
  if (!signature || !timestamp || Date.now() - timestamp > MAX_AGE_MS) return false;
  return Signature.isValid({
    signatureVersion: 'v3',
    signature,
    clientSecret,
    method: req.method,
    url: `https://${req.get('host')}${req.originalUrl}`,
    requestBody: JSON.stringify(req.body),
    timestamp,
  });
}

// The partner API signs like S3 once did, under its own scheme name.
export function partnerAuthorization(operatorId: string, key: string, stringToSign: string): string {
  const sign = CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA1(stringToSign, CryptoJS.enc.Base64.parse(key)));
  return `AB ${operatorId}:${sign}`;
}
