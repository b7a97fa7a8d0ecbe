// Server-side snapshot job: writes the public status page's JSON to S3 through a presigned URL so that
// the writer role never needs s3:PutObject itself (the URL is minted by the deploy role).
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

interface StatusSnapshot {
  generatedAt: string;
  components: { name: string; status: 'operational' | 'degraded' | 'outage' }[];
}

const client = new S3Client({ region: process.env.AWS_REGION ?? 'us-east-1' });

async function snapshotUrl(key: string): Promise<string> {
  const command = new PutObjectCommand({
    Bucket: process.env.STATUS_BUCKET ?? 'status-page',
    Key: key,
    ContentType: 'application/json',
    CacheControl: 'max-age=30',
  });
  return getSignedUrl(client, command, { expiresIn: 120, signableHeaders: new Set(['content-type']) });
}

export async function publishSnapshot(snapshot: StatusSnapshot): Promise<void> {
  const url = await snapshotUrl('status.json');
  const res = await fetch(url, { method: 'PUT', body: JSON.stringify(snapshot) }); // expect: presigned-put-content-type
  if (!res.ok) {
    throw new Error(`status snapshot upload failed: ${res.status} ${await res.text()}`);
  }
}

export function buildSnapshot(checks: Record<string, boolean | 'slow'>): StatusSnapshot {
  return {
    generatedAt: new Date().toISOString(),
    components: Object.entries(checks).map(([name, ok]) => ({
      name,
      status: ok === true ? 'operational' : ok === 'slow' ? 'degraded' : 'outage',
    })),
  };
}
