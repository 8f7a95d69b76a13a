export type SoftwareItem = { name: string; version: string };

/**
 * The whole stored catalog, compactly: each distinct (name, version) pair once, and per device the
 * ids of its pairs in the order Datto listed them (repeats kept).
 */
export type StoredSoftwareCatalog = {
  titles: Array<SoftwareItem & { id: number }>;
  devices: Array<{ deviceUid: string; fetchedAt: number; titleIds: Uint32Array }>;
};

/**
 * Per-device software lists read from Datto's audits, kept so that a restart does not crawl the
 * whole fleet's software again.
 */
export interface SoftwareCatalogRepo {
  /** Replaces the device's list. */
  put(deviceUid: string, items: SoftwareItem[], fetchedAt: number): Promise<void>;
  loadAll(): Promise<StoredSoftwareCatalog>;
}
