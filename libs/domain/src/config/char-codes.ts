// The character codes the YAML scanners compare against: they run over every byte of a
// 10 MB file, where comparing numbers beats comparing one-character strings.
export const TAB = 9;
export const NL = 10;
export const CR = 13;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const SQUOTE = 39;
export const DASH = 45;
export const COLON = 58;
