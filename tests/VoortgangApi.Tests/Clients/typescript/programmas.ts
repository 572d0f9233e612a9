// A client developer's code against the programme paths of 1.6: the list of programmes, and one programme's themes
// and items. Compiled with tsc --strict beside programma.ts (which keeps calling the paths of the released contract).
import createClient from "openapi-fetch";
import type { paths } from "./api";

export async function programmas(basis: string): Promise<string[]> {
  const client = createClient<paths>({ baseUrl: basis });
  const regels: string[] = [];

  const { data: lijst } = await client.GET("/programmas", { params: { query: { page: 1, pageSize: 20 } } });
  for (const p of lijst?.programmas ?? []) {
    regels.push(`${p.id}: ${p.titel} (${p.ministeries.join(", ")}) ${p.laatsteBrief?.peildatum ?? "nog geen brief"} ${p._links.self.href}`);

    const { data: themas } = await client.GET("/programmas/{programmaId}/themas", { params: { path: { programmaId: p.id } } });
    for (const t of themas?.themas ?? []) {
      regels.push(`  ${t.id}: ${t.naam} ${t.aantalOplossingsrichtingen}`);
    }

    const { data: pagina } = await client.GET("/programmas/{programmaId}/oplossingsrichtingen", {
      params: { path: { programmaId: p.id }, query: { thema: ["zorg"], page: 1, pageSize: 5 } },
    });
    regels.push(`  ${pagina?.totaal ?? 0} oplossingsrichtingen`);
  }

  return regels;
}
