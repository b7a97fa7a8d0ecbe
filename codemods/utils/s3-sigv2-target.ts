// Telling from an S3 request's URL or host that it goes to S3, and for which region SigV4 must sign:
// SigV2 never needed the bucket's region, SigV4 does, so a host that does not name it stays manual.
import { Node } from 'ts-morph';
import type { SourceFile } from 'ts-morph';
import { isVisibleAt } from './bindings';
import { manual } from './manual-work';
import { oneLineExcerpt } from './quoted-code';
import { envMarker, splicedRegion, urlAlternatives } from './ses-signing-target';
import type { SigningTarget } from './ses-signing-target';
import { definiteText } from './sign-request-call';

/** `s3.amazonaws.com`, `bucket.s3.eu-west-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`: an S3 REST host. */
const S3_HOST = /(?:^|[./\0])s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com/;
const S3_HOST_REGION = /(?:^|[./\0])s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/;
/** The label before a region spliced into an S3 host: `s3.${region}.amazonaws.com`, `s3-${region}`. */
const S3_REGION_LABEL = /(?:^|[./])s3[.-](?:dualstack\.)?$/;

function noRegionReason(url: Node): string {
  return `'${oneLineExcerpt(url.getText())}' names no region, and SigV4 signs for the bucket's region (write it into the host, then run again)`;
}

/** An S3 host written in the file: `s3.amazonaws.com`, `${bucket}.s3.amazonaws.com`, `s3.eu-west-1.amazonaws.com`. */
const S3_HOST_TEXT = /\bs3(?:[.-][\w${}.-]*)?\.amazonaws\.com/g;

/**
 * Said along with another reason a signer stays manual: when every S3 host written in the file is
 * one that names no region, SigV4 will need the bucket's region there too.
 */
export function missingRegionHint(sourceFile: SourceFile): string {
  const hosts = sourceFile.getFullText().match(S3_HOST_TEXT) ?? [];
  const namesRegion = (host: string) => S3_HOST_REGION.test(host) || /s3[.-](?:dualstack\.)?\$\{/.test(host);
  return hosts.length > 0 && !hosts.some(namesRegion)
    ? `, and no S3 host here names the bucket's region (${[...new Set(hosts)].join(', ')})`
    : '';
}

/** S3 and the region to sign for, as visible at `site`; manual when the host is not visibly S3 or names no region. */
export function findS3SigningTarget(sourceFile: SourceFile, url: Node, site: Node, quote: string): SigningTarget {
  const alternatives = urlAlternatives(sourceFile, url);
  const isS3 = alternatives.some((alternative) => S3_HOST.test(alternative) || alternative.includes(envMarker('AWS_ENDPOINT_URL_S3')));
  if (!isS3) manual(`the endpoint '${url.getText()}' is not visibly S3 (a <bucket>.s3.<region>.amazonaws.com host or AWS_ENDPOINT_URL_S3)`);
  // `https://s3.${region}.amazonaws.com`: the spliced name is the region.
  const spliced = splicedRegion(sourceFile, url, S3_REGION_LABEL);
  if (spliced && Node.isIdentifier(spliced) && isVisibleAt(sourceFile, spliced.getText(), site, { origin: spliced })) {
    return { service: 's3', region: definiteText(sourceFile, spliced) };
  }
  const regions = alternatives.map((alternative) => S3_HOST_REGION.exec(alternative)?.[1]);
  const [onlyRegion] = regions;
  // Every host the URL can be names the same region (an override such as AWS_ENDPOINT_URL_S3 names none).
  if (onlyRegion && regions.every((region) => region === onlyRegion)) return { service: 's3', region: `${quote}${onlyRegion}${quote}` };
  manual(noRegionReason(url));
}
