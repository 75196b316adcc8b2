// Registers the limitation, aging and officers reports under `fieldvisit report`.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { registerReportLimitation } from './limitation.js';
import { registerReportAging } from './aging.js';
import { registerReportOfficers } from './officers.js';

export function registerMoreReports(reportCmd: Command, ctx: Context): void {
  registerReportLimitation(reportCmd, ctx);
  registerReportAging(reportCmd, ctx);
  registerReportOfficers(reportCmd, ctx);
}
