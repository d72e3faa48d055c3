/** Where the Electron executable is, or null when its binary is not installed. */
export function electronBinary(root: string): string | null;
