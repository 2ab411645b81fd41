// Preloaded into every JavaScript snippet the conformance harness runs (node --import): a
// connection to anything but the local test server fails loudly, so a snippet (or an SDK) that
// would reach the network is caught instead of quietly calling a real API.
import net from "node:net";

const LOCAL_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect passes its normalized arguments as an array; a direct call passes options or a port.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : { port: first, host: args[1] };
  if (!options.path) {
    const host = options.host ?? "localhost";
    if (!LOCAL_HOSTS.has(host)) {
      const message = `conformance network guard: connection to ${host}:${options.port} refused (snippets may only call the local test server)`;
      process.stderr.write(message + "\n");
      throw new Error(message);
    }
  }
  return connect.apply(this, args);
};
