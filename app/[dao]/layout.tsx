/** Layout of one DAO's pages: its header (name, sections, wallet) above the page. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConfigErrorView } from "@/components/ConfigErrorView";
import { DaoHeader } from "@/components/dao/DaoHeader";
import { IndexLagNotice } from "@/components/dao/IndexLagNotice";
import { RpcEndpointNotice } from "@/components/dao/RpcEndpointNotice";
import { chainName } from "@/lib/chain/daoChain";
import { getDaos } from "@/lib/server/daos";
import { loadDao } from "@/lib/server/loadDao";

type Props = { children: ReactNode; params: Promise<{ dao: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const loaded = await loadDao((await params).dao);
  if (loaded.status === "ready" || loaded.status === "chainUnreachable") {
    const { name, chainId } = loaded.config;
    const description = `Proposals, votes and delegates of ${name}, governed on ${chainName(chainId)}.`;
    return {
      title: { default: name, template: `%s · ${name}` },
      description,
      // The image comes from ./opengraph-image (a page with its own replaces it).
      openGraph: { siteName: "Commons", type: "website", title: name, description },
      twitter: { card: "summary_large_image", title: name, description },
    };
  }
  return {};
}

export default async function DaoLayout({ children, params }: Props) {
  const loaded = await loadDao((await params).dao);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return <ConfigErrorView error={loaded.error} />;
  const { config } = loaded;
  const dao = loaded.status === "ready" ? loaded.dao : null;
  return (
    <>
      <DaoHeader
        slug={config.slug}
        name={config.name}
        chainId={config.chainId}
        chainName={chainName(config.chainId)}
        token={
          dao
            ? {
                address: dao.token,
                decimals: dao.tokenDecimals,
                symbol: dao.tokenSymbol,
                votes: dao.flavour.token?.votes ?? "getPastVotes",
              }
            : null
        }
        showAllDaos={getDaos().length > 1}
      />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:py-10">
        <RpcEndpointNotice rpcUrls={config.rpcUrls} className="mb-6" />
        {dao ? <IndexLagNotice config={config} className="mb-6" /> : null}
        {children}
      </main>
    </>
  );
}
