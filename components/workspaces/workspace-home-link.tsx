"use client";

import { Link } from "@/components/ui/link";
import { useParams } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";

/** The current workspace's home, for pages that do not receive the route's params (not-found). */
export function WorkspaceHomeLink({ children }: { children: React.ReactNode }) {
  const { slug } = useParams<{ slug: string }>();
  return (
    <Link href={`/w/${slug}`} className={buttonClasses("primary")}>
      {children}
    </Link>
  );
}
