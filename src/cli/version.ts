/** The version of dakindex (package.json), shown by --version and recorded with what a batch writes. */
export const VERSION = '0.1.0';
