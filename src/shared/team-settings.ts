import { z } from 'zod';

/** Where a conversation the brand answered with another app goes: a status, or left as it is. */
export const AnsweredOutsideStatusSchema = z.enum(['open', 'pending', 'done']).nullable();

/** What the whole team decided once for the inbox (managers change it). */
export const TeamSettingsSchema = z.object({
  /**
   * The status a new or open conversation moves to when the brand's last word in it was a reply
   * made with another app (null: it stays as it is). A customer who writes again reopens it.
   */
  answeredOutsideStatus: AnsweredOutsideStatusSchema,
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { answeredOutsideStatus: 'done' };

/** Managers: the settings to change (the others stay). */
export const SaveTeamSettingsInputSchema = z
  .object({ answeredOutsideStatus: AnsweredOutsideStatusSchema.optional() })
  .strict();
export type SaveTeamSettingsInput = z.infer<typeof SaveTeamSettingsInputSchema>;
