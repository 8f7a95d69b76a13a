import { benchFleet } from "./fleet";
import { printTable } from "./table";
const rows = await benchFleet();
printTable([{ section: "fleet", rows }]);
