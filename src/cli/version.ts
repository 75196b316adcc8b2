// The version `fieldvisit --version` prints: its own module, so printing it loads nothing else.
export const VERSION = '0.1.0';
