/** A rendered page kept for replay while its tenant's stamps are the ones it was rendered under. */
export interface CachedPage {
  stamps: string;
  status: number;
  html: string;
  expiresAt: number;
}

/**
 * Rendered anonymous catalog pages in memory, bounded by bytes and entries (the keys are URLs,
 * which anyone can vary), least recently used out first. Keys start with the tenant id.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string, stamps: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (!page) return undefined;
    this.entries.delete(key);
    if (page.stamps !== stamps || page.expiresAt <= this.now()) {
      this.bytes -= page.html.length;
      return undefined;
    }
    this.entries.set(key, page);
    return page;
  }

  set(key: string, stamps: string, status: number, html: string): void {
    if (!this.enabled || html.length > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.html.length;
    }
    this.entries.set(key, { stamps, status, html, expiresAt: this.now() + this.maxAgeMs });
    this.bytes += html.length;
    for (const [oldest, page] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.bytes -= page.html.length;
    }
  }
}
