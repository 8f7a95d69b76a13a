import { benchBrowser } from "./browser";
import { printTable } from "./table";
const rows = await benchBrowser({
  baseUrl: "http://127.0.0.1:4393",
  username: "technician",
  password: "demo",
});
printTable([{ section: "browser", rows }]);
