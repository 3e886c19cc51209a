import getStats from './get_stats';

// Keys are public contract: Zaps refer to them. Never rename one.
export const creates = {
  get_stats: getStats,
};
