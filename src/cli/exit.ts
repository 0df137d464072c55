// Exit codes: 0 valid (warnings allowed), 1 findings at error level, 2 usage error or unreadable input.
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
