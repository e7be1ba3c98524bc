// A stand-in for the Lambda Node.js runtime's invoke loop, for the rehearsal: a fresh Node
// process loads one deployed bundle (argv[2], an index.mjs exactly as cdk.out staged it),
// then takes invocations over IPC — { id, event } — calls `handler(event, context)` as the
// runtime does, and answers { id, ok, result } or { id, ok: false, error }. Plain JavaScript:
// nothing of the test's TypeScript toolchain is loaded into the process under test.
import { pathToFileURL } from 'node:url';

const [, , entry, handlerName = 'handler'] = process.argv;
const timeoutMs = Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT_MS ?? 3000);
const mod = await import(pathToFileURL(entry).href);
const handler = mod[handlerName];
if (typeof handler !== 'function') {
  process.send({ ready: false, error: `${entry} exports no function '${handlerName}'` });
  process.exit(1);
}

process.on('message', async ({ id, event }) => {
  const deadline = Date.now() + timeoutMs;
  const context = {
    awsRequestId: id,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const result = await handler(event, context);
    process.send({ id, ok: true, result: result === undefined ? null : result });
  } catch (err) {
    process.send({ id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } });
  }
});
process.send({ ready: true });
