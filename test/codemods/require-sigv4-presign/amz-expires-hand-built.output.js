// Builds presigned URLs by hand for a legacy uploader.

export function presignedQuery(credential, date) {
  return 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=' + credential + '&X-Amz-Date=' + date + '&X-Amz-Expires=' + 604800 /* SigV4 maximum (7 days); was EXPIRES */;
}

export const fixedQuery = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=604800&X-Amz-SignedHeaders=host';

export const queryObject = { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Expires': '604800' };
