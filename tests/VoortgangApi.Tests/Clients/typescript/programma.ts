// A client developer's code, written against the released contract: openapi-fetch over the types openapi-typescript
// generates (into ./api.d.ts) from the served document. ClientgeneratorTests compiles it with tsc --strict; a change
// that breaks this calling code (a field made optional, a parameter's type changed, a path renamed) fails the suite.
import createClient from "openapi-fetch";
import type { paths } from "./api";

export async function programma(basis: string): Promise<string[]> {
  const client = createClient<paths>({ baseUrl: basis });
  const regels: string[] = [];

  const { data: themas } = await client.GET("/themas");
  for (const t of themas?.themas ?? []) {
    regels.push(`${t.id}: ${t.naam.toUpperCase()} (${t.aantalOplossingsrichtingen + t.volgorde}) ${t.omschrijving.length}`);
  }

  const { data: pagina } = await client.GET("/oplossingsrichtingen", {
    params: { query: { thema: ["zorg", "politie"], status: ["in_uitvoering"], page: 1, pageSize: 5 } },
  });
  if (pagina) {
    regels.push(`${pagina.totaal} in ${pagina.aantalPaginas} pagina's van ${pagina.pageSize}`);
    for (const o of pagina.oplossingsrichtingen) {
      regels.push(`${o.id} ${o.titel.trim()} ${o.status.status} ${o.status.peildatum} ${o.status.bron?.titel ?? "zonder bron"}`);
    }
  }

  const { data: item } = await client.GET("/oplossingsrichtingen/{id}", { params: { path: { id: "ZD-04" } } });
  if (item) {
    regels.push(`${item.planning} ${item.buitenAanpak ? "buiten" : "binnen"} ${item.verantwoordelijkePartijen.join(",")} ${item.bronnen.length}`);
  }

  const { data: partijen } = await client.GET("/partijen");
  for (const p of partijen?.partijen ?? []) {
    regels.push(`${p.id} ${p.naam} ${p.soort}`);
  }

  const { data: verschil } = await client.GET("/rapportagecycli/{cyclusId}/verschillen", {
    params: { path: { cyclusId: "najaar-2024" }, query: { tenOpzichteVan: "aanpak-2023" } },
  });
  if (verschil) {
    regels.push(`${verschil.cyclus} ↔ ${verschil.tenOpzichteVan}: ${verschil.aantallen.statusovergangen + verschil.aantallen.toegevoegd}`);
  }

  return regels;
}
