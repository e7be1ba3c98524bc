import { describe, expect, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startDynalite, startDynamoDbLocal, startFauxqs } from '../support/standins.js';

describe('stand-ins', () => {
  it.each([
    ['dynalite', startDynalite],
    ['DynamoDB Local', startDynamoDbLocal],
  ])('%s creates the production table schema', async (_name, start) => {
    const ddb = await start();
    try {
      expect(ddb.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const table = await ddb.createTable();
      const d = await ddb.client.send(new DescribeTableCommand({ TableName: table }));
      expect(d.Table?.TableStatus).toBe('ACTIVE');
      expect(d.Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['bySource', 'byTime']);
    } finally {
      await ddb.stop();
    }
  });

  it('fauxqs serves S3 and SQS on loopback', async () => {
    const aws = await startFauxqs();
    try {
      await aws.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: 'a/b.html', Body: 'héllo', ContentType: 'text/html' }));
      const got = await aws.s3.send(new GetObjectCommand({ Bucket: aws.bucket, Key: 'a/b.html' }));
      expect(await got.Body?.transformToString()).toBe('héllo');
      await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queueUrl, MessageBody: '{"x":1}' }));
      const r = await aws.sqs.send(new ReceiveMessageCommand({ QueueUrl: aws.queueUrl, MaxNumberOfMessages: 10 }));
      expect(r.Messages?.map((m) => m.Body)).toEqual(['{"x":1}']);
    } finally {
      await aws.stop();
    }
  });
});
