/**
 * How long the phones of a room spread their reloads after a state change (a stage, a countdown,
 * the reveal): a thousand reloads in the same instant would hold up the answers arriving meanwhile.
 */
export const phoneReloadSpreadMs = 1500;
