/** Home: with one DAO configured, go straight to it; with several, list them. */
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { chainName } from "@/lib/chain/daoChain";
import { ConfigError } from "@/lib/config/ConfigError";
import type { DaoConfig } from "@/lib/config/schema";
import { getDaos } from "@/lib/server/daos";

function daosOrNull(): DaoConfig[] | null {
  try {
    return getDaos();
  } catch (error) {
    // The root layout already shows the config error in place of the app.
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

export default function HomePage() {
  const daos = daosOrNull();
  if (!daos) return null;
  const [only] = daos;
  if (only && daos.length === 1) redirect(`/${only.slug}`);
  return (
    <main id="main" className="mx-auto w-full max-w-3xl px-4 py-12">
      <h1 className="font-semibold text-2xl tracking-tight">Commons</h1>
      <p className="mt-2 text-muted-foreground">Choose a DAO to read its proposals, vote and delegate.</p>
      <ul aria-label="DAOs" className="mt-8 grid gap-3 sm:grid-cols-2">
        {daos.map((dao) => (
          <li key={dao.slug}>
            <Card className="relative p-5 transition-colors has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-accent hover:border-zinc-300 dark:hover:border-zinc-700">
              <h2 className="font-medium">
                <Link
                  href={`/${dao.slug}`}
                  className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
                >
                  {dao.name}
                </Link>
              </h2>
              <p className="mt-1 text-muted-foreground text-sm">{chainName(dao.chainId)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}
