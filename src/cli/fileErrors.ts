/** The `code` of a Node file-system error (`ENOENT`, `ELOOP`, …), if it has one. */
export function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
