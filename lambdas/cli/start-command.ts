/** `duofeed start` — placeholder until its issue lands; exits 2 so nothing mistakes it for done. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('duofeed start: not implemented yet\n');
  return 2;
}
