/**
 * Says when some of a DAO's RPC endpoints are failing while another still answers: the pages
 * work (reads fail over), but the operator should know, and a reader may see slower pages. Hosts
 * only, never full URLs (providers put API keys in them). Reflects this server's recent requests.
 */
import { Alert } from "@/components/ui/alert";
import { hostOf } from "@/lib/chain/chainErrors";
import { endpointStatuses } from "@/lib/chain/endpointHealth";

/** @example <RpcEndpointNotice rpcUrls={config.rpcUrls} /> */
export function RpcEndpointNotice({ rpcUrls, className }: { rpcUrls: readonly string[]; className?: string }) {
  const statuses = endpointStatuses(rpcUrls);
  const down = statuses.filter((status) => status.state === "down");
  const up = statuses.filter((status) => status.state === "up");
  if (down.length === 0 || up.length === 0) return null;
  return (
    <Alert tone="info" className={className} title={`${down.length} of ${rpcUrls.length} RPC endpoints failing`}>
      {down.map((status) => `${hostOf(status.url)} ${status.failure?.message ?? "failed"}`).join("; ")}. Reading through{" "}
      {up.map((status) => hostOf(status.url)).join(", ")}.
    </Alert>
  );
}
