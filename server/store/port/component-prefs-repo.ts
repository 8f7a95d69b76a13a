/** Each person's favourite components and recently used ones (the launcher's quick picks). */
export interface ComponentPrefsRepo {
  /** Favourite uids, and used uids most recent first. */
  get(userId: string): Promise<{ favourites: string[]; recent: string[] }>;
  setFavourite(userId: string, componentUid: string, favourite: boolean): Promise<void>;
  markUsed(userId: string, componentUid: string, at: number): Promise<void>;
}
