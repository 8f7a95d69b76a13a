import { benchSimulator } from "./bench/simulator";
console.log(await benchSimulator());
console.log(await benchSimulator());
