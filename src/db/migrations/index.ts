// Every migration in order. Append only: a shipped migration is never edited.
import type { Migration } from '../migrate.js';
import { migration0001 } from './0001_initial.js';
import { migration0002 } from './0002_report_indexes.js';
import { migration0003 } from './0003_exchange.js';
import { migration0004 } from './0004_void_status.js';
import { migration0005 } from './0005_exchange_indexes.js';
import { migration0006 } from './0006_keys.js';
import { migration0007 } from './0007_notice_fields.js';
import { migration0008 } from './0008_legal_facts.js';
import { migration0009 } from './0009_ledger.js';
import { migration0010 } from './0010_attachments.js';
import { migration0011 } from './0011_costs.js';
import { migration0012 } from './0012_channels.js';
import { migration0013 } from './0013_merged_checksum.js';
import { migration0014 } from './0014_ledger_paid.js';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014];
