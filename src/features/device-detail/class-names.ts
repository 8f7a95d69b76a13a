const CLASS_NAMES: Record<string, string> = {
  device: "computer",
  printer: "printer",
  esxihost: "ESXi host",
  rmmnetworkdevice: "network device",
};

/** A Datto device class in words ("esxihost" -> "ESXi host"). */
export function deviceClassName(deviceClass: string): string {
  return CLASS_NAMES[deviceClass] ?? "kind of device";
}
