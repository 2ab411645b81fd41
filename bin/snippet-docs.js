#!/usr/bin/env node
// The installed command. The tool is written in TypeScript and runs through tsx's loader, which is
// registered in this process (no second process, unlike the tsx command).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli/main.ts");
const { processIo } = await import("../scripts/cli/io.ts");
process.exitCode = await main(process.argv.slice(2), processIo());
