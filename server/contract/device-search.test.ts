import { describe, expect, it } from "vitest";
import { parseDeviceSearch } from "./device-search";

describe("parseDeviceSearch", () => {
  it("splits words, lower-cased, and reads field prefixes", () => {
    expect(parseDeviceSearch("WS host:Beacon user:J.Doe")).toEqual([
      { field: null, text: "ws" },
      { field: "host", text: "beacon" },
      { field: "user", text: "j.doe" },
    ]);
    expect(parseDeviceSearch("ip:10.0.0 os:server UDF5:gold")).toEqual([
      { field: "ip", text: "10.0.0" },
      { field: "os", text: "server" },
      { field: "udf5", text: "gold" },
    ]);
  });

  it("keeps spaces inside quotes, with or without a field", () => {
    expect(parseDeviceSearch('site:"Acme Corp" "front desk"')).toEqual([
      { field: "site", text: "acme corp" },
      { field: null, text: "front desk" },
    ]);
  });

  it("treats an unknown prefix as part of the word and drops empty fields", () => {
    expect(parseDeviceSearch("00:1a:2b http://x udf301:a host: ")).toEqual([
      { field: null, text: "00:1a:2b" },
      { field: null, text: "http://x" },
      { field: null, text: "udf301:a" },
    ]);
    expect(parseDeviceSearch(undefined)).toEqual([]);
    expect(parseDeviceSearch('host:""')).toEqual([]);
  });
});
