/** 404: an unknown DAO, proposal or page. */
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-xl px-4 py-24 text-center">
      <p className="font-medium text-muted-foreground text-sm">404</p>
      <h1 className="mt-2 font-semibold text-2xl tracking-tight">Page not found</h1>
      <p className="mt-3 text-muted-foreground">There is no DAO, proposal or page at this address.</p>
      <Link href="/" className={buttonClass({ variant: "secondary", className: "mt-8" })}>
        Go to the start page
      </Link>
    </main>
  );
}
