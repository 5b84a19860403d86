/**
 * Keeps secrets out of the log. Secrets are registered as accounts' secrets are read; the masking
 * policy itself (known values plus signature and Authorization patterns) is the vendor layer's
 * `createRedactor`, passed in by the composition root so there is one policy, not two.
 */
export type RedactorFactory = (secrets: readonly string[]) => (text: string) => string;

/** Secrets shorter than this are not masked by value: they would mask ordinary words and digits. */
const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly secrets = new Set<string>();
  private current: ((text: string) => string) | undefined;

  constructor(private readonly factory: RedactorFactory) {}

  register(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.current = undefined;
  }

  redact(text: string): string {
    this.current ??= this.factory([...this.secrets]);
    return this.current(text);
  }
}
