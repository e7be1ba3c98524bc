/**
 * DeadLetters on SQS: the parse handler's own route to the DLQ, so a message arrives there
 * with the reason it failed. SQS's redrive policy moves a message without saying why; the
 * handler sends it instead on its last allowed receive and then reports it done.
 *
 * The body goes unchanged, so a redrive back to the parse queue (StartMessageMoveTask, or
 * any copy of the body) replays it as the same ParseJob; the failure travels as message
 * attributes, which the parse handler never reads.
 */
import { SendMessageCommand, type Message, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetterFailure, DeadLetters } from '../core/ports.js';

/** Attribute names; SQS allows letters, digits, `-`, `_` and single dots. */
export const DEAD_LETTER_ATTRIBUTES = {
  reason: 'duofeed.reason',
  receives: 'duofeed.receives',
  messageId: 'duofeed.messageId',
  failedAt: 'duofeed.failedAt',
} as const;

/**
 * The reason is cut to this many UTF-8 bytes: every reason the parse side writes fits, and
 * body plus attributes stays far below SQS's message size limit (256 KiB on older queues)
 * whatever the parser put into its message. The full text is in the log line of the same
 * messageId.
 */
export const REASON_MAX_BYTES = 4096;

export class DeadLetterError extends Error {
  override name = 'DeadLetterError';
}

/** SQS accepts only XML 1.0 characters in bodies and attribute values (no C0 controls, no lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The reason as SQS will take it: XML characters only, at most REASON_MAX_BYTES bytes. */
export function reasonAttribute(reason: string): string {
  const clean = (reason || 'no reason given').replace(NOT_XML_CHAR, '\uFFFD');
  const total = Buffer.byteLength(clean);
  if (total <= REASON_MAX_BYTES) return clean;
  const note = ` … [cut; ${total} bytes in all, see the log]`;
  let out = '';
  let bytes = 0;
  // By code point, so a multi-byte character is never split.
  for (const ch of clean) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > REASON_MAX_BYTES - Buffer.byteLength(note)) break;
    out += ch;
    bytes += n;
  }
  return out + note;
}

export class SqsDeadLetters implements DeadLetters {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(body: string, failure: DeadLetterFailure): Promise<void> {
    const str = (v: string): MessageAttributeValue => ({ DataType: 'String', StringValue: v });
    try {
      await this.client.send(
        new SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: body,
          MessageAttributes: {
            [DEAD_LETTER_ATTRIBUTES.reason]: str(reasonAttribute(failure.reason)),
            [DEAD_LETTER_ATTRIBUTES.receives]: { DataType: 'Number', StringValue: String(failure.receives) },
            // Ids and times are ours or SQS's, but an empty string is not a valid attribute value.
            [DEAD_LETTER_ATTRIBUTES.messageId]: str(failure.messageId || 'unknown'),
            [DEAD_LETTER_ATTRIBUTES.failedAt]: str(failure.failedAt),
          },
        }),
      );
    } catch (err) {
      throw new DeadLetterError(`cannot send message ${failure.messageId} to the dead-letter queue: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
    }
  }
}

/**
 * The failure a DLQ message carries, or undefined when it has none (moved by the redrive
 * policy: the handler crashed, timed out, or could not send it itself).
 * Receive with MessageAttributeNames: ['All'] (or the names above) to get them.
 */
export function deadLetterFailureOf(m: Pick<Message, 'MessageAttributes'>): DeadLetterFailure | undefined {
  const a = m.MessageAttributes ?? {};
  const reason = a[DEAD_LETTER_ATTRIBUTES.reason]?.StringValue;
  if (reason === undefined) return undefined;
  return {
    reason,
    receives: Number(a[DEAD_LETTER_ATTRIBUTES.receives]?.StringValue ?? 0),
    messageId: a[DEAD_LETTER_ATTRIBUTES.messageId]?.StringValue ?? '',
    failedAt: a[DEAD_LETTER_ATTRIBUTES.failedAt]?.StringValue ?? '',
  };
}
