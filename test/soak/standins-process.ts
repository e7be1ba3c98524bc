/**
 * The soak's stand-ins in a process of their own: fauxqs (S3 + SQS, memory only) and
 * dynalite (LevelDB in the folder given as argv[2]), on loopback. They play the AWS services,
 * which in AWS live outside the Lambda too; the soak's own process then holds only duofeed's
 * code and the SDK, so its memory is ours to account for, and this process's is theirs.
 *
 * Started with child_process.fork; sends one message with the endpoints, stops when the
 * parent disconnects.
 */
import { startDynalite, startFauxqs } from '../support/standins.js';

export interface StandinsReady {
  dynamoEndpoint: string;
  tableName: string;
  fauxqsEndpoint: string;
  bucket: string;
  queueUrl: string;
  dlqUrl: string;
}

const path = process.argv[2];
if (!path || !process.send) {
  process.stderr.write('usage: fork(standins-process.ts, [dynamoDataDir]) from the soak\n');
  process.exit(2);
}
const [ddb, aws] = await Promise.all([startDynalite({ path }), startFauxqs({ maxReceiveCount: Number(process.argv[3] ?? 3) })]);
const tableName = await ddb.createTable();
const ready: StandinsReady = { dynamoEndpoint: ddb.endpoint, tableName, fauxqsEndpoint: aws.endpoint, bucket: aws.bucket, queueUrl: aws.queueUrl, dlqUrl: aws.dlqUrl };
process.send(ready);
process.once('disconnect', () => {
  void Promise.all([ddb.stop(), aws.stop()]).finally(() => process.exit(0));
});
