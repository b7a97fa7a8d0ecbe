// Telling from an S3 request's URL or host that it goes to S3, and for which region SigV4 must sign:
// SigV2 never needed the bucket's region, SigV4 does, so a host that does not name it stays manual.
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { isVisibleAt } from './bindings';
import { manual } from './manual-work';
import { envMarker, splicedSesRegion, urlAlternatives } from './ses-signing-target';
import type { SigningTarget } from './ses-signing-target';
import { definiteText } from './sign-request-call';

/** `s3.amazonaws.com`, `bucket.s3.eu-west-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`: an S3 REST host. */
const S3_HOST = /(?:^|[./\0])s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com/;
const S3_HOST_REGION = /(?:^|[./\0])s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
/** The label before a region spliced into an S3 host: `s3.${region}.amazonaws.com`, `s3-${region}`. */
const S3_REGION_LABEL = /(?:^|[./])s3[.-](?:dualstack\.)?$/;

function noRegionReason(url: Node): string {
  return `no region is visible for '${url.getText()}': SigV4 signs for the bucket's region, and this host does not name it ` +
    "(s3.amazonaws.com, or a host the environment or a caller may replace). Write the bucket's region into the host (https://<bucket>.s3.<region>.amazonaws.com) and run the migration again, " +
    "or sign by hand with signRequest(…, { service: 's3', region: '<the bucket's region>', credentials })";
}

/** S3 and the region to sign for, as visible at `site`; manual when the host is not visibly S3 or names no region. */
export function findS3SigningTarget(sourceFile: SourceFile, url: Node, site: Node, quote: string): SigningTarget {
  const alternatives = urlAlternatives(sourceFile, url);
  const isS3 = alternatives.some((alternative) => S3_HOST.test(alternative) || alternative.includes(envMarker('AWS_ENDPOINT_URL_S3')));
  if (!isS3) manual(`the endpoint '${url.getText()}' is not visibly S3 (a <bucket>.s3.<region>.amazonaws.com host or AWS_ENDPOINT_URL_S3)`);
  // `https://s3.${region}.amazonaws.com`: the spliced name is the region.
  const spliced = splicedSesRegion(sourceFile, url, 0, S3_REGION_LABEL);
  if (spliced && Node.isIdentifier(spliced) && isVisibleAt(sourceFile, spliced.getText(), site, { origin: spliced })) {
    return { service: 's3', region: definiteText(sourceFile, spliced) };
  }
  const regions = alternatives.map((alternative) => S3_HOST_REGION.exec(alternative)?.[1]);
  const [onlyRegion] = regions;
  // Every host the URL can be names the same region (an override such as AWS_ENDPOINT_URL_S3 names none).
  if (onlyRegion && regions.every((region) => region === onlyRegion)) return { service: 's3', region: `${quote}${onlyRegion}${quote}` };
  manual(noRegionReason(url));
}
