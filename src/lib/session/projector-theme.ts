/** The projector's themes: light, or dark and high-contrast for a bright room or a weak projector. */
export const projectorThemes = ['light', 'dark'] as const;
export type ProjectorTheme = (typeof projectorThemes)[number];
