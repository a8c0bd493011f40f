import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { Mailer } from '../messaging/mailer';
import type { EmailRenderer } from './email-renderer';
import type { StoreProfiles } from './store-profile';

/** What notification's use cases need; start.ts builds it from config, tests from fixtures. */
export interface NotificationDeps {
  db: Db;
  logger: Logger;
  profiles: StoreProfiles;
  renderer: EmailRenderer;
}

/** The delivery worker also sends. */
export interface SendDeps extends NotificationDeps {
  mailer: Mailer;
  mailFrom: string;
}
