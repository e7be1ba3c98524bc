/**
 * RawStore on S3: raw/<sourceId>/<articleId>/<sha256>.html, bytes untouched, with the
 * Content-Type the site sent (it may carry the charset) and the page URL as metadata, so a
 * replay (`duofeed reprocess`) sees exactly what the first parse saw.
 */
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NotFoundError, type DatedRawStore, type RawEntry, type RawPage } from '../core/ports.js';

export interface S3RawStoreOptions {
  client: S3Client;
  bucket: string;
  /** Keys per ListObjectsV2 call (S3's maximum is 1000); small values exercise paging in tests. */
  pageSize?: number;
}

/**
 * S3 metadata travels as HTTP headers, which must be printable ASCII; an IRI's other
 * characters are percent-encoded (still the same URL to any HTTP client).
 */
function asciiUrl(url: string): string {
  return url.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

export class S3RawStore implements DatedRawStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly pageSize: number;

  constructor(opts: S3RawStoreOptions) {
    this.client = opts.client;
    this.bucket = opts.bucket;
    this.pageSize = opts.pageSize ?? 1000;
  }

  async put(key: string, page: RawPage): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: page.bytes,
        ContentLength: page.bytes.byteLength,
        ...(page.contentType ? { ContentType: page.contentType } : {}),
        ...(page.url ? { Metadata: { url: asciiUrl(page.url) } } : {}),
      }),
    );
  }

  async get(key: string): Promise<RawPage> {
    let out;
    try {
      out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (err instanceof NoSuchKey || (err instanceof Error && err.name === 'NoSuchKey')) {
        throw new NotFoundError(`raw page '${key}' does not exist in bucket ${this.bucket}`, { cause: err });
      }
      throw err;
    }
    if (!out.Body) throw new NotFoundError(`raw page '${key}' has no body`);
    const page: RawPage = { bytes: await out.Body.transformToByteArray() };
    if (out.ContentType) page.contentType = out.ContentType;
    const url = out.Metadata?.url;
    if (url) page.url = url;
    return page;
  }

  async *list(prefix: string): AsyncIterable<string> {
    for await (const e of this.listWithDates(prefix)) yield e.key;
  }

  /** Keys with S3's LastModified, so a replay can tell which raw version of a page is newest. */
  async *listWithDates(prefix: string): AsyncIterable<RawEntry> {
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          MaxKeys: this.pageSize,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const o of out.Contents ?? []) if (o.Key) yield o.LastModified ? { key: o.Key, lastModified: o.LastModified } : { key: o.Key };
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
