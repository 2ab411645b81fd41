#!/usr/bin/env node
// The installed command. The tool is written in TypeScript; it runs from an esbuild bundle when one
// is current, else through tsx's loader in this process (scripts/launch.mjs).
import { loadCli } from "../scripts/launch.mjs";

const { main, processIo } = await loadCli();
process.exitCode = await main(process.argv.slice(2), processIo());
