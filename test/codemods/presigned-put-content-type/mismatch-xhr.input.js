// The header differs from the type the URL was signed with.
import AWS from 'aws-sdk';

const s3 = new AWS.S3();

export function uploadInvoice(pdf) {
  const url = s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'invoice.pdf', ContentType: 'application/pdf' });
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.send(pdf);
}
