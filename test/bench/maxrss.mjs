// Runs the fieldvisit CLI in this process and reports its peak resident memory on stderr at exit (for the import benchmark).
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
await import('../../bin/fieldvisit.js');
