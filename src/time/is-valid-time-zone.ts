/** True when Intl knows the IANA zone name (e.g. "America/Sao_Paulo", "UTC"). */
export function isValidTimeZoneName(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
